// Countries we serve and Rwanda's provinces and districts (from the national
// administrative list). Sectors, cells and villages are typed; so are the
// divisions of other countries.

import rwanda from './data/rwanda-admin.json';
import type { UiLocale } from '../../electron/server/locale/numbers';

export const COUNTRIES = [
  { code: 'RW', currency: 'RWF' },
  { code: 'BI', currency: 'BIF' },
  { code: 'CD', currency: 'CDF' },
  { code: 'LR', currency: 'LRD' },
] as const;

export type CountryCode = (typeof COUNTRIES)[number]['code'];

export function defaultCurrency(country: string): string {
  return COUNTRIES.find((c) => c.code === country)?.currency ?? 'USD';
}

const PROVINCES_FR: Record<string, string> = {
  'Kigali City': 'Ville de Kigali',
  'Northern Province': 'Province du Nord',
  'Southern Province': 'Province du Sud',
  'Eastern Province': "Province de l'Est",
  'Western Province': "Province de l'Ouest",
};

/** Provinces as stored (the official English name) and as shown in the language. */
export function rwandaProvinces(language: UiLocale): { value: string; label: string }[] {
  return rwanda.provinces.map((p) => ({ value: p.name, label: provinceLabel(p.name, language) }));
}

export function rwandaDistricts(province: string): { value: string; label: string }[] {
  return (rwanda.provinces.find((p) => p.name === province)?.districts ?? []).map((d) => ({ value: d, label: d }));
}

export function provinceLabel(stored: string, language: UiLocale): string {
  const p = rwanda.provinces.find((x) => x.name === stored);
  if (!p) return stored;
  if (language === 'rw') return p.name_rw;
  if (language === 'fr') return PROVINCES_FR[p.name] ?? p.name;
  return p.name;
}
