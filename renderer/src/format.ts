// Amounts and dates as the user reads them, through the same modules the server
// and the printed reports use.

import { formatAmount } from '../../electron/server/money/money';
import type { CurrencyCode } from '../../electron/server/money/currency';
import { formatDate } from '../../electron/server/locale/dates';
import { currentLanguage } from './i18n';

export function money(minor: string, currency: CurrencyCode): string {
  return formatAmount(minor, currency, currentLanguage());
}

export function date(isoDate: string | null): string {
  return isoDate ? formatDate(isoDate, currentLanguage()) : '';
}
