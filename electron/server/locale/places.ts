// How each country names its places, from the largest to the smallest, and which of
// an association's five place columns holds each level. Rwanda: province, district,
// sector, cell, village; Burundi: province, commune, zone, colline; the DRC: province,
// territory or city, chiefdom or sector, groupement, village; Liberia: county,
// district, clan, town. The first level comes from a list (admin-areas.json, copied
// from the shared reference data); Rwanda's districts too. The columns keep their
// Rwandan names: a country with four levels leaves `cell` empty, and its smallest
// place is always in `village`. Shared by the server (validation, statements) and the
// screens (labels, lists).

import areas from './admin-areas.json';

export const PLACE_COLUMNS = ['province', 'district', 'sector', 'cell', 'village'] as const;
export type PlaceColumn = (typeof PLACE_COLUMNS)[number];

export const COUNTRY_CODES = ['RW', 'BI', 'CD', 'LR'] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

export interface PlaceLevel {
  /** The level's own name, as the translations key it ("place.BI.commune"). */
  readonly key: string;
  readonly column: PlaceColumn;
}

export interface CountryPlaces {
  readonly code: CountryCode;
  /** The currency a new association there keeps its books in (USD stays available). */
  readonly currency: 'RWF' | 'BIF' | 'CDF' | 'LRD';
  readonly levels: readonly PlaceLevel[];
  /** The first level's names, as written officially (stored as they are). */
  readonly firstLevel: readonly { readonly name: string; readonly nameRw?: string; readonly secondLevel?: readonly string[] }[];
  /** Older names still accepted (Burundi's 18 provinces before the 2025 reform), for books kept before. */
  readonly formerFirstLevel: readonly string[];
}

const LEVELS: Record<CountryCode, readonly PlaceLevel[]> = {
  RW: [{ key: 'province', column: 'province' }, { key: 'district', column: 'district' }, { key: 'sector', column: 'sector' }, { key: 'cell', column: 'cell' }, { key: 'village', column: 'village' }],
  BI: [{ key: 'province', column: 'province' }, { key: 'commune', column: 'district' }, { key: 'zone', column: 'sector' }, { key: 'colline', column: 'village' }],
  CD: [{ key: 'province', column: 'province' }, { key: 'territory', column: 'district' }, { key: 'chiefdom', column: 'sector' }, { key: 'groupement', column: 'cell' }, { key: 'village', column: 'village' }],
  LR: [{ key: 'county', column: 'province' }, { key: 'district', column: 'district' }, { key: 'clan', column: 'sector' }, { key: 'town', column: 'village' }],
};

interface AreaCountry {
  readonly code: string;
  readonly currency: string;
  readonly first_level: readonly { readonly name: string; readonly name_rw?: string; readonly second_level?: readonly string[] }[];
  readonly former_first_level_until_2025?: readonly string[];
}

export const COUNTRY_PLACES: Record<CountryCode, CountryPlaces> = Object.fromEntries(
  COUNTRY_CODES.map((code) => {
    const area = (areas.countries as readonly AreaCountry[]).find((c) => c.code === code)!;
    const country: CountryPlaces = {
      code, currency: area.currency as CountryPlaces['currency'], levels: LEVELS[code],
      firstLevel: area.first_level.map((f) => ({ name: f.name, ...(f.name_rw ? { nameRw: f.name_rw } : {}), ...(f.second_level ? { secondLevel: f.second_level } : {}) })),
      formerFirstLevel: area.former_first_level_until_2025 ?? [],
    };
    return [code, country];
  }),
) as Record<CountryCode, CountryPlaces>;

/** The DRC's provinces on West Africa Time (UTC+1); the others, like Rwanda and Burundi, are on Central Africa Time (UTC+2). */
const DRC_WEST = new Set(['Kinshasa', 'Kongo-Central', 'Kwango', 'Kwilu', 'Mai-Ndombe', 'Équateur', 'Mongala', 'Nord-Ubangi', 'Sud-Ubangi', 'Tshuapa']);

/**
 * Hours ahead of UTC where a group keeps its books (none of these countries keeps
 * summer time): Liberia 0, the western DRC 1, the eastern DRC, Rwanda and Burundi 2.
 * Unknown countries count as Central Africa Time, as the app always did.
 */
export function utcOffsetHours(country: string, province: string): number {
  if (country === 'LR') return 0;
  if (country === 'CD' && DRC_WEST.has(province.trim().normalize('NFC'))) return 1;
  return 2;
}

/** Where a group speaking this language most likely is, until someone says: Kirundi, Burundi; Swahili, the eastern DRC; Kinyarwanda, Rwanda. */
export const COUNTRY_OF_LANGUAGE: Readonly<Partial<Record<string, CountryCode>>> = { rw: 'RW', rn: 'BI', sw: 'CD' };

export function isCountryCode(code: string): code is CountryCode {
  return (COUNTRY_CODES as readonly string[]).includes(code);
}

/** The levels a country's places have, largest first. */
export function placeLevels(country: CountryCode): readonly PlaceLevel[] {
  return COUNTRY_PLACES[country].levels;
}

/** Whether a column holds one of the country's levels (Burundi and Liberia leave `cell` empty). */
export function usesColumn(country: CountryCode, column: PlaceColumn): boolean {
  return placeLevels(country).some((l) => l.column === column);
}

/** The second level's names where the list has them (Rwanda's districts of a province), else null: typed. */
export function secondLevelNames(country: CountryCode, firstLevel: string): readonly string[] | null {
  return COUNTRY_PLACES[country].firstLevel.find((f) => f.name === firstLevel)?.secondLevel ?? null;
}

export type PlaceProblem = { readonly column: PlaceColumn; readonly problem: 'required' | 'not-used' | 'not-in-list' };

/** What is wrong with a place for its country: each level filled, the unused column empty, the listed levels from their lists. */
export function placeProblems(country: CountryCode, place: Readonly<Record<PlaceColumn, string>>): PlaceProblem[] {
  const problems: PlaceProblem[] = [];
  for (const column of PLACE_COLUMNS) {
    const value = place[column].trim();
    if (usesColumn(country, column) && value === '') problems.push({ column, problem: 'required' });
    if (!usesColumn(country, column) && value !== '') problems.push({ column, problem: 'not-used' });
  }
  const first = place.province.trim();
  const listed = COUNTRY_PLACES[country];
  if (first !== '' && !listed.firstLevel.some((f) => f.name === first) && !listed.formerFirstLevel.includes(first)) problems.push({ column: 'province', problem: 'not-in-list' });
  const districts = secondLevelNames(country, first);
  if (districts && place.district.trim() !== '' && !districts.includes(place.district.trim())) problems.push({ column: 'district', problem: 'not-in-list' });
  return problems;
}

/** The place written out, smallest first, only the country's own levels: "Kabeza, Cyarwa, Tumba, Huye, Southern Province". */
export function placeLine(country: string, place: Readonly<Record<PlaceColumn, string>>, firstLevelLabel: (name: string) => string = (n) => n): string {
  const levels = isCountryCode(country) ? placeLevels(country) : PLACE_COLUMNS.map((column) => ({ key: column, column }));
  return [...levels].reverse().map((l) => (l.column === 'province' ? firstLevelLabel(place[l.column]) : place[l.column]))
    .map((p) => p.trim()).filter((p) => p !== '').join(', ');
}
