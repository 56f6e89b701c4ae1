// How each UI language writes numbers. One table, used both to read what a user
// typed and to print amounts, so the two can never disagree.
//
// Kinyarwanda: CLDR says "1.234,5", but Rwandan savings-group books, bank slips and
// the national bank write "1,500 Frw"; we follow the users' practice. Swahili as East
// Africa writes it ("1,500.50"); Kirundi as Burundi does ("1.500 FBu", decimals after
// a comma).

export const UI_LOCALES = ['rw', 'en', 'fr', 'sw', 'rn'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

export interface NumberConventions {
  readonly decimal: string;
  /** The separator used when printing. */
  readonly group: string;
  /** Every separator accepted between groups of three digits when reading input. */
  readonly groupsAccepted: readonly string[];
}

const SPACES = [' ', '\u00a0', '\u202f', '\u2009'];

const CONVENTIONS: Record<UiLocale, NumberConventions> = {
  en: { decimal: '.', group: ',', groupsAccepted: [',', ...SPACES] },
  rw: { decimal: '.', group: ',', groupsAccepted: [',', ...SPACES] },
  // A no-break space keeps "1 500" on one line and prints in every PDF font.
  fr: { decimal: ',', group: '\u00a0', groupsAccepted: ['.', ...SPACES] },
  sw: { decimal: '.', group: ',', groupsAccepted: [',', ...SPACES] },
  rn: { decimal: ',', group: '.', groupsAccepted: ['.', ...SPACES] },
};

export function isUiLocale(value: string): value is UiLocale {
  return (UI_LOCALES as readonly string[]).includes(value);
}

export function numberConventions(locale: UiLocale): NumberConventions {
  return CONVENTIONS[locale];
}

/**
 * A percentage the server worked out, as a decimal text ("12.5"), written as the
 * language writes it: "12.5 %" in English and Kinyarwanda, "12,5 %" in French (with a
 * no-break space, so the sign never starts a line).
 */
export function formatPercent(decimalText: string, locale: UiLocale): string {
  return `${decimalText.replace('.', CONVENTIONS[locale].decimal)}\u00a0%`;
}

/** A whole count with the language's digit grouping ("1,294"; "1 294" in French). */
export function formatCount(count: number, locale: UiLocale): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, CONVENTIONS[locale].group);
}
