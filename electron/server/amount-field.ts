// An amount the user typed, parsed in their language with the association's currency;
// a bad amount is reported next to the field it came from.

import { LedgerError } from './errors';
import type { CallContext } from './context';
import { parseAmount, type MinorUnits } from './money/money';
import type { CurrencyCode } from './money/currency';

export function amountAt(ctx: CallContext, text: string, currency: CurrencyCode, field: string, options: { allowZero?: boolean } = {}): MinorUnits {
  try {
    return parseAmount(text, currency, ctx.actor.locale, options);
  } catch (err) {
    throw err instanceof LedgerError ? err.atField(field) : err;
  }
}
