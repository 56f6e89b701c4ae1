// Amounts and dates as the user reads them, through the same modules the server
// and the printed reports use.

import { formatAmount } from '../../electron/server/money/money';
import { currency as currencyOf, type CurrencyCode } from '../../electron/server/money/currency';
import { formatDate } from '../../electron/server/locale/dates';
import { formatPercent } from '../../electron/server/locale/numbers';
import { currentLanguage } from './i18n';

export function money(minor: string, currency: CurrencyCode): string {
  return formatAmount(minor, currency, currentLanguage());
}

/** How the currency is written after an amount ("Frw"): what a money field shows beside it. */
export function currencySymbol(code: CurrencyCode): string {
  return currencyOf(code).symbol;
}

/** An amount as a person would type it in a form (no currency symbol), to start a field from. */
export function typedAmount(minor: string | number, currency: CurrencyCode): string {
  return formatAmount(String(minor), currency, currentLanguage(), { symbol: false });
}

/** A percentage the server worked out ("12.5"), as the language writes it ("12,5 %" in French). */
export function percent(decimalText: string): string {
  return formatPercent(decimalText, currentLanguage());
}

export function date(isoDate: string | null): string {
  return isoDate ? formatDate(isoDate, currentLanguage()) : '';
}

/** Today on this laptop, as 'YYYY-MM-DD' (the default date of a meeting or a repayment). */
/** A whole date typed in full (the date fields give '' until it is). */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A recorded moment (UTC) in this laptop's time: "14 March 2026 09:05". */
export function moment(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A file's own name, without the folders before it (what the person needs to recognise it). */
export function fileName(path: string): string {
  return path.split(/[/\\]/).pop() || path;
}

/** A file's size as people read it: "35 KB", "2.4 MB" (in French "35 Ko", "2,4 Mo"). */
export function fileSize(bytes: number): string {
  const french = currentLanguage() === 'fr';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} ${french ? 'Ko' : 'KB'}`;
  return `${(bytes / (1024 * 1024)).toLocaleString(french ? 'fr' : 'en', { maximumFractionDigits: 1 })} ${french ? 'Mo' : 'MB'}`;
}
