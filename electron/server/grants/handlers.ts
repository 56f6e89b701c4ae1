// Grants: recorded with their receipt into the group's box or bank, each in its own
// restricted fund; spendings that name the fund(s) that paid; money handed back to
// the grantor; receipts kept as evidence inside the ledger; the grant-use statement.

import { createHash } from 'node:crypto';
import { z } from 'zod';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import { todayOf, type CallContext } from '../context';
import { prepared } from '../prepared';
import { READERS, RECORDERS } from '../auth/access';
import { amountAt } from '../amount-field';
import { sumMinor, toMoney, type MinorUnits } from '../money/money';
import { accountByPurpose } from '../journal/balances';
import { postEntry } from '../journal/post';
import { GRANT_FUND_CODE_BASE } from '../journal/chart';
import { CASH_ACCOUNTS, GRANT_PURPOSES } from '../../../db/schema';
import { checkCashHolds, checkGrantCovers, fundParts, fundsInput, grantLabel, grantRow, grantsOf, unspentOf, grantRecord, type GrantRecord, type GrantRow } from '../funds/funds';
import { insertSpending, recordSpending } from '../funds/spending';
import { evidenceOfSpendings, grantStatement, type EvidenceRef, type GrantStatement, type SpendingRow } from './use-statement';
import { id, isoDate, optionalText, requiredText, amountText } from '../validation';
import { getAssociation, writableAssociation } from '../association-record';

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
}

function summary(ctx: CallContext, g: GrantRow): GrantSummary {
  const spent = prepared(
    ctx.ledger.sqlite,
    `SELECT coalesce(sum(f.amount), 0) AS spent FROM spending_funds f JOIN spendings s ON s.id = f.spending_id
      WHERE f.grant_id = ? AND s.kind <> 'return_to_grantor'`,
  ).get(g.id) as { spent: number };
  return { ...grantRecord(g), label: grantLabel(g), unspent: toMoney(unspentOf(ctx, g)), spent: toMoney(spent.spent) };
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
      if (prepared(sqlite, 'SELECT 1 FROM grants WHERE association_id = ? AND grantor = ? AND reference = ?').get(input.associationId, input.grantor, input.reference)) {
        throw new LedgerError('grant-reference-taken', { reference: input.reference }, 'reference');
      }
      const count = (prepared(sqlite, 'SELECT count(*) AS n FROM grants WHERE association_id = ?').get(input.associationId) as { n: number }).n;
      const accountId = ctx.newId();
      prepared(sqlite, `INSERT INTO accounts (id, association_id, code, purpose, type, name, per_member, created_at) VALUES (?, ?, ?, 'grant_fund', 'liability', ?, 0, ?)`)
        .run(accountId, input.associationId, String(GRANT_FUND_CODE_BASE + count + 1), `Grant: ${input.grantor} (${input.reference})`, ctx.now().toISOString());
      const grantId = ctx.newId();
      const entry = postEntry(ctx, {
        associationId: input.associationId, entryDate: input.date, kind: 'grant-receipt', memo: `Grant from ${input.grantor} (${input.reference})`,
        source: { type: 'grant', id: grantId },
        lines: [
          { accountId: accountByPurpose(sqlite, input.associationId, input.receivedInto).id, amount },
          { accountId, amount: -amount as MinorUnits },
        ],
      });
      prepared(
        sqlite,
        `INSERT INTO grants (id, association_id, account_id, grantor, reference, received_on, amount, purpose, conditions, reporting_dates_json, return_unspent,
           received_into, entry_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(grantId, input.associationId, accountId, input.grantor, input.reference, input.date, amount, input.purpose, input.conditions ?? null,
        JSON.stringify([...new Set(input.reportingDates)].sort()), input.returnUnspent ? 1 : 0, input.receivedInto, entry.id, ctx.now().toISOString(), ctx.actorName);
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
    run: (ctx, input): GrantStatement => grantStatement(ctx, input.associationId, input.grantId, input.asOf ?? todayOf(ctx)),
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
        associationId: input.associationId, currency: association.currency, date: input.date, kind: input.kind, description: input.description,
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
      const description = `Returned to ${grant.grantor}${input.note ? `: ${input.note}` : ''}`;
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
      const { sqlite } = ctx.ledger;
      const rows = prepared(
        sqlite,
        `SELECT s.id, s.spent_on AS date, s.kind, s.description, s.amount AS total, s.paid_from AS paidFrom, a.tag AS animalTag
           FROM spendings s LEFT JOIN animals a ON a.id = s.animal_id WHERE s.association_id = ? ORDER BY s.spent_on DESC, s.rowid DESC`,
      ).all(input.associationId) as { id: string; date: string; kind: SpendingRow['kind']; description: string; total: number; paidFrom: string; animalTag: string | null }[];
      const labels = new Map(grantsOf(ctx, input.associationId).map((g) => [g.id, grantLabel(g)]));
      const evidence = evidenceOfSpendings(ctx, rows.map((r) => r.id));
      const parts = new Map<string, { grantId: string | null; label: string | null; amount: string }[]>();
      const allParts = prepared(
        sqlite,
        'SELECT f.spending_id AS spendingId, f.grant_id AS grantId, f.amount FROM spending_funds f JOIN spendings s ON s.id = f.spending_id WHERE s.association_id = ? ORDER BY f.rowid',
      ).all(input.associationId) as { spendingId: string; grantId: string | null; amount: number }[];
      for (const p of allParts) {
        parts.set(p.spendingId, [...(parts.get(p.spendingId) ?? []), { grantId: p.grantId, label: p.grantId ? (labels.get(p.grantId) ?? null) : null, amount: String(p.amount) }]);
      }
      return rows.map((r) => ({ ...r, total: String(r.total), evidence: evidence.get(r.id) ?? [], funds: parts.get(r.id) ?? [] }));
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
      const { sqlite } = ctx.ledger;
      if (!prepared(sqlite, 'SELECT 1 FROM spendings WHERE id = ? AND association_id = ?').get(input.spendingId, input.associationId)) {
        throw new LedgerError('spending-not-found', {}, 'spendingId');
      }
      const bytes = Buffer.from(input.contentBase64, 'base64');
      if (bytes.length > EVIDENCE_MAX_BYTES) throw new LedgerError('evidence-too-large', {}, 'contentBase64');
      const mediaType = mediaTypeOf(bytes);
      if (!mediaType) throw new LedgerError('evidence-type', {}, 'contentBase64');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (prepared(sqlite, 'SELECT 1 FROM evidence WHERE spending_id = ? AND sha256 = ?').get(input.spendingId, sha256)) {
        throw new LedgerError('evidence-duplicate', {}, 'contentBase64');
      }
      const evidenceId = ctx.newId();
      prepared(
        sqlite,
        `INSERT INTO evidence (id, association_id, spending_id, file_name, media_type, byte_size, sha256, content, added_at, added_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(evidenceId, input.associationId, input.spendingId, input.fileName, mediaType, bytes.length, sha256, bytes, ctx.now().toISOString(), ctx.actorName);
      return { id: evidenceId, fileName: input.fileName, mediaType, byteSize: bytes.length, sha256 };
    },
  }),

  'evidence-get': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'A kept receipt, with a check that its content still matches its SHA-256',
    input: z.strictObject({ associationId: id, evidenceId: id }),
    run(ctx, input): EvidenceRef & { contentBase64: string; intact: boolean } {
      const row = prepared(
        ctx.ledger.sqlite,
        'SELECT id, file_name AS fileName, media_type AS mediaType, byte_size AS byteSize, sha256, content FROM evidence WHERE id = ? AND association_id = ?',
      ).get(input.evidenceId, input.associationId) as (EvidenceRef & { content: Buffer }) | undefined;
      if (!row) throw new LedgerError('evidence-not-found', {}, 'evidenceId');
      const { content, ...ref } = row;
      return { ...ref, contentBase64: content.toString('base64'), intact: createHash('sha256').update(content).digest('hex') === row.sha256 };
    },
  }),
};
