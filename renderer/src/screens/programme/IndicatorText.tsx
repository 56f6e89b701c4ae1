// One indicator's value as the reader reads it: an amount in the group's currency, a
// percentage, or a count; a dash where there is nothing to divide by.

import { useTranslation } from 'react-i18next';
import type { IndicatorKind, IndicatorValue } from '../../../../electron/server/contract';
import type { CurrencyCode } from '../../../../electron/server/money/currency';
import { money, percent } from '../../format';

export function IndicatorText({ value, kind, currency }: { readonly value: IndicatorValue; readonly kind: IndicatorKind; readonly currency: CurrencyCode }) {
  const { i18n } = useTranslation();
  if (value === null) return <span aria-label="—">—</span>;
  if (kind === 'money') return <>{money(String(value), currency)}</>;
  if (kind === 'percent') return <>{percent(String(value))}</>;
  return <>{Number(value).toLocaleString(i18n.language)}</>;
}
