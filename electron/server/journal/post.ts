// The one posting function. Every write path that moves money — a contribution, a
// loan, a livestock purchase, a manual entry, a reversal — ends here. It checks the
// entry balances and is well-formed, numbers it in the association's sequence,
// chains its hash and writes the entry and its postings. The caller wraps it and the
// business record in one transaction (the registry does, for every write handler).

import { LedgerError } from '../errors';
import { todayOf, type CallContext } from '../context';
import { sumMinor, type MinorUnits } from '../money/money';
import { isCalendarDate } from '../validation';
import { MEMBER_NAMED_PURPOSES } from './chart';
import { GENESIS_HASH, entryHash, type HashableEntry, type HashablePosting } from './hash';
import { statementsFor, type AccountForPosting, type AssociationForPosting, type LastEntry, type MemberForPosting } from './posting-queries';
import { addDays } from '../locale/dates';

export interface EntryLine {
  readonly accountId: string;
  readonly memberId?: string | null;
  /** Signed minor units: debit positive, credit negative. */
  readonly amount: MinorUnits;
  readonly memo?: string | null;
}

export interface NewEntry {
  readonly associationId: string;
  readonly entryDate: string;
  readonly kind: string;
  readonly memo: string;
  readonly lines: readonly EntryLine[];
  readonly source?: { readonly type: string; readonly id: string };
  readonly reversesEntryId?: string;
  /**
   * The day of the record the entry carries, when it is posted on a later day (a
   * meeting corrected today): who was still a member is judged on that day.
   */
  readonly recordDate?: string;
}

export interface PostedEntry extends HashableEntry {
  readonly hash: string;
  readonly postings: readonly HashablePosting[];
}

export function postEntry(ctx: CallContext, entry: NewEntry): PostedEntry {
  const { sqlite } = ctx.ledger;
  if (!sqlite.inTransaction) throw new Error('postEntry must run inside the command’s transaction');
  const st = statementsFor(ctx.ledger);
  const association = st.associationForPosting.get(entry.associationId) as AssociationForPosting | undefined;
  if (!association) throw new LedgerError('association-not-found');
  if (association.readOnly) throw new LedgerError('association-read-only');
  checkDate(ctx, entry.entryDate, association.foundedOn, entry.associationId);
  checkLines(ctx, entry);

  const last = st.lastEntry.get(entry.associationId) as LastEntry | undefined;
  const head: HashableEntry = {
    id: ctx.newId(),
    associationId: entry.associationId,
    seq: (last?.seq ?? 0) + 1,
    entryDate: entry.entryDate,
    kind: entry.kind,
    memo: entry.memo,
    currency: association.currency,
    reversesEntryId: entry.reversesEntryId ?? null,
    sourceType: entry.source?.type ?? null,
    sourceId: entry.source?.id ?? null,
    createdAt: ctx.now().toISOString(),
    createdBy: ctx.actorName,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const postings: HashablePosting[] = entry.lines.map((line, i) => ({
    id: ctx.newId(),
    lineNo: i + 1,
    accountId: line.accountId,
    memberId: line.memberId ?? null,
    amount: line.amount,
    memo: line.memo ?? null,
  }));
  const hash = entryHash(head, postings);
  st.insertEntry.run({ ...head, hash });
  for (const p of postings) {
    st.insertPosting.run({ ...p, entryId: head.id, associationId: head.associationId, entryDate: head.entryDate });
  }
  return { ...head, hash, postings };
}

function checkDate(ctx: CallContext, date: string, foundedOn: string, associationId: string): void {
  if (!isCalendarDate(date)) throw new LedgerError('date-invalid', {}, 'date');
  if (date < foundedOn) throw new LedgerError('entry-before-founding', { date, foundedOn }, 'date');
  // A day of slack: the laptop's clock may be a little behind the meeting's date.
  const tomorrow = addDays(todayOf(ctx, associationId), 1);
  if (date > tomorrow) throw new LedgerError('entry-in-future', { date }, 'date');
}

/** The balance check that no write path can skip, plus the shape of every line. */
function checkLines(ctx: CallContext, entry: NewEntry): void {
  if (entry.lines.length < 2) throw new LedgerError('entry-too-few-lines', {}, 'lines');
  const st = statementsFor(ctx.ledger);
  entry.lines.forEach((line, i) => {
    const field = `lines.${i}`;
    if (!Number.isSafeInteger(line.amount)) throw new LedgerError('amount-out-of-range', {}, field);
    if (line.amount === 0) throw new LedgerError('entry-line-zero', { line: i + 1 }, field);
    const account = st.accountInAssociation.get(line.accountId, entry.associationId) as AccountForPosting | undefined;
    if (!account) throw new LedgerError('account-not-found', { line: i + 1 }, field);
    if (line.memberId) {
      const member = st.memberInAssociation.get(line.memberId, entry.associationId) as MemberForPosting | undefined;
      if (!member) throw new LedgerError('member-not-found', { line: i + 1 }, field);
      if (!account.perMember && !MEMBER_NAMED_PURPOSES.has(account.purpose)) {
        throw new LedgerError('entry-line-member-not-allowed', { line: i + 1, account: account.code }, field);
      }
      // Nothing is saved for someone who has left (paying out, a debit, still is);
      // a reversal puts back exactly what was there, so it is let through.
      const leftBy = member.exitedOn !== null && member.exitedOn <= (entry.recordDate ?? entry.entryDate);
      if (leftBy && line.amount < 0 && account.purpose === 'member_savings' && !entry.reversesEntryId) {
        throw new LedgerError('member-has-left', { line: i + 1, name: member.fullName, date: member.exitedOn! }, field);
      }
    } else if (account.perMember) {
      throw new LedgerError('entry-line-needs-member', { line: i + 1, account: account.code }, field);
    }
  });
  const total = sumMinor(entry.lines.map((l) => l.amount));
  if (!total.isZero()) {
    const debits = sumMinor(entry.lines.filter((l) => l.amount > 0).map((l) => l.amount));
    const credits = sumMinor(entry.lines.filter((l) => l.amount < 0).map((l) => l.amount)).negated();
    throw new LedgerError(
      'entry-unbalanced',
      { debits: debits.toFixed(0), credits: credits.toFixed(0), difference: total.abs().toFixed(0) },
      'lines',
    );
  }
}
