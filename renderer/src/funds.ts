// Who pays for a spending, as the form holds it: one line per fund (a grant, or the
// group's own money — an empty grantId). With one line the whole amount is its part.

export interface FundLine {
  readonly grantId: string;
  readonly amount: string;
}

export const GROUP_FUND = '';

/** The form's lines as the server's `funds` input. */
export function fundsInput(lines: readonly FundLine[], total: string): { grantId: string | null; amount: string }[] {
  if (lines.length === 1) return [{ grantId: lines[0]!.grantId || null, amount: total }];
  return lines.map((l) => ({ grantId: l.grantId || null, amount: l.amount }));
}

/** Where money is paid from or into: the cash box or the bank / mobile money. */
export function cashOptions(t: (key: string) => string): { value: 'cash_box' | 'bank'; label: string }[] {
  return [{ value: 'cash_box', label: t('grant.cash.cash_box') }, { value: 'bank', label: t('grant.cash.bank') }];
}
