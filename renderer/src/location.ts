// Places as the screens show them: the countries we serve, each country's levels
// (locale/places.ts, shared with the server), the first level's names in the reader's
// language where they have one (Rwanda's provinces), and a place written on one line.

import { COUNTRY_CODES, COUNTRY_PLACES, isCountryCode, placeLine, secondLevelNames, type CountryCode, type PlaceColumn } from '../../electron/server/locale/places';
import type { UiLocale } from '../../electron/server/locale/numbers';

export const COUNTRIES = COUNTRY_CODES.map((code) => ({ code, currency: COUNTRY_PLACES[code].currency }));
export type { CountryCode };
export { COUNTRY_OF_LANGUAGE } from '../../electron/server/locale/places';

export function defaultCurrency(country: string): string {
  return isCountryCode(country) ? COUNTRY_PLACES[country].currency : 'USD';
}

const PROVINCES_FR: Record<string, string> = {
  'Kigali City': 'Ville de Kigali',
  'Northern Province': 'Province du Nord',
  'Southern Province': 'Province du Sud',
  'Eastern Province': "Province de l'Est",
  'Western Province': "Province de l'Ouest",
};

/** A first-level name as stored (the official one) shown in the language: Rwanda's provinces in Kinyarwanda and French. */
export function provinceLabel(stored: string, language: UiLocale, country = 'RW'): string {
  if (country !== 'RW') return stored;
  const p = COUNTRY_PLACES.RW.firstLevel.find((x) => x.name === stored);
  if (!p) return stored;
  if ((language === 'rw' || language === 'rn') && p.nameRw) return p.nameRw;
  if (language === 'fr') return PROVINCES_FR[p.name] ?? p.name;
  return p.name;
}

/** The first level's list, plus the stored name if it is an older one (a Burundian province before 2025). */
export function firstLevelOptions(country: CountryCode, language: UiLocale, current: string): { value: string; label: string }[] {
  const names = COUNTRY_PLACES[country].firstLevel.map((f) => f.name);
  const all = current && !names.includes(current) ? [...names, current] : names;
  return all.map((name) => ({ value: name, label: provinceLabel(name, language, country) }));
}

/** The second level's list where there is one (Rwanda's districts), else null: typed. */
export function secondLevelOptions(country: CountryCode, firstLevel: string): { value: string; label: string }[] | null {
  if (!COUNTRY_PLACES[country].firstLevel.some((f) => f.secondLevel)) return null;
  return (secondLevelNames(country, firstLevel) ?? []).map((d) => ({ value: d, label: d }));
}

/** "Kabeza, Cyarwa, Tumba, Huye, Southern Province": smallest first, the country's own levels only. */
export function placeOf(a: { readonly country: string } & Readonly<Record<PlaceColumn, string>>, language: UiLocale): string {
  return placeLine(a.country, a, (name) => provinceLabel(name, language, a.country));
}
