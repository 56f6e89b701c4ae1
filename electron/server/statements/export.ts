// Handing a statement out as a file, and checking a file handed out. The statement is
// built in one server call (a consistent read), rendered outside it, written whole or
// not at all (to a temporary name beside the target, then renamed), and only then
// recorded in the books. Reading a file back gives its fingerprint and, for XLSX and
// CSV, its figures, which the server checks against the books.

import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Actor } from '../context';
import { isImported } from '../association-record';
import { LedgerError, type Result } from '../errors';
import { failure } from '../registry';
import type { LedgerServer } from '../server';
import type { StatementCheck } from './handlers';
import type { Fingerprint, RawTable, Statement, StatementFormat, StatementRequest } from './model';
import { shortFingerprint } from './model';
import { renderCsv, parseCsv, tablesFromCsv } from './render/csv';
import { readXlsx, renderXlsx } from './render/xlsx';
import { fingerprintOfPdf, renderPdf } from './render/pdf';

export interface ExportRequest extends StatementRequest {
  readonly format: StatementFormat;
  /** The file to write (PDF, XLSX), or the folder to create (CSV: one file per table). */
  readonly file: string;
}

export interface ExportedStatement {
  readonly file: string;
  readonly fingerprint: Fingerprint;
  /** As printed on each page. */
  readonly short: string;
}

/** Writes a file or a folder of files under a temporary name beside the target, then renames it into place. */
function writeWhole(target: string, content: Buffer | Map<string, string>): void {
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.part`);
  try {
    if (content instanceof Map) {
      if (existsSync(target)) throw new LedgerError('statement-file-name-taken', {}, 'file');
      mkdirSync(temporary);
      for (const [name, text] of content) writeFileSync(join(temporary, name), text, { encoding: 'utf8', flush: true });
    } else {
      writeFileSync(temporary, content, { flush: true });
    }
    renameSync(temporary, target);
  } catch (err) {
    rmSync(temporary, { recursive: true, force: true });
    if (err instanceof LedgerError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    // Each cause in the reader's words (a message of its own); anything else names the system's code.
    const causes: Record<string, string> = {
      ENOENT: 'statement-file-folder-missing', EACCES: 'statement-file-not-allowed', EPERM: 'statement-file-not-allowed',
      ENOSPC: 'statement-file-disk-full', EROFS: 'statement-file-read-only', EISDIR: 'statement-file-name-taken',
    };
    const cause = causes[code];
    if (cause) throw new LedgerError(cause, {}, 'file');
    throw new LedgerError('statement-file-unwritable', { reason: code }, 'file');
  }
}

/** SHA-256 of what was written: the file's bytes, or a CSV folder's files in name order (name, then content). */
function fileHash(content: Buffer | ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  if (Buffer.isBuffer(content)) return hash.update(content).digest('hex');
  for (const name of [...content.keys()].sort()) hash.update(`${name}\u0000${content.get(name)!}\u0000`);
  return hash.digest('hex');
}

async function render(statement: Statement, format: StatementFormat): Promise<Buffer | Map<string, string>> {
  if (format === 'pdf') return renderPdf(statement);
  if (format === 'xlsx') return renderXlsx(statement);
  return renderCsv(statement);
}

export async function exportStatement(server: LedgerServer, actor: Actor, input: ExportRequest): Promise<Result<ExportedStatement>> {
  const { format, file, ...request } = input;
  const built = server.call('statement-get', request, actor);
  if (!built.ok) return built;
  const statement = built.value;
  let written: Buffer | Map<string, string>;
  try {
    written = await render(statement, format);
    writeWhole(file, written);
  } catch (err) {
    return failure(err);
  }
  // An imported group's books are read here, never written: a coordinator's copy is not handed out by the group.
  if (isImported(server.ledger.sqlite, request.associationId)) {
    return { ok: true, value: { file, fingerprint: statement.fingerprint, short: shortFingerprint(statement.fingerprint) } };
  }
  const recorded = server.callInternal('statement-export-record', {
    associationId: request.associationId, fingerprint: statement.fingerprint, format, fileName: basename(file), fileSha256: fileHash(written),
    ...(request.memberId ? { memberId: request.memberId } : {}),
  }, actor);
  if (!recorded.ok) {
    // Not on record, not handed out: the file goes too (if it cannot be removed now, the refusal still stands).
    try {
      rmSync(file, { recursive: true, force: true });
    } catch (err) {
      console.error('[ikimina] a statement not recorded could not be removed:', (err as Error).message);
    }
    return recorded;
  }
  return { ok: true, value: { file, fingerprint: statement.fingerprint, short: shortFingerprint(statement.fingerprint) } };
}

/** What an exported file says: its fingerprint (text) and its figures when the format carries them as data. */
interface ReadFile {
  readonly fingerprint: string | null;
  readonly tables: RawTable[] | null;
  readonly fileSha256: string;
}

/** No statement is this big (the largest measured is well under 1 MB): a bigger file is not read at all. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const MAX_CSV_FILES = 64;

function tooBig(): never {
  throw new LedgerError('statement-unreadable', {}, 'file');
}

async function readStatementFile(path: string): Promise<ReadFile> {
  if (existsSync(path) && statSync(path).isDirectory()) {
    const names = readdirSync(path).filter((n) => n.endsWith('.csv'));
    if (names.length > MAX_CSV_FILES || names.reduce((sum, n) => sum + statSync(join(path, n)).size, 0) > MAX_FILE_BYTES) tooBig();
    const files = new Map(names.map((n) => [n, readFileSync(join(path, n), 'utf8')]));
    return { ...fromCsvFiles(files), fileSha256: fileHash(files) };
  }
  if (statSync(path).size > MAX_FILE_BYTES) tooBig();
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { fingerprint: fingerprintOfPdf(bytes), tables: null, fileSha256: fileHash(bytes) };
  if (bytes.subarray(0, 2).toString('latin1') === 'PK') return { ...(await readXlsx(bytes)), fileSha256: fileHash(bytes) };
  if (extname(path).toLowerCase() === '.csv') {
    // One file of a CSV export: the whole folder is read.
    const folder = dirname(path);
    return readStatementFile(folder);
  }
  return { fingerprint: null, tables: null, fileSha256: fileHash(bytes) };
}

function fromCsvFiles(files: ReadonlyMap<string, string>): { fingerprint: string | null; tables: RawTable[] | null } {
  const particulars = new Map(parseCsv(files.get('particulars.csv') ?? '').slice(1).map((r) => [r[0] ?? '', r[1] ?? ''] as [string, string]));
  const fingerprint = particulars.get('fingerprint') ?? null;
  return { fingerprint, tables: particulars.has('tables') ? tablesFromCsv(particulars, files) : null };
}

/** Checks a statement file against the books of the association the caller is signed in to. */
export async function verifyStatementFile(server: LedgerServer, actor: Actor, associationId: string, path: string): Promise<Result<StatementCheck>> {
  // Who may check, before any file is touched: a reader of this association (statement-check's rule, asked
  // through the smallest read with the same rule).
  const allowed = server.call('audit-list', { associationId, limit: 1 }, actor);
  if (!allowed.ok) return allowed;
  let read: ReadFile;
  try {
    read = await readStatementFile(path);
  } catch {
    return failure(new LedgerError('statement-unreadable', {}, 'file'));
  }
  let fingerprint: unknown;
  try {
    fingerprint = JSON.parse(read.fingerprint ?? '');
  } catch {
    return failure(new LedgerError('statement-unreadable', {}, 'file'));
  }
  const tables = read.tables?.map((t) => ({ key: t.key, rows: t.rows.map((r) => [...r]), ...(t.total ? { total: [...t.total] } : {}) })) ?? null;
  const checked = server.call('statement-check', { associationId, fingerprint: fingerprint as Fingerprint, tables, fileSha256: read.fileSha256 }, actor);
  // A fingerprint that does not read as one (its shape, not its association) is not a statement of Ikimina's.
  if (!checked.ok && checked.error.field?.startsWith('fingerprint.')) return failure(new LedgerError('statement-unreadable', {}, 'file'));
  return checked;
}
