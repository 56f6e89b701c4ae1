// The chart of accounts and balances read from postings.

import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { accounts } from '../../../db/schema';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import type { CallContext } from '../context';
import { accountBalance, trialBalance, type TrialBalance } from '../journal/balances';
import { id, isoDate } from '../validation';
import { getAssociation, } from '../association-record';
import { getMember } from '../members/handlers';
import { typedQuery } from '../prepared';
import { READERS } from '../auth/access';

/** What every account read returns. */
const accountFields = {
  id: accounts.id,
  code: accounts.code,
  purpose: accounts.purpose,
  type: accounts.type,
  name: accounts.name,
  perMember: accounts.perMember,
};

const accountQueries = typedQuery((db) => ({
  byCode: db.select(accountFields).from(accounts)
    .where(and(eq(accounts.associationId, sql.placeholder('associationId')), eq(accounts.code, sql.placeholder('code')))).prepare(),
  chart: db.select(accountFields).from(accounts)
    .where(eq(accounts.associationId, sql.placeholder('associationId'))).orderBy(asc(accounts.code)).prepare(),
}));

export type AccountView = NonNullable<ReturnType<ReturnType<typeof accountQueries>['byCode']['get']>>;

export function accountByCode(ctx: CallContext, associationId: string, code: string, field = 'account'): AccountView {
  const row = accountQueries(ctx.ledger).byCode.get({ associationId, code });
  if (!row) throw new LedgerError('account-code-unknown', { code }, field);
  return row;
}

const accountCode = z.string({ error: 'field-required' }).trim().regex(/^\d{4}$/, { error: 'account-code-invalid' });

export const accountHandlers = {
  'account-list': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'The association’s chart of accounts',
    input: z.strictObject({ associationId: id }),
    run(ctx, input): AccountView[] {
      getAssociation(ctx, input.associationId);
      return accountQueries(ctx.ledger).chart.all({ associationId: input.associationId });
    },
  }),

  'account-balance-get': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'One account’s balance (debit minus credit, minor units) as of a date, optionally for one member',
    input: z.strictObject({ associationId: id, account: accountCode, asOf: isoDate.optional(), memberId: id.optional() }),
    run(ctx, input): { account: string; asOf: string | null; balance: string } {
      getAssociation(ctx, input.associationId);
      const account = accountByCode(ctx, input.associationId, input.account);
      if (input.memberId) getMember(ctx, input.associationId, input.memberId);
      const balance = accountBalance(ctx.ledger.sqlite, input.associationId, account.id, { asOf: input.asOf, memberId: input.memberId });
      return { account: account.code, asOf: input.asOf ?? null, balance: String(balance) };
    },
  }),

  'trial-balance-get': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'Every account’s debits, credits and balance as of a date; the totals always agree',
    input: z.strictObject({ associationId: id, asOf: isoDate.optional() }),
    run(ctx, input): TrialBalance {
      getAssociation(ctx, input.associationId);
      return trialBalance(ctx.ledger.sqlite, input.associationId, input.asOf);
    },
  }),
};
