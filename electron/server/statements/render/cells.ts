// A statement's raw values as each format writes them: in the reader's language on
// paper, as plain machine values in CSV, as numbers and dates in a spreadsheet — and
// read back from a file into the raw values again (to check it against the books).

import { decimal, formatAmount, minorToMajor } from '../../money/money';
import { currency, type CurrencyCode } from '../../money/currency';
import { formatDate } from '../../locale/dates';
import type { UiLocale } from '../../locale/numbers';
import type { Cell, ColumnKind } from '../model';

/** As printed: amounts without the currency (the page says which), dates as the language writes them. */
export function printedCell(kind: ColumnKind, value: Cell, code: CurrencyCode, locale: UiLocale): string {
  if (value === null) return '';
  if (kind === 'money') return formatAmount(value, code, locale, { symbol: false });
  if (kind === 'date') return formatDate(value, locale);
  return value;
}

/** As CSV holds it: amounts in major units with a point ("1500", "12.50"), dates as ISO days. */
export function plainCell(kind: ColumnKind, value: Cell, code: CurrencyCode): string {
  if (value === null) return '';
  if (kind === 'money') return minorToMajor(value, code).toFixed(currency(code).exponent);
  return value;
}

/**
 * An amount as a file writes it, back to minor units. Only an ordinary amount is read
 * as one: anything else ("1e900000000", text) stays as it is and so differs from the
 * books, never taken as a number (a huge exponent would not even fit in memory).
 */
function minorFrom(text: string, code: CurrencyCode): Cell {
  return /^-?\d{1,15}(\.\d{1,4})?$/.test(text) ? decimal(text).times(decimal(10).pow(currency(code).exponent)).toFixed(0) : text;
}

/** A plain CSV value back to the raw value. */
export function fromPlain(kind: ColumnKind, text: string, code: CurrencyCode): Cell {
  if (text === '') return null;
  if (kind === 'money') return minorFrom(text, code);
  return text;
}

/** A spreadsheet cell's value: a number of major units, a date, a count, or text. */
export function sheetValue(kind: ColumnKind, value: Cell, code: CurrencyCode): string | number | Date | null {
  if (value === null) return null;
  if (kind === 'money') return minorToMajor(value, code).toNumber();
  if (kind === 'count') return Number(value);
  if (kind === 'date') return new Date(`${value}T00:00:00Z`);
  return value;
}

/** A spreadsheet cell's value back to the raw value. */
export function fromSheet(kind: ColumnKind, value: unknown, code: CurrencyCode): Cell {
  if (value === null || value === undefined || value === '') return null;
  if (kind === 'money') return minorFrom(String(value), code);
  if (kind === 'date') return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  if (typeof value === 'object' && value !== null && 'richText' in value) return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  return String(value);
}

/** Excel's number format for amounts of a currency (grouped, with its decimals). */
export function moneyFormat(code: CurrencyCode): string {
  const places = currency(code).exponent;
  return places === 0 ? '#,##0' : `#,##0.${'0'.repeat(places)}`;
}
