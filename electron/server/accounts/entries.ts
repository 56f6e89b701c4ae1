// Manual journal entries (for an accountant's corrections and opening balances),
// reversals, the journal itself and the verification of its hash chain. Business
// commands (contributions, loans, livestock …) post through the same postEntry.

import { z } from 'zod';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import { todayOf, type CallContext } from '../context';
import { parseAmount, type MinorUnits } from '../money/money';
import { postEntry, type EntryLine } from '../journal/post';
import { reverseEntry } from '../journal/reverse';
import { verifyChain, type ChainReport } from '../journal/verify';
import { amountText, id, isoDate, optionalText, requiredText } from '../validation';
import { getAssociation, writableAssociation } from '../association-record';
import { accountByCode } from './handlers';
import { prepared } from '../prepared';
import { READERS, RECORDERS } from '../auth/access';

const line = z.strictObject({
  account: z.string({ error: 'field-required' }).trim().regex(/^\d{4}$/, { error: 'account-code-invalid' }),
  memberId: id.optional(),
  debit: amountText.optional(),
  credit: amountText.optional(),
  memo: optionalText(200),
});

export interface EntryView {
  readonly id: string;
  readonly seq: number;
  readonly entryDate: string;
  readonly kind: string;
  readonly memo: string;
  readonly reversesEntryId: string | null;
  readonly reversedByEntryId: string | null;
  /** The record that made the entry ('meeting', 'loan', 'grant', 'spending', 'animal', 'member-exit'), or null for one made by hand. */
  readonly sourceType: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly hash: string;
  readonly postings: readonly {
    readonly lineNo: number;
    readonly accountCode: string;
    readonly accountName: string;
    readonly memberId: string | null;
    readonly amount: string;
    readonly memo: string | null;
  }[];
}

export function getEntry(ctx: CallContext, associationId: string, entryId: string): EntryView {
  const [entry] = listEntries(ctx, associationId, { entryId });
  if (!entry) throw new LedgerError('entry-not-found', {}, 'entryId');
  return entry;
}

function listEntries(
  ctx: CallContext,
  associationId: string,
  filter: { entryId?: string; from?: string; to?: string; limit?: number; offset?: number },
): EntryView[] {
  const { sqlite } = ctx.ledger;
  const where = ['e.association_id = ?'];
  const args: (string | number)[] = [associationId];
  if (filter.entryId) {
        where.push('e.id = ?');
        args.push(filter.entryId);
      }
  if (filter.from) {
        where.push('e.entry_date >= ?');
        args.push(filter.from);
      }
  if (filter.to) {
        where.push('e.entry_date <= ?');
        args.push(filter.to);
      }
  const entries = prepared(sqlite, 
      `SELECT e.id, e.seq, e.entry_date AS entryDate, e.kind, e.memo, e.reverses_entry_id AS reversesEntryId,
              r.id AS reversedByEntryId, e.source_type AS sourceType, e.created_at AS createdAt, e.created_by AS createdBy, e.hash
         FROM journal_entries e LEFT JOIN journal_entries r ON r.reverses_entry_id = e.id
        WHERE ${where.join(' AND ')} ORDER BY e.seq LIMIT ? OFFSET ?`,
    )
    .all(...args, filter.limit ?? -1, filter.offset ?? 0) as Omit<EntryView, 'postings'>[];
  const postingsOf = prepared(sqlite, 
    `SELECT p.line_no AS lineNo, a.code AS accountCode, a.name AS accountName, p.member_id AS memberId,
            CAST(p.amount AS TEXT) AS amount, p.memo
       FROM postings p JOIN accounts a ON a.id = p.account_id WHERE p.entry_id = ? ORDER BY p.line_no`,
  );
  return entries.map((e) => ({ ...e, postings: postingsOf.all(e.id) as EntryView['postings'] }));
}

/**
 * Accounts only their records move (grants, livestock, loans): a hand-made line there
 * would make a grant's unspent money, the herd's cost or the loan register disagree
 * with the books.
 */
const KEPT_BY_RECORDS = new Set(['grant_fund', 'grant_used', 'livestock', 'loans_receivable']);

export const journalHandlers = {
  'journal-entry-post': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Post a balanced entry: lines of {account, debit or credit, memberId?}',
    input: z.strictObject({
      associationId: id,
      date: isoDate,
      memo: requiredText(300),
      lines: z.array(line, { error: 'field-required' }).min(2, { error: 'entry-too-few-lines' }).max(500, { error: 'entry-too-many-lines' }),
    }),
    run(ctx, input): EntryView {
      const association = writableAssociation(ctx, input.associationId);
      const accounts = input.lines.map((l, i) => accountByCode(ctx, input.associationId, l.account, `lines.${i}.account`));
      accounts.forEach((a, i) => {
        if (KEPT_BY_RECORDS.has(a.purpose)) throw new LedgerError('account-kept-by-records', { code: a.code }, `lines.${i}.account`);
      });
      const lines: EntryLine[] = input.lines.map((l, i) => {
        const field = `lines.${i}`;
        if ((l.debit === undefined) === (l.credit === undefined)) throw new LedgerError('entry-line-debit-or-credit', { line: i + 1 }, field);
        const text = (l.debit ?? l.credit)!;
        let amount: MinorUnits;
        try {
          amount = parseAmount(text, association.currency, ctx.actor.locale);
        } catch (err) {
          throw err instanceof LedgerError ? err.atField(`${field}.${l.debit !== undefined ? 'debit' : 'credit'}`) : err;
        }
        return {
          accountId: accounts[i]!.id,
          memberId: l.memberId ?? null,
          amount: (l.debit !== undefined ? amount : -amount) as MinorUnits,
          memo: l.memo ?? null,
        };
      });
      const posted = postEntry(ctx, { associationId: input.associationId, entryDate: input.date, kind: 'manual', memo: input.memo, lines });
      // Answer from what was just written rather than reading it back.
      return {
        id: posted.id, seq: posted.seq, entryDate: posted.entryDate, kind: posted.kind, memo: posted.memo,
        reversesEntryId: null, reversedByEntryId: null, sourceType: null, createdAt: posted.createdAt, createdBy: posted.createdBy, hash: posted.hash,
        postings: posted.postings.map((p, i) => ({
          lineNo: p.lineNo, accountCode: accounts[i]!.code, accountName: accounts[i]!.name, memberId: p.memberId, amount: String(p.amount), memo: p.memo,
        })),
      };
    },
  }),

  'journal-entry-reverse': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Correct an entry by posting its exact opposite, with a reason; the original stays',
    input: z.strictObject({ associationId: id, entryId: id, date: isoDate.optional(), reason: requiredText(300) }),
    run(ctx, input): EntryView {
      writableAssociation(ctx, input.associationId);
      const original = getEntry(ctx, input.associationId, input.entryId);
      // An entry a business record made (a meeting, a loan, a grant …) is corrected through that record.
      if (original.sourceType !== null) throw new LedgerError('entry-kept-by-record', {}, 'entryId');
      const posted = reverseEntry(ctx, {
        associationId: input.associationId,
        entryId: input.entryId,
        entryDate: input.date ?? todayOf(ctx),
        memo: `Reversal of #${original.seq}: ${input.reason}`,
      });
      return getEntry(ctx, input.associationId, posted.id);
    },
  }),

  'journal-entry-get': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'One journal entry with its postings',
    input: z.strictObject({ associationId: id, entryId: id }),
    run: (ctx, input): EntryView => getEntry(ctx, input.associationId, input.entryId),
  }),

  'journal-entry-list': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'Journal entries in sequence, optionally between two dates, a page at a time',
    input: z.strictObject({
      associationId: id,
      from: isoDate.optional(),
      to: isoDate.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    run(ctx, input): EntryView[] {
      getAssociation(ctx, input.associationId);
      return listEntries(ctx, input.associationId, input);
    },
  }),

  'journal-chain-verify': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'Recompute every entry’s hash and report the first entry that does not match',
    input: z.strictObject({ associationId: id }),
    run(ctx, input): ChainReport {
      getAssociation(ctx, input.associationId);
      return verifyChain(ctx.ledger.sqlite, input.associationId);
    },
  }),
};
