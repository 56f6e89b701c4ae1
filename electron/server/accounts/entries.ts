// Manual journal entries (for an accountant's corrections and opening balances),
// reversals, the journal itself and the verification of its hash chain. Business
// commands (contributions, loans, livestock …) post through the same postEntry.

import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { accounts, journalEntries, postings } from '../../../db/schema';
import type { LedgerDb } from '../../../db/open';
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
import { typedQuery } from '../prepared';
import { READERS, RECORDERS } from '../auth/access';
import { codedMemo, memoIn, typedMemo } from '../journal/memo';
import { confirmation, confirmedBy } from '../access/second-person';

const line = z.strictObject({
  account: z.string({ error: 'field-required' }).trim().regex(/^\d{4}$/, { error: 'account-code-invalid' }),
  memberId: id.optional(),
  debit: amountText.optional(),
  credit: amountText.optional(),
  memo: optionalText(200),
});

/** The entry that reverses this one, if any. */
const reversal = alias(journalEntries, 'r');

/** What every entry read returns, but its postings. */
const entryFields = {
  id: journalEntries.id,
  seq: journalEntries.seq,
  entryDate: journalEntries.entryDate,
  kind: journalEntries.kind,
  memo: journalEntries.memo,
  reversesEntryId: journalEntries.reversesEntryId,
  reversedByEntryId: reversal.id,
  /** The record that made the entry ('meeting', 'loan', 'grant', 'spending', 'animal', 'member-exit'), or null for one made by hand. */
  sourceType: journalEntries.sourceType,
  createdAt: journalEntries.createdAt,
  createdBy: journalEntries.createdBy,
  hash: journalEntries.hash,
};

function entriesWithReversal(db: LedgerDb) {
  return db.select(entryFields).from(journalEntries).leftJoin(reversal, eq(reversal.reversesEntryId, journalEntries.id));
}

const entryQueries = typedQuery((db) => ({
  byId: entriesWithReversal(db)
    .where(and(eq(journalEntries.associationId, sql.placeholder('associationId')), eq(journalEntries.id, sql.placeholder('entryId')))).prepare(),
  postingsOf: db.select({
    lineNo: postings.lineNo,
    accountCode: accounts.code,
    accountName: accounts.name,
    memberId: postings.memberId,
    amount: sql<string>`CAST(${postings.amount} AS TEXT)`,
    memo: postings.memo,
  }).from(postings).innerJoin(accounts, eq(accounts.id, postings.accountId))
    .where(eq(postings.entryId, sql.placeholder('entryId'))).orderBy(asc(postings.lineNo)).prepare(),
}));

type EntryRow = NonNullable<ReturnType<ReturnType<typeof entryQueries>['byId']['get']>>;
type PostingView = ReturnType<ReturnType<typeof entryQueries>['postingsOf']['all']>[number];
export type EntryView = EntryRow & { readonly postings: readonly PostingView[] };

/** The entry with its lines, memos in the reader's words (a typed memo stays as typed). */
function withPostings(ctx: CallContext, entry: EntryRow): EntryView {
  const locale = ctx.actor.locale;
  const postings = entryQueries(ctx.ledger).postingsOf.all({ entryId: entry.id }).map((p) => ({ ...p, memo: memoIn(locale, p.memo) }));
  return { ...entry, memo: memoIn(locale, entry.memo), postings };
}

export function getEntry(ctx: CallContext, associationId: string, entryId: string): EntryView {
  const entry = entryQueries(ctx.ledger).byId.get({ associationId, entryId });
  if (!entry) throw new LedgerError('entry-not-found', {}, 'entryId');
  return withPostings(ctx, entry);
}

/** A page of the journal, optionally between two dates (the filters vary, so the query is built per call). */
function listEntries(ctx: CallContext, associationId: string, filter: { from?: string; to?: string; limit: number; offset: number }): EntryView[] {
  const where: SQL[] = [eq(journalEntries.associationId, associationId)];
  if (filter.from) where.push(gte(journalEntries.entryDate, filter.from));
  if (filter.to) where.push(lte(journalEntries.entryDate, filter.to));
  return entriesWithReversal(ctx.ledger.db).where(and(...where)).orderBy(asc(journalEntries.seq)).limit(filter.limit).offset(filter.offset).all()
    .map((entry) => withPostings(ctx, entry));
}

/**
 * Accounts only their records move (grants, livestock, loans, members' savings): a
 * hand-made line there would make a grant's unspent money, the herd's cost, the loan
 * register or a member's passbook disagree with the books.
 */
const KEPT_BY_RECORDS = new Set(['grant_fund', 'grant_used', 'livestock', 'loans_receivable', 'member_savings']);

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
          memo: typedMemo(l.memo ?? null),
        };
      });
      const posted = postEntry(ctx, { associationId: input.associationId, entryDate: input.date, kind: 'manual', memo: typedMemo(input.memo), lines });
      // Answer from what was just written rather than reading it back.
      return {
        id: posted.id, seq: posted.seq, entryDate: posted.entryDate, kind: posted.kind, memo: memoIn(ctx.actor.locale, posted.memo),
        reversesEntryId: null, reversedByEntryId: null, sourceType: null, createdAt: posted.createdAt, createdBy: posted.createdBy, hash: posted.hash,
        postings: posted.postings.map((p, i) => ({
          lineNo: p.lineNo, accountCode: accounts[i]!.code, accountName: accounts[i]!.name, memberId: p.memberId, amount: String(p.amount), memo: memoIn(ctx.actor.locale, p.memo),
        })),
      };
    },
  }),

  'journal-entry-reverse': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Correct an entry by posting its exact opposite, with a reason and a second officer’s PIN; the original stays',
    input: z.strictObject({ associationId: id, entryId: id, date: isoDate.optional(), reason: requiredText(300), confirmation }),
    run(ctx, input): EntryView {
      writableAssociation(ctx, input.associationId);
      const original = getEntry(ctx, input.associationId, input.entryId);
      // An entry a business record made (a meeting, a loan, a grant …) is corrected through that record.
      if (original.sourceType !== null) throw new LedgerError('entry-kept-by-record', {}, 'entryId');
      const confirmer = confirmedBy(ctx, input.associationId, input.confirmation);
      const posted = reverseEntry(ctx, {
        associationId: input.associationId,
        entryId: input.entryId,
        entryDate: input.date ?? todayOf(ctx, input.associationId),
        memo: codedMemo('reversal', { seq: original.seq, reason: input.reason, confirmedBy: confirmer }),
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
