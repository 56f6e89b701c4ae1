// Statements on request: built from the books (statement-get), recorded when handed
// out (statement-export-record: the file is written outside the server's transaction,
// see export.ts), and checked against the books (statement-check).

import { z } from 'zod';
import { statementExports } from '../../../db/schema';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import type { CallContext } from '../context';
import { READERS } from '../auth/access';
import { getAssociation } from '../association-record';
import { id, isoDate, requiredText } from '../validation';
import { prepared, rowInserter } from '../prepared';
import { isUiLocale, type UiLocale } from '../locale/numbers';
import { messageIn } from '../messages/render';
import { buildStatement, normalRequest } from './build';
import { chainHeadAt } from './fingerprint';
import { contentHashOf, STATEMENT_FORMATS, STATEMENT_KINDS, type Fingerprint, type Statement } from './model';

const requestFields = {
  associationId: id,
  kind: z.enum(STATEMENT_KINDS, { error: 'statement-kind-invalid' }),
  asOf: isoDate,
  from: isoDate.optional(),
  memberId: id.optional(),
  account: z.enum(['box', 'bank'], { error: 'field-invalid' }).optional(),
  grantId: id.optional(),
  cycleId: id.optional(),
  meetingId: id.optional(),
  loanId: id.optional(),
};

const HEX = /^[0-9a-f]*$/;
const SHA256 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'statement-unreadable' });
/** The files of a statement handed out, as the books recorded them. */
const FILES_HANDED_OUT = `SELECT file_sha256 AS fileSha256 FROM statement_exports
  WHERE association_id = ? AND last_entry = ? AND chain_head = ? AND content_hash = ? AND file_sha256 IS NOT NULL`;
const fingerprintInput = z.strictObject({
  version: z.literal(1, { error: 'statement-unreadable' }),
  request: z.strictObject(requestFields),
  locale: z.string().refine(isUiLocale, { error: 'statement-unreadable' }),
  lastEntry: z.number().int().min(0),
  chainHead: z.string().max(128).regex(HEX, { error: 'statement-unreadable' }),
  contentHash: z.string().length(64).regex(HEX, { error: 'statement-unreadable' }),
});

const insertExport = rowInserter(statementExports);
/** The latest fingerprint handed out before entry N whose chain head the books still hold (a bound on where history changed). */
const EXPORTS_BEFORE = `SELECT DISTINCT last_entry AS lastEntry, chain_head AS chainHead FROM statement_exports
  WHERE association_id = ? AND last_entry < ? ORDER BY last_entry DESC`;

/** What a statement file says about the books, checked against them. */
export interface StatementCheck {
  readonly verdict: 'matches' | 'figures-edited' | 'file-changed' | 'not-on-record' | 'history-changed' | 'books-changed-since';
  /** In the reader's language. */
  readonly message: string;
  readonly asOf: string;
  readonly lastEntry: number;
  /** History changed: the last entry known still to agree (from the fingerprints handed out), or 0. */
  readonly agreesUpTo?: number;
  /** The first table and row whose figures differ (figures edited, or the books changed since). */
  readonly firstDifference?: { readonly table: string; readonly row: number };
}

function inLocale(ctx: CallContext, locale: UiLocale): CallContext {
  return { ...ctx, actor: { ...ctx.actor, locale } };
}

function firstDifference(a: Statement['tables'], b: readonly { key: string; rows: readonly (readonly (string | null)[])[]; total?: readonly (string | null)[] | undefined }[]) {
  for (const [i, table] of a.entries()) {
    const other = b[i];
    const rows = [...table.rows, ...(table.total ? [table.total] : [])];
    const otherRows = other ? [...other.rows, ...(other.total ? [other.total] : [])] : [];
    for (let r = 0; r < Math.max(rows.length, otherRows.length); r++) {
      if (JSON.stringify(rows[r] ?? null) !== JSON.stringify(otherRows[r] ?? null)) return { table: table.key, row: r + 1 };
    }
  }
  return { table: a[0]?.key ?? '', row: 0 };
}

export function checkStatement(
  ctx: CallContext,
  fingerprint: Fingerprint,
  fileTables: readonly { key: string; rows: readonly (readonly (string | null)[])[]; total?: readonly (string | null)[] | undefined }[] | null,
  fileSha256?: string,
): StatementCheck {
  const { request, lastEntry } = fingerprint;
  getAssociation(ctx, request.associationId);
  const say = (verdict: StatementCheck['verdict'], params: Record<string, string | number>) => messageIn(ctx.actor.locale, `statement.check-${verdict}`, params);
  const base = { asOf: request.asOf, lastEntry };
  // The figures in the file against the fingerprint it carries: an edit shows here.
  if (fileTables && contentHashOf(fileTables) !== fingerprint.contentHash) {
    return { ...base, verdict: 'figures-edited', message: say('figures-edited', {}), firstDifference: { table: fileTables[0]?.key ?? '', row: 0 } };
  }
  // The file against the one the books recorded handing out (a PDF's page edited shows here).
  if (fileSha256) {
    const handedOut = (prepared(ctx.ledger.sqlite, FILES_HANDED_OUT).all(request.associationId, lastEntry, fingerprint.chainHead, fingerprint.contentHash) as { fileSha256: string }[]).map((r) => r.fileSha256);
    if (handedOut.length > 0 && !handedOut.includes(fileSha256)) return { ...base, verdict: 'file-changed', message: say('file-changed', {}) };
    // A PDF carries no figures to check: only the books' record of handing it out vouches for its pages.
    if (handedOut.length === 0 && fileTables === null) return { ...base, verdict: 'not-on-record', message: say('not-on-record', {}) };
  }
  // History up to the last entry the statement saw.
  const head = chainHeadAt(ctx, request.associationId, lastEntry);
  if (head !== fingerprint.chainHead) {
    let agreesUpTo = 0;
    for (const earlier of prepared(ctx.ledger.sqlite, EXPORTS_BEFORE).all(request.associationId, lastEntry) as { lastEntry: number; chainHead: string }[]) {
      if (chainHeadAt(ctx, request.associationId, earlier.lastEntry) === earlier.chainHead) {
        agreesUpTo = earlier.lastEntry;
        break;
      }
    }
    return { ...base, verdict: 'history-changed', message: say('history-changed', { entry: lastEntry, from: agreesUpTo + 1 }), agreesUpTo };
  }
  // The same history: the figures as of its day, from the books now.
  const now = buildStatement(inLocale(ctx, fingerprint.locale), request);
  if (now.fingerprint.contentHash !== fingerprint.contentHash) {
    const difference = fileTables ? firstDifference(now.tables, fileTables) : undefined;
    return { ...base, verdict: 'books-changed-since', message: say('books-changed-since', { entry: lastEntry }), ...(difference ? { firstDifference: difference } : {}) };
  }
  return { ...base, verdict: 'matches', message: say('matches', { entry: lastEntry }) };
}

export const statementHandlers = {
  'statement-get': handler({
    kind: 'read',
    access: { roles: READERS, ownMember: 'memberId' },
    summary: 'A statement as of a day or for a period, as data: its tables of figures, in the reader’s language, with the fingerprint of the books',
    input: z.strictObject(requestFields),
    run(ctx, input): Statement {
      // A member reaches this only for their own statement (ownMember): never the group's accounts.
      if (ctx.user?.role === 'member' && input.kind !== 'member-statement') throw new LedgerError('role-refused', { role: 'member' });
      return buildStatement(ctx, input);
    },
  }),

  'statement-export-record': handler({
    kind: 'write',
    // Only exportStatement, once the file is written: a claim from a page or a script could vouch for a file never handed out.
    internal: true,
    access: { roles: READERS, ownMember: 'memberId' },
    summary: 'Record a statement handed out (as a file): its fingerprint, the format and the file’s name',
    input: z.strictObject({
      associationId: id, fingerprint: fingerprintInput, format: z.enum(STATEMENT_FORMATS, { error: 'field-not-allowed' }), fileName: requiredText(255), memberId: id.optional(),
      fileSha256: SHA256.optional(),
    }),
    run(ctx, input): { id: string } {
      const f = input.fingerprint;
      getAssociation(ctx, input.associationId);
      if (f.request.associationId !== input.associationId) throw new LedgerError('statement-other-association', {}, 'fingerprint');
      if (ctx.user?.role === 'member' && f.request.kind !== 'member-statement') throw new LedgerError('role-refused', { role: 'member' });
      if (f.request.kind === 'member-statement' && input.memberId !== f.request.memberId) throw new LedgerError('member-not-found', {}, 'memberId');
      // Only a fingerprint of these books: the chain head at its entry must be the books' own.
      if (chainHeadAt(ctx, f.request.associationId, f.lastEntry) !== f.chainHead) throw new LedgerError('statement-not-these-books', {}, 'fingerprint');
      const recordId = ctx.newId();
      insertExport(ctx.ledger).run({
        id: recordId, associationId: f.request.associationId, kind: f.request.kind, requestJson: JSON.stringify(normalRequest(f.request)),
        lastEntry: f.lastEntry, chainHead: f.chainHead, contentHash: f.contentHash, format: input.format, fileName: input.fileName, fileSha256: input.fileSha256 ?? null,
        exportedAt: ctx.now().toISOString(), exportedBy: ctx.actorName,
      });
      return { id: recordId };
    },
  }),

  'statement-check': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'Check a statement’s fingerprint (and the figures read from its file) against these books',
    input: z.strictObject({
      associationId: id,
      fingerprint: fingerprintInput,
      tables: z.array(z.strictObject({
        key: z.string().max(64),
        rows: z.array(z.array(z.string().max(2000).nullable()).max(64)).max(200_000),
        total: z.array(z.string().max(2000).nullable()).max(64).optional(),
      })).max(32).nullable().default(null),
      fileSha256: SHA256.optional(),
    }),
    run(ctx, input): StatementCheck {
      // Only a statement of the books one signed in to: another association's are not one's to read.
      if (input.fingerprint.request.associationId !== input.associationId) throw new LedgerError('statement-other-association', {}, 'fingerprint');
      return checkStatement(ctx, input.fingerprint as Fingerprint, input.tables, input.fileSha256);
    },
  }),
};
