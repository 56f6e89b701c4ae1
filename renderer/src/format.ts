// Amounts and dates as the user reads them, through the same modules the server
// and the printed reports use.

import { formatAmount } from '../../electron/server/money/money';
import type { CurrencyCode } from '../../electron/server/money/currency';
import { formatDate } from '../../electron/server/locale/dates';
import { currentLanguage } from './i18n';

export function money(minor: string, currency: CurrencyCode): string {
  return formatAmount(minor, currency, currentLanguage());
}

/** An amount as a person would type it in a form (no currency symbol), to start a field from. */
export function typedAmount(minor: string | number, currency: CurrencyCode): string {
  return formatAmount(String(minor), currency, currentLanguage(), { symbol: false });
}

export function date(isoDate: string | null): string {
  return isoDate ? formatDate(isoDate, currentLanguage()) : '';
}

/** Today on this laptop, as 'YYYY-MM-DD' (the default date of a meeting or a repayment). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
