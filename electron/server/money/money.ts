// The one money module. User text goes straight into Decimal and then into integer
// minor units of the association's currency; nothing passes through a JavaScript
// float. Every rounding has a name.

import Decimal from 'decimal.js';
import { LedgerError } from '../errors';
import { currency, type CurrencyCode } from './currency';
import { numberConventions, type UiLocale } from '../locale/numbers';

/** Integer minor units of one amount (a posting, a contribution). Always a safe integer. */
export type MinorUnits = number & { readonly __brand: 'MinorUnits' };

// A private Decimal with enough precision for any sum of safe integers.
const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });
export type Dec = InstanceType<typeof D>;

/**
 * An amount as every result carries it: whole minor units as a string of digits
 * ("3500" is 3,500 Frw; "150050" is 1,500.50 US$), never a JavaScript number, so a
 * reader in any language or tool gets the exact figure.
 */
export type Money = string;

/** The one way a result's amount is written. */
export function toMoney(minor: number | bigint | Dec): Money {
  return typeof minor === 'object' ? minor.toFixed(0) : String(minor);
}

/** Named rounding rules. Each use of rounding in Ikimina names one of these. */
export const ROUNDING = {
  /** Ties away from zero: 0.5 -> 1, 2.5 -> 3. What treasurers do by hand. */
  'half-up': Decimal.ROUND_HALF_UP,
  /** Ties to the even neighbour: 0.5 -> 0, 2.5 -> 2, 3.5 -> 4. Unbiased over many roundings. */
  'half-even': Decimal.ROUND_HALF_EVEN,
  /** Always toward zero (truncate): 2.9 -> 2. Used where the group must never pay out more than it has. */
  'down': Decimal.ROUND_DOWN,
  /** Always away from zero: 2.1 -> 3. Used where the group must never collect less than due. */
  'up': Decimal.ROUND_UP,
} as const;
export type RoundingRule = keyof typeof ROUNDING;

/**
 * The largest amount Ikimina accepts in one entry line: 999,999,999,999 major units.
 * No savings group moves a trillion of anything in one payment; such a figure is a
 * typing slip, and refusing it also keeps every sum far inside the safe integer range.
 */
export const MAX_AMOUNT_MAJOR = new D('999999999999');

export function decimal(value: string | number | Dec): Dec {
  return new D(value);
}

export interface ParseOptions {
  readonly allowZero?: boolean;
}

/**
 * Reads an amount as a user typed it ("1,500", "1 500", "1500.50", "1 500,50" in
 * French) into integer minor units of `code`. Throws LedgerError with a code that
 * says exactly what is wrong.
 */
export function parseAmount(text: string, code: CurrencyCode, locale: UiLocale, options: ParseOptions = {}): MinorUnits {
  const cur = currency(code);
  const value = parseDecimalText(text, locale, cur.exponent, [cur.code, cur.symbol]);
  if (value.isNegative() && !value.isZero()) throw new LedgerError('amount-negative');
  if (value.isZero() && !options.allowZero) throw new LedgerError('amount-zero');
  if (value.decimalPlaces() > cur.exponent) {
    throw new LedgerError(cur.exponent === 0 ? 'amount-no-minor-unit' : 'amount-too-many-decimals', {
      currency: cur.code,
      places: cur.exponent,
    });
  }
  return majorToMinor(value, code);
}

/** Converts an exact major-unit Decimal (already at most `exponent` places) to minor units. */
export function majorToMinor(value: Dec, code: CurrencyCode): MinorUnits {
  const cur = currency(code);
  const minor = value.times(new D(10).pow(cur.exponent));
  if (!minor.isInteger()) {
    throw new LedgerError('amount-too-many-decimals', { currency: cur.code, places: cur.exponent });
  }
  if (!minor.abs().lte(Number.MAX_SAFE_INTEGER)) throw new LedgerError('amount-out-of-range');
  if (value.abs().gt(MAX_AMOUNT_MAJOR)) throw new LedgerError('amount-too-large', { max: MAX_AMOUNT_MAJOR.toFixed(0) });
  return minor.toNumber() as MinorUnits;
}

/** Checks that a number or integer string is a valid minor-unit amount (e.g. from a script). */
export function minorUnits(value: number | string | bigint): MinorUnits {
  const text = String(value);
  if (!/^-?\d+$/.test(text)) throw new LedgerError('amount-format');
  const d = new D(text);
  if (!d.abs().lte(Number.MAX_SAFE_INTEGER)) throw new LedgerError('amount-out-of-range');
  return d.toNumber() as MinorUnits;
}

export function minorToMajor(minor: MinorUnits | bigint | string, code: CurrencyCode): Dec {
  const units = new D(String(minor));
  if (!units.isInteger()) throw new LedgerError('amount-format', { text: String(minor) });
  return units.div(new D(10).pow(currency(code).exponent));
}

/** Rounds an exact major-unit value (e.g. interest) to the currency's minor unit by a named rule. */
export function roundToMinor(major: Dec, code: CurrencyCode, rule: RoundingRule): MinorUnits {
  const cur = currency(code);
  const rounded = major.toDecimalPlaces(cur.exponent, ROUNDING[rule]);
  return majorToMinorUnchecked(rounded, cur.exponent);
}

/** Rounds a value already in minor units (a share of a cost, a limit) to a whole minor unit, by a named rule. */
export function roundWhole(minor: Dec, rule: RoundingRule): Dec {
  return minor.toDecimalPlaces(0, ROUNDING[rule]);
}

/** A ratio as a percentage with one decimal, rounded half-up ("12.5"), for reports. */
export function percentOf(part: Dec, whole: Dec): string {
  return whole.isZero() ? '0.0' : part.div(whole).times(100).toDecimalPlaces(1, ROUNDING['half-up']).toFixed(1);
}

function majorToMinorUnchecked(value: Dec, exponent: number): MinorUnits {
  const minor = value.times(new D(10).pow(exponent));
  if (!minor.abs().lte(Number.MAX_SAFE_INTEGER)) throw new LedgerError('amount-out-of-range');
  return minor.toNumber() as MinorUnits;
}

/** Sums minor units exactly (Decimal, never float addition). */
export function sumMinor(amounts: Iterable<MinorUnits | bigint | string | number>): Dec {
  let total = new D(0);
  for (const a of amounts) total = total.plus(String(a));
  return total;
}

/**
 * Splits `total` minor units in proportion to `weights` (e.g. a share-out by shares
 * held) by the largest-remainder rule: each part is rounded down, then the units
 * left over go one each to the parts with the largest remainders (ties to the
 * earlier part). The parts always add up to `total` exactly: nothing is lost.
 */
export function splitByLargestRemainder(total: MinorUnits, weights: readonly (number | string)[]): MinorUnits[] {
  // -0 is a zero weight (decimal.js keeps the sign of zero).
  const w = weights.map((x) => new D(x)).map((x) => (x.isZero() ? new D(0) : x));
  if (w.some((x) => !x.isFinite())) throw new LedgerError('split-weight-invalid');
  if (w.some((x) => x.isNegative())) throw new LedgerError('split-negative-weight');
  const sumW = w.reduce((a, b) => a.plus(b), new D(0));
  if (sumW.isZero()) throw new LedgerError('split-no-weight');
  const exact = w.map((x) => new D(total).times(x).div(sumW));
  const floors = exact.map((x) => x.toDecimalPlaces(0, Decimal.ROUND_FLOOR));
  let left = new D(total).minus(floors.reduce((a, b) => a.plus(b), new D(0)));
  const order = exact
    .map((x, i) => ({ i, rem: x.minus(floors[i]!) }))
    .sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  const parts = floors.slice();
  for (const { i } of order) {
    if (left.lte(0)) break;
    parts[i] = parts[i]!.plus(1);
    left = left.minus(1);
  }
  return parts.map((p) => p.toNumber() as MinorUnits);
}

export interface FormatOptions {
  /** Print the currency symbol after the number (default true). */
  readonly symbol?: boolean;
}

/** Prints minor units for people: "1,500 Frw" (en), "1 500 Frw" (fr), "12.50 US$". */
export function formatAmount(minor: MinorUnits | bigint | string, code: CurrencyCode, locale: UiLocale, options: FormatOptions = {}): string {
  const cur = currency(code);
  const conv = numberConventions(locale);
  const fixed = minorToMajor(minor, code).toFixed(cur.exponent);
  const negative = fixed.startsWith('-');
  const [intPart, fracPart] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = intPart!.replace(/\B(?=(\d{3})+(?!\d))/g, conv.group);
  const number = (negative ? '−' : '') + grouped + (fracPart ? conv.decimal + fracPart : '');
  return options.symbol === false ? number : `${number}\u00a0${cur.symbol}`;
}

/** Turns typed text into an exact Decimal, following the locale's separators. */
function parseDecimalText(text: string, locale: UiLocale, exponent: number, currencyWords: readonly string[]): Dec {
  let s = text.trim();
  for (const word of currencyWords) {
    if (s.toLowerCase().endsWith(word.toLowerCase())) s = s.slice(0, -word.length).trim();
    else if (s.toLowerCase().startsWith(word.toLowerCase())) s = s.slice(word.length).trim();
  }
  if (s === '') throw new LedgerError('amount-empty');
  let negative = false;
  if (/^[-−]/.test(s)) {
    negative = true;
    s = s.slice(1).trim();
  }
  const conv = numberConventions(locale);
  const plain = readGroupedNumber(s, conv.decimal, conv.groupsAccepted, exponent);
  if (plain === null) throw new LedgerError('amount-format', { text: text.trim() });
  const value = new D(plain);
  return negative ? value.negated() : value;
}

/**
 * Returns a plain "1234.56" string, or null when the text is not a well-formed
 * number: digits, optional groups of exactly three after a consistent separator,
 * optional decimal part. For currencies without a minor unit, "1.500" or "1,500"
 * can only mean one thousand five hundred, so either separator is read as grouping.
 */
const patternCache = new Map<string, { grouped: { group: string; re: RegExp }[]; loose: RegExp }>();

/** The regular expressions for one way of writing numbers, built once. */
function numberPatterns(decimalSep: string, groupSeps: readonly string[], exponent: number) {
  const key = `${decimalSep}|${groupSeps.join('')}|${exponent}`;
  let patterns = patternCache.get(key);
  if (!patterns) {
    const seps = exponent === 0 ? [...new Set([...groupSeps, '.', ','])] : groupSeps;
    patterns = {
      grouped: [...seps, ''].map((group) => {
        // A grouped number never starts with a 0 group: "0,500" is a slip, not five hundred.
        const intRe = group === '' ? '\\d+' : `[1-9]\\d{0,2}(?:${esc(group)}\\d{3})+`;
        return { group, re: new RegExp(`^(${intRe})(?:${esc(decimalSep)}(\\d+))?$`) };
      }),
      loose: new RegExp(`^(\\d*)${esc(decimalSep)}(\\d*)$`),
    };
    patternCache.set(key, patterns);
  }
  return patterns;
}

const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function readGroupedNumber(s: string, decimalSep: string, groupSeps: readonly string[], exponent: number): string | null {
  const patterns = numberPatterns(decimalSep, groupSeps, exponent);
  for (const { group, re } of patterns.grouped) {
    const m = re.exec(s);
    if (m) {
      const intDigits = m[1]!.split(group).join('');
      return m[2] === undefined ? intDigits : `${intDigits}.${m[2]}`;
    }
  }
  // "1500." or ".5" are also what people type.
  const loose = patterns.loose.exec(s);
  if (loose && (loose[1] || loose[2])) return `${loose[1] || '0'}.${loose[2] || '0'}`;
  return null;
}
