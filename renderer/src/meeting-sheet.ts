// The meeting sheet's arithmetic, outside the components: reading what was typed
// in each cell and adding up the columns exactly (decimal, never floats), with the
// same money module the server uses. The server checks everything again.

import { decimal, parseAmount, sumMinor } from '../../electron/server/money/money';
import type { CurrencyCode } from '../../electron/server/money/currency';
import type { UiLocale } from '../../electron/server/locale/numbers';
import type { CycleRulesView } from '../../electron/server/contract';

export type Attendance = 'present' | 'absent' | 'represented';

export interface SheetRow {
  readonly memberId: string;
  readonly memberNo: number;
  readonly name: string;
  attendance: Attendance;
  shares: string;
  savings: string;
  socialFund: string;
  fineLate: string;
  fineAbsent: string;
  fineOther: string;
  loanRepayment: string;
}

export const MONEY_COLUMNS = ['savings', 'socialFund', 'fineLate', 'fineAbsent', 'fineOther', 'loanRepayment'] as const;
export type MoneyColumn = (typeof MONEY_COLUMNS)[number];

/** Minor units of a cell, or null when it is not a readable amount (the server will say why). */
export function cellMinor(text: string, currency: CurrencyCode, locale: UiLocale): number | null {
  if (text.trim() === '') return 0;
  try {
    return parseAmount(text, currency, locale, { allowZero: true });
  } catch {
    return null;
  }
}

export function sharesOf(text: string): number | null {
  if (text.trim() === '') return 0;
  return /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** What a member pays in at this meeting, in minor units (shares at the share price). */
export function rowTotal(row: SheetRow, rules: CycleRulesView, currency: CurrencyCode, locale: UiLocale): string | null {
  const parts = [
    ...MONEY_COLUMNS.filter((c) => c !== 'savings' || rules.savingMode === 'savings').map((c) => cellMinor(row[c], currency, locale)),
    rules.savingMode === 'shares' ? sharesValue(row.shares, rules) : 0,
  ];
  if (parts.some((p) => p === null)) return null;
  return sumMinor(parts as number[]).toFixed(0);
}

function sharesValue(text: string, rules: CycleRulesView): number | null {
  const n = sharesOf(text);
  return n === null ? null : decimal(rules.sharePrice).times(n).toNumber();
}

export interface SheetTotals {
  readonly shares: number;
  readonly columns: Record<MoneyColumn, string>;
  readonly total: string;
}

export function sheetTotals(rows: readonly SheetRow[], rules: CycleRulesView, currency: CurrencyCode, locale: UiLocale): SheetTotals {
  const columns = Object.fromEntries(
    MONEY_COLUMNS.map((c) => [c, sumMinor(rows.map((r) => cellMinor(r[c], currency, locale) ?? 0)).toFixed(0)]),
  ) as Record<MoneyColumn, string>;
  const shares = sumMinor(rows.map((r) => sharesOf(r.shares) ?? 0)).toNumber();
  const total = sumMinor(rows.map((r) => rowTotal(r, rules, currency, locale) ?? '0')).toFixed(0);
  return { shares, columns, total };
}

/** A fresh row as the rules suggest: present, the least shares, the social fund. */
export function defaultRow(member: { id: string; memberNo: number; fullName: string }, rules: CycleRulesView, format: (minor: string) => string): SheetRow {
  return {
    memberId: member.id, memberNo: member.memberNo, name: member.fullName, attendance: 'present',
    shares: rules.savingMode === 'shares' ? String(rules.minShares) : '', savings: '',
    socialFund: rules.socialFund !== '0' ? format(rules.socialFund) : '', fineLate: '', fineAbsent: '', fineOther: '', loanRepayment: '',
  };
}

/**
 * Marking someone absent: nothing paid in (no shares, savings or social fund; an
 * absence fine is typed only if someone pays it). Back to present: the defaults.
 */
export function withAttendance(row: SheetRow, attendance: Attendance, rules: CycleRulesView, format: (minor: string) => string): SheetRow {
  if (attendance === 'absent') return { ...row, attendance, shares: rules.savingMode === 'shares' ? '0' : '', savings: '', socialFund: '', loanRepayment: '' };
  if (row.attendance !== 'absent') return { ...row, attendance };
  const fresh = defaultRow({ id: row.memberId, memberNo: row.memberNo, fullName: row.name }, rules, format);
  return { ...row, attendance, shares: fresh.shares, socialFund: fresh.socialFund };
}

/** What the box should hold after the meeting: its balance before plus the money in. */
export function cashExpected(opening: string, moneyIn: string): string {
  return decimal(opening).plus(moneyIn).toFixed(0);
}

/** counted − expected in minor units ("-500": 500 short), or null when the count is not readable. */
export function cashDifference(countedText: string, expected: string, currency: CurrencyCode, locale: UiLocale): string | null {
  const counted = cellMinor(countedText, currency, locale);
  return counted === null ? null : decimal(counted).minus(expected).toFixed(0);
}
