// Savings brought in: what members had saved before the group kept its books in
// Ikimina (a paper ledger, another app). Members' savings (account 2010) move only
// through records — a meeting, a payout, this — so each member's passbook is always
// explained by something that happened to them; a hand-made entry on 2010 is refused.
// The money is in the box or at the bank: one entry, debit there, credit each member.
// A mistake is corrected by reversing the entry (two officers) and recording it again.

import { z } from 'zod';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import { RECORDERS } from '../auth/access';
import { accountByPurpose } from '../journal/balances';
import { postEntry, type EntryLine } from '../journal/post';
import { codedMemo } from '../journal/memo';
import { minorUnits, sumMinor, type MinorUnits } from '../money/money';
import { amountAt } from '../amount-field';
import { id, isoDate } from '../validation';
import { writableAssociation } from '../association-record';
import { CASH_ACCOUNTS } from '../../../db/schema';
import { getMember } from './handlers';

export const savingsBroughtInHandlers = {
  'savings-brought-in': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Record the savings members had before these books (opening balances), held in the cash box or the bank',
    eventDate: 'date',
    input: z.strictObject({
      associationId: id,
      date: isoDate,
      heldIn: z.enum(CASH_ACCOUNTS, { error: 'field-invalid' }).default('cash_box'),
      members: z.array(z.strictObject({ memberId: id, amount: z.string({ error: 'amount-format' }) }), { error: 'field-required' })
        .min(1, { error: 'field-required' }).max(1000, { error: 'entry-too-many-lines' }),
    }),
    run(ctx, input): { entryId: string; seq: number; total: string; members: number } {
      const association = writableAssociation(ctx, input.associationId);
      const savings = accountByPurpose(ctx.ledger.sqlite, input.associationId, 'member_savings').id;
      const seen = new Set<string>();
      const lines: EntryLine[] = input.members.map((m, i) => {
        const field = `members.${i}`;
        if (seen.has(m.memberId)) throw new LedgerError('member-listed-twice', { name: getMember(ctx, input.associationId, m.memberId).fullName }, `${field}.memberId`);
        seen.add(m.memberId);
        const member = getMember(ctx, input.associationId, m.memberId);
        if (member.joinedOn > input.date) throw new LedgerError('member-not-yet-joined', { name: member.fullName, date: member.joinedOn }, `${field}.memberId`);
        if (member.exitedOn !== null && member.exitedOn <= input.date) {
          throw new LedgerError('member-has-left', { line: i + 1, name: member.fullName, date: member.exitedOn }, `${field}.memberId`);
        }
        const amount = amountAt(ctx, m.amount, association.currency, `${field}.amount`);
        return { accountId: savings, memberId: m.memberId, amount: -amount as MinorUnits };
      });
      const total = sumMinor(lines.map((l) => l.amount)).negated();
      const posted = postEntry(ctx, {
        associationId: input.associationId, entryDate: input.date, kind: 'savings-brought-in', memo: codedMemo('savings-brought-in'),
        lines: [{ accountId: accountByPurpose(ctx.ledger.sqlite, input.associationId, input.heldIn).id, amount: minorUnits(total.toFixed(0)) }, ...lines],
      });
      return { entryId: posted.id, seq: posted.seq, total: total.toFixed(0), members: lines.length };
    },
  }),
};
