// The currencies Ikimina's associations keep their books in. The exponent is
// ISO 4217's: how many decimal places the currency's minor unit has. Amounts are
// stored as integers of that minor unit.

export const CURRENCY_CODES = ['RWF', 'BIF', 'UGX', 'CDF', 'LRD', 'USD', 'KES', 'TZS'] as const;
export type CurrencyCode = (typeof CURRENCY_CODES)[number];

export interface Currency {
  readonly code: CurrencyCode;
  readonly exponent: 0 | 2;
  /** How people write it locally after an amount, e.g. "1,500 Frw". */
  readonly symbol: string;
}

const TABLE: Record<CurrencyCode, Currency> = {
  RWF: { code: 'RWF', exponent: 0, symbol: 'Frw' },
  BIF: { code: 'BIF', exponent: 0, symbol: 'FBu' },
  UGX: { code: 'UGX', exponent: 0, symbol: 'USh' },
  CDF: { code: 'CDF', exponent: 2, symbol: 'FC' },
  LRD: { code: 'LRD', exponent: 2, symbol: 'L$' },
  USD: { code: 'USD', exponent: 2, symbol: 'US$' },
  KES: { code: 'KES', exponent: 2, symbol: 'KSh' },
  TZS: { code: 'TZS', exponent: 2, symbol: 'TSh' },
};

export function isCurrencyCode(code: string): code is CurrencyCode {
  return (CURRENCY_CODES as readonly string[]).includes(code);
}

export function currency(code: string): Currency {
  if (!isCurrencyCode(code)) throw new Error(`Unknown currency code "${code}"`);
  return TABLE[code];
}
