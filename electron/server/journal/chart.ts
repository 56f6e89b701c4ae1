// The accounts every association starts with. Codes follow the usual chart order:
// 1 assets, 2 liabilities (what the group owes its members), 3 equity, 4 income,
// 5 expenses. Per-member accounts are subledgers: each posting names a member.
// Names here are the English defaults; the UI shows the translation of `purpose`.

import type { ACCOUNT_TYPES } from '../../../db/schema';

export interface AccountTemplate {
  readonly code: string;
  readonly purpose: string;
  readonly type: (typeof ACCOUNT_TYPES)[number];
  readonly name: string;
  readonly perMember: boolean;
}

export const STANDARD_CHART: readonly AccountTemplate[] = [
  { code: '1010', purpose: 'cash_box', type: 'asset', name: 'Cash box', perMember: false },
  { code: '1020', purpose: 'bank', type: 'asset', name: 'Bank / mobile money', perMember: false },
  { code: '1100', purpose: 'loans_receivable', type: 'asset', name: 'Loans to members', perMember: true },
  { code: '1200', purpose: 'livestock', type: 'asset', name: 'Livestock', perMember: false },
  { code: '2010', purpose: 'member_savings', type: 'liability', name: 'Members’ savings', perMember: true },
  { code: '2020', purpose: 'social_fund', type: 'liability', name: 'Social fund', perMember: false },
  { code: '3010', purpose: 'group_fund', type: 'equity', name: 'Group fund', perMember: false },
  { code: '3020', purpose: 'grant_used', type: 'equity', name: 'Grant money used', perMember: false },
  { code: '4010', purpose: 'income_interest', type: 'income', name: 'Interest on loans', perMember: false },
  { code: '4020', purpose: 'income_fines', type: 'income', name: 'Fines', perMember: false },
  { code: '4030', purpose: 'income_fees', type: 'income', name: 'Entrance fees', perMember: false },
  { code: '4040', purpose: 'income_sales', type: 'income', name: 'Sales', perMember: false },
  { code: '4050', purpose: 'livestock_gains', type: 'income', name: 'Gains on livestock sales', perMember: false },
  { code: '4090', purpose: 'income_other', type: 'income', name: 'Other income', perMember: false },
  { code: '5010', purpose: 'expense_general', type: 'expense', name: 'Expenses', perMember: false },
  { code: '5020', purpose: 'expense_bank', type: 'expense', name: 'Bank charges', perMember: false },
  { code: '5030', purpose: 'expense_write_off', type: 'expense', name: 'Loans written off', perMember: false },
  { code: '5040', purpose: 'cash_difference', type: 'expense', name: 'Cash count differences', perMember: false },
  { code: '5050', purpose: 'livestock_losses', type: 'expense', name: 'Livestock losses (deaths, sales below cost)', perMember: false },
  { code: '5060', purpose: 'livestock_care', type: 'expense', name: 'Vet and feed costs', perMember: false },
  { code: '5070', purpose: 'project_costs', type: 'expense', name: 'Equipment and training', perMember: false },
];

/**
 * Accounts not kept per member on which a line may still name the member it
 * concerns: what a member paid in (social fund, interest, a fine, a fee), help the
 * social fund gave them, or their loan written off. Anywhere else (the cash box,
 * the bank, livestock, a grant's fund …) naming a member means nothing, and a line
 * that does is refused.
 */
export const MEMBER_NAMED_PURPOSES: ReadonlySet<string> = new Set([
  'social_fund', 'income_interest', 'income_fines', 'income_fees', 'expense_write_off',
]);

/**
 * Each grant gets its own restricted-fund account, numbered from here (2101, 2102 …):
 * its credit balance is the grant's unspent money.
 */
export const GRANT_FUND_CODE_BASE = 2100;
