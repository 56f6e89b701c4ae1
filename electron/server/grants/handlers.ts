// Grants: recorded with their receipt into the group's box or bank, each in its own
// restricted fund; spendings that name the fund(s) that paid; money handed back to
// the grantor; receipts kept as evidence inside the ledger; the grant-use statement.

import { createHash } from 'node:crypto';
import { z } from 'zod';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import { todayOf, type CallContext } from '../context';
import { and, count, desc, eq, ne, sql } from 'drizzle-orm';
import { typedQuery } from '../prepared';
import { READERS, RECORDERS } from '../auth/access';
import { amountAt } from '../amount-field';
import { decimal, sumMinor, toMoney, type MinorUnits } from '../money/money';
import { accountByPurpose } from '../journal/balances';
import { postEntry } from '../journal/post';
import { GRANT_FUND_CODE_BASE } from '../journal/chart';
import { accounts, animals, CASH_ACCOUNTS, evidence, GRANT_PURPOSES, grants, spendingFunds, spendings } from '../../../db/schema';
import { checkCashHolds, checkGrantCovers, fundParts, fundsInput, grantLabel, grantRow, grantsOf, unspentOf, grantRecord, type GrantRecord, type GrantRow } from '../funds/funds';
import { insertSpending, recordSpending } from '../funds/spending';
import { evidenceOfSpendings, grantStatement, type EvidenceRef, type GrantStatement, type SpendingRow } from './use-statement';
import { id, isoDate, optionalText, requiredText, amountText } from '../validation';
import { getAssociation, writableAssociation } from '../association-record';
import { codedMemo, memoIn, typedMemo } from '../journal/memo';

/** Receipts larger than this are refused: the ledger travels on USB sticks and by e-mail. */
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

/** What a receipt may be, recognised by its first bytes (never by the name the file was given). */
const EVIDENCE_TYPES: readonly { mediaType: string; magic: readonly number[] }[] = [
  { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

export interface GrantSummary extends GrantRecord {
  readonly label: string;
  /** Minor units, as of today. */
  readonly unspent: string;
  readonly spent: string;
  /** Handed back to the grantor. */
  readonly returned: string;
  /** What came back to the grant (an animal it bought, sold): received − spent − returned + this = unspent, so the card adds up. */
  readonly cameBack: string;
}

const grantQueries = typedQuery((db) => ({
  /** What the grant paid for (money handed back to the grantor is not spent). */
  spent: db.select({ spent: sql<number>`coalesce(sum(${spendingFunds.amount}), 0)` }).from(spendingFunds)
    .innerJoin(spendings, eq(spendings.id, spendingFunds.spendingId))
    .where(and(eq(spendingFunds.grantId, sql.placeholder('grantId')), ne(spendings.kind, 'return_to_grantor'))).prepare(),
  returned: db.select({ returned: sql<number>`coalesce(sum(${spendingFunds.amount}), 0)` }).from(spendingFunds)
    .innerJoin(spendings, eq(spendings.id, spendingFunds.spendingId))
    .where(and(eq(spendingFunds.grantId, sql.placeholder('grantId')), eq(spendings.kind, 'return_to_grantor'))).prepare(),
  referenceTaken: db.select({ id: grants.id }).from(grants)
    .where(and(
      eq(grants.associationId, sql.placeholder('associationId')), eq(grants.grantor, sql.placeholder('grantor')), eq(grants.reference, sql.placeholder('reference')),
    )).prepare(),
  count: db.select({ n: count() }).from(grants).where(eq(grants.associationId, sql.placeholder('associationId'))).prepare(),
  insertFundAccount: db.insert(accounts).values({
    id: sql.placeholder('id'), associationId: sql.placeholder('associationId'), code: sql.placeholder('code'), purpose: 'grant_fund', type: 'liability',
    name: sql.placeholder('name'), perMember: false, createdAt: sql.placeholder('createdAt'),
  }).prepare(),
  insertGrant: db.insert(grants).values({
    id: sql.placeholder('id'), associationId: sql.placeholder('associationId'), accountId: sql.placeholder('accountId'), grantor: sql.placeholder('grantor'),
    reference: sql.placeholder('reference'), receivedOn: sql.placeholder('receivedOn'), amount: sql.placeholder('amount'), purpose: sql.placeholder('purpose'),
    conditions: sql.placeholder('conditions'), reportingDatesJson: sql.placeholder('reportingDatesJson'), returnUnspent: sql.placeholder('returnUnspent'),
    receivedInto: sql.placeholder('receivedInto'), entryId: sql.placeholder('entryId'), createdAt: sql.placeholder('createdAt'), createdBy: sql.placeholder('createdBy'),
  }).prepare(),
  /** Every spending of the association, newest first. */
  spendings: db.select({
    id: spendings.id, date: spendings.spentOn, kind: spendings.kind, description: spendings.description, total: spendings.amount,
    paidFrom: spendings.paidFrom, animalTag: animals.tag,
  }).from(spendings).leftJoin(animals, eq(animals.id, spendings.animalId))
    .where(eq(spendings.associationId, sql.placeholder('associationId'))).orderBy(desc(spendings.spentOn), sql`${spendings}.rowid DESC`).prepare(),
  /** Who paid each spending of the association, in the order the parts were given. */
  parts: db.select({ spendingId: spendingFunds.spendingId, grantId: spendingFunds.grantId, amount: spendingFunds.amount }).from(spendingFunds)
    .innerJoin(spendings, eq(spendings.id, spendingFunds.spendingId))
    .where(eq(spendings.associationId, sql.placeholder('associationId'))).orderBy(sql`${spendingFunds}.rowid`).prepare(),
  spendingExists: db.select({ id: spendings.id }).from(spendings)
    .where(and(eq(spendings.id, sql.placeholder('spendingId')), eq(spendings.associationId, sql.placeholder('associationId')))).prepare(),
  evidenceKept: db.select({ id: evidence.id }).from(evidence)
    .where(and(eq(evidence.spendingId, sql.placeholder('spendingId')), eq(evidence.sha256, sql.placeholder('sha256')))).prepare(),
  insertEvidence: db.insert(evidence).values({
    id: sql.placeholder('id'), associationId: sql.placeholder('associationId'), spendingId: sql.placeholder('spendingId'), fileName: sql.placeholder('fileName'),
    mediaType: sql.placeholder('mediaType'), byteSize: sql.placeholder('byteSize'), sha256: sql.placeholder('sha256'), content: sql.placeholder('content'),
    addedAt: sql.placeholder('addedAt'), addedBy: sql.placeholder('addedBy'),
  }).prepare(),
  evidenceById: db.select({
    id: evidence.id, fileName: evidence.fileName, mediaType: evidence.mediaType, byteSize: evidence.byteSize, sha256: evidence.sha256, content: evidence.content,
  }).from(evidence).where(and(eq(evidence.id, sql.placeholder('evidenceId')), eq(evidence.associationId, sql.placeholder('associationId')))).prepare(),
}));

function summary(ctx: CallContext, g: GrantRow): GrantSummary {
  const q = grantQueries(ctx.ledger);
  const spent = decimal(q.spent.get({ grantId: g.id })!.spent);
  const returned = decimal(q.returned.get({ grantId: g.id })!.returned);
  const unspent = decimal(String(unspentOf(ctx, g)));
  return {
    ...grantRecord(g), label: grantLabel(g), unspent: toMoney(unspent), spent: toMoney(spent), returned: toMoney(returned),
    cameBack: toMoney(unspent.minus(g.amount).plus(spent).plus(returned)),
  };
}

function mediaTypeOf(bytes: Buffer): string | null {
  return EVIDENCE_TYPES.find((t) => t.magic.every((b, i) => bytes[i] === b))?.mediaType ?? null;
}

export const grantHandlers = {
  'grant-create': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Record a grant received into the box or the bank; its money goes into its own restricted fund',
    input: z.strictObject({
      associationId: id, grantor: requiredText(120), reference: requiredText(60), date: isoDate, amount: amountText,
      purpose: z.enum(GRANT_PURPOSES, { error: 'grant-purpose-invalid' }), conditions: optionalText(1000),
      reportingDates: z.array(isoDate, { error: 'field-invalid' }).max(24, { error: 'field-invalid' }).default([]),
      returnUnspent: z.boolean({ error: 'field-invalid' }).default(false),
      receivedInto: z.enum(CASH_ACCOUNTS, { error: 'field-invalid' }).default('bank'),
    }),
    run(ctx, input): GrantSummary {
      const association = writableAssociation(ctx, input.associationId);
      const amount = amountAt(ctx, input.amount, association.currency, 'amount');
      const { sqlite } = ctx.ledger;
      const q = grantQueries(ctx.ledger);
      if (q.referenceTaken.get({ associationId: input.associationId, grantor: input.grantor, reference: input.reference })) {
        throw new LedgerError('grant-reference-taken', { reference: input.reference }, 'reference');
      }
      const grantsBefore = q.count.get({ associationId: input.associationId })!.n;
      const accountId = ctx.newId();
      q.insertFundAccount.run({
        id: accountId, associationId: input.associationId, code: String(GRANT_FUND_CODE_BASE + grantsBefore + 1), name: `Grant: ${input.grantor} (${input.reference})`,
        createdAt: ctx.now().toISOString(),
      });
      const grantId = ctx.newId();
      const entry = postEntry(ctx, {
        associationId: input.associationId, entryDate: input.date, kind: 'grant-receipt', memo: codedMemo('grant-receipt', { grantor: input.grantor, reference: input.reference }),
        source: { type: 'grant', id: grantId },
        lines: [
          { accountId: accountByPurpose(sqlite, input.associationId, input.receivedInto).id, amount },
          { accountId, amount: -amount as MinorUnits },
        ],
      });
      q.insertGrant.run({
        id: grantId, associationId: input.associationId, accountId, grantor: input.grantor, reference: input.reference, receivedOn: input.date, amount,
        purpose: input.purpose, conditions: input.conditions ?? null, reportingDatesJson: JSON.stringify([...new Set(input.reportingDates)].sort()),
        returnUnspent: input.returnUnspent, receivedInto: input.receivedInto, entryId: entry.id, createdAt: ctx.now().toISOString(), createdBy: ctx.actorName,
      });
      return summary(ctx, grantRow(ctx, input.associationId, grantId));
    },
  }),

  'grant-list': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'Every grant with what it brought, what is spent and what is unspent today',
    input: z.strictObject({ associationId: id }),
    run(ctx, input): GrantSummary[] {
      getAssociation(ctx, input.associationId);
      return grantsOf(ctx, input.associationId).map((g) => summary(ctx, g));
    },
  }),

  'grant-statement': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'The grant-use statement: received, spent by purpose with evidence, the animals and where they are, unspent, as of a date',
    input: z.strictObject({ associationId: id, grantId: id, asOf: isoDate.optional() }),
    run: (ctx, input): GrantStatement => grantStatement(ctx, input.associationId, input.grantId, input.asOf ?? todayOf(ctx, input.associationId)),
  }),

  'spending-record': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Pay for equipment, training, feed or other project costs, naming the fund(s) that pay (a grant, the group, or both)',
    input: z.strictObject({
      associationId: id, date: isoDate, kind: z.enum(['livestock_care', 'equipment', 'training', 'other'], { error: 'spending-kind-invalid' }),
      description: requiredText(200), amount: amountText, paidFrom: z.enum(CASH_ACCOUNTS, { error: 'field-invalid' }).default('cash_box'),
      funds: fundsInput,
    }),
    run(ctx, input): SpendingRow & { id: string } {
      const association = writableAssociation(ctx, input.associationId);
      const amount = amountAt(ctx, input.amount, association.currency, 'amount');
      const parts = fundParts(ctx, association.currency, amount, input.funds);
      const { spendingId } = recordSpending(ctx, {
        associationId: input.associationId, currency: association.currency, date: input.date, kind: input.kind, description: typedMemo(input.description),
        amount, paidFrom: input.paidFrom, parts, partsField: 'funds',
      });
      return { id: spendingId, date: input.date, kind: input.kind, description: input.description, total: String(amount), fromGrant: sumMinor(parts.filter((p) => p.grantId).map((p) => p.amount)).toFixed(0), animalTag: null, evidence: [] };
    },
  }),

  'grant-return': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Hand unspent grant money back to the grantor (never more than is unspent)',
    input: z.strictObject({ associationId: id, grantId: id, date: isoDate, amount: amountText, paidFrom: z.enum(CASH_ACCOUNTS, { error: 'field-invalid' }).default('bank'), note: optionalText(200) }),
    run(ctx, input): GrantSummary {
      const association = writableAssociation(ctx, input.associationId);
      const grant = grantRow(ctx, input.associationId, input.grantId);
      const amount = amountAt(ctx, input.amount, association.currency, 'amount');
      checkGrantCovers(ctx, grant, association.currency, input.date, amount, { date: 'date', amount: 'amount' });
      const cashAccount = checkCashHolds(ctx, input.associationId, association.currency, input.paidFrom, input.date, amount, 'paidFrom');
      const spendingId = ctx.newId();
      const description = codedMemo('grant-return', { grantor: grant.grantor, note: input.note });
      const entry = postEntry(ctx, {
        associationId: input.associationId, entryDate: input.date, kind: 'grant-return', memo: description, source: { type: 'spending', id: spendingId },
        lines: [{ accountId: grant.accountId, amount }, { accountId: cashAccount, amount: -amount as MinorUnits }],
      });
      insertSpending(ctx, { id: spendingId, associationId: input.associationId, date: input.date, kind: 'return_to_grantor', description, amount,
        paidFrom: input.paidFrom, parts: [{ grantId: grant.id, amount }], entryId: entry.id });
      return summary(ctx, grant);
    },
  }),

  'spending-list': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'Every spending on the group’s projects, newest first, with who paid and the evidence kept',
    input: z.strictObject({ associationId: id }),
    run(ctx, input): (Omit<SpendingRow, 'fromGrant'> & { paidFrom: string; funds: { grantId: string | null; label: string | null; amount: string }[] })[] {
      getAssociation(ctx, input.associationId);
      const q = grantQueries(ctx.ledger);
      const rows = q.spendings.all({ associationId: input.associationId });
      const labels = new Map(grantsOf(ctx, input.associationId).map((g) => [g.id, grantLabel(g)]));
      const receipts = evidenceOfSpendings(ctx, rows.map((r) => r.id));
      const parts = new Map<string, { grantId: string | null; label: string | null; amount: string }[]>();
      const allParts = q.parts.all({ associationId: input.associationId });
      for (const p of allParts) {
        parts.set(p.spendingId, [...(parts.get(p.spendingId) ?? []), { grantId: p.grantId, label: p.grantId ? (labels.get(p.grantId) ?? null) : null, amount: String(p.amount) }]);
      }
      return rows.map((r) => ({ ...r, description: memoIn(ctx.actor.locale, r.description), total: String(r.total), evidence: receipts.get(r.id) ?? [], funds: parts.get(r.id) ?? [] }));
    },
  }),

  'evidence-attach': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Keep a receipt photo (JPEG/PNG) or scanned PDF with a spending, inside the ledger, with its SHA-256',
    input: z.strictObject({
      associationId: id, spendingId: id, fileName: requiredText(200),
      contentBase64: z.string({ error: 'field-required' }).min(1, { error: 'field-required' }).max(Math.ceil((EVIDENCE_MAX_BYTES * 4) / 3) + 8, { error: 'evidence-too-large' })
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'evidence-unreadable' }),
    }),
    run(ctx, input): EvidenceRef {
      writableAssociation(ctx, input.associationId);
      const q = grantQueries(ctx.ledger);
      if (!q.spendingExists.get({ spendingId: input.spendingId, associationId: input.associationId })) {
        throw new LedgerError('spending-not-found', {}, 'spendingId');
      }
      const bytes = Buffer.from(input.contentBase64, 'base64');
      if (bytes.length > EVIDENCE_MAX_BYTES) throw new LedgerError('evidence-too-large', {}, 'contentBase64');
      const mediaType = mediaTypeOf(bytes);
      if (!mediaType) throw new LedgerError('evidence-type', {}, 'contentBase64');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (q.evidenceKept.get({ spendingId: input.spendingId, sha256 })) {
        throw new LedgerError('evidence-duplicate', {}, 'contentBase64');
      }
      const evidenceId = ctx.newId();
      q.insertEvidence.run({
        id: evidenceId, associationId: input.associationId, spendingId: input.spendingId, fileName: input.fileName, mediaType, byteSize: bytes.length, sha256,
        content: bytes, addedAt: ctx.now().toISOString(), addedBy: ctx.actorName,
      });
      return { id: evidenceId, fileName: input.fileName, mediaType, byteSize: bytes.length, sha256 };
    },
  }),

  'evidence-get': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'A kept receipt, with a check that its content still matches its SHA-256',
    input: z.strictObject({ associationId: id, evidenceId: id }),
    run(ctx, input): EvidenceRef & { contentBase64: string; intact: boolean } {
      const row = grantQueries(ctx.ledger).evidenceById.get({ evidenceId: input.evidenceId, associationId: input.associationId });
      if (!row) throw new LedgerError('evidence-not-found', {}, 'evidenceId');
      const { content, ...ref } = row;
      return { ...ref, contentBase64: content.toString('base64'), intact: createHash('sha256').update(content).digest('hex') === row.sha256 };
    },
  }),
};
