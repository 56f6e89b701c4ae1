// Everything checked of an exchange file before any of it is taken in: its size, that
// it is an Ikimina ledger file of a format and schema this build knows, the laptop's
// signature over every byte, the manifest against the rows (one association only,
// the counts, the content hash), the journal's and the history's hash chains from
// their first entry to the heads the manifest names, and the seal the last command
// left on the books. The file is first copied where only this app writes, so what is
// checked is what is taken in (a USB stick pulled out, or a file changed meanwhile,
// cannot slip anything between the two). Opened read-only; nothing in it is changed.

import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createPublicKey, randomBytes, verify } from 'node:crypto';
import { LedgerError, type ErrorParams } from '../errors';
import { headerSaysIkimina, sqliteHeader } from '../../../db/open';
import { prepared } from '../prepared';
import { LAPTOP_TABLES, quoteName, scopeWhere, tableColumns, tableScopes } from '../integrity/scope';
import { addDigest, combineSeal } from '../integrity/digest';
import { expectedSchema, schemaDifferences, schemaOf, schemaStepsOf } from '../integrity/expected-schema';
import { verifyChangeChain } from '../integrity/change-chain';
import { verifyChain } from '../journal/verify';
import {
  contentHash, EXCHANGE_FORMAT, fileHashes, manifestSchema, MANIFEST_TABLE, MANIFEST_TABLE_SQL, MAX_EXCHANGE_BYTES, offsetsOf,
  sealedDigests, SIGNATURE_PREFIX, type Manifest,
} from './format';
import { fingerprintOf } from '../auth/laptop-key';

export interface CheckedFile {
  /** The private copy that was checked (and is taken in); removed by whoever took it. */
  readonly copy: string;
  readonly manifest: Manifest;
  readonly fingerprint: string;
  readonly fileSha256: string;
  /** Rows in the file, for the progress of an import. */
  readonly rows: number;
}

export interface CheckOptions {
  /** Where the private copy is made: a folder only this app writes to. */
  readonly workDir: string;
  readonly migrationsFolder: string;
  readonly nativeBinding?: string;
}

const refuse = (code: string, params: ErrorParams = {}) => new LedgerError(code, params, 'file');

export function checkExchangeFile(source: string, options: CheckOptions): CheckedFile {
  let size: number;
  try {
    const stat = statSync(source);
    if (!stat.isFile()) throw refuse('exchange-not-ikimina');
    size = stat.size;
  } catch (err) {
    if (err instanceof LedgerError) throw err;
    throw refuse('exchange-unreadable');
  }
  if (size > MAX_EXCHANGE_BYTES) throw refuse('exchange-too-big', { megabytes: Math.ceil(size / 1048576), most: MAX_EXCHANGE_BYTES / 1048576 });
  if (size < 1024) throw refuse('exchange-not-ikimina');
  mkdirSync(options.workDir, { recursive: true });
  const copy = join(options.workDir, `incoming-${Date.now()}-${randomBytes(6).toString('hex')}.ikimina`);
  try {
    try {
      copyFileSync(source, copy);
    } catch (err) {
      const code = (err as { code?: string }).code;
      throw code === 'ENOSPC' ? new LedgerError('disk-full') : refuse('exchange-unreadable');
    }
    if (statSync(copy).size !== size) throw refuse('exchange-unreadable');
    return { ...checkCopy(copy, options), copy };
  } catch (err) {
    rmSync(copy, { force: true });
    throw err;
  }
}

/** An Ikimina ledger file (its header says so) kept whole in one file: no write-ahead log beside it. */
function headerIsIkimina(file: string): boolean {
  const header = sqliteHeader(file);
  return header !== null && headerSaysIkimina(file) && header[18] === 1 && header[19] === 1;
}

function checkCopy(file: string, options: CheckOptions): Omit<CheckedFile, 'copy'> {
  if (!headerIsIkimina(file)) throw refuse('exchange-not-ikimina');
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  } catch {
    throw refuse('exchange-damaged');
  }
  try {
    return checkOpen(db, file, options);
  } catch (err) {
    if (err instanceof LedgerError) throw err;
    // SQLite found the file malformed somewhere the checks above did not look.
    throw refuse('exchange-damaged');
  } finally {
    db.close();
  }
}

function checkOpen(db: Database.Database, file: string, options: CheckOptions): Omit<CheckedFile, 'copy'> {
  db.pragma('query_only = ON');
  // Nothing of the file's own may run: its schema must be exactly this build's, plus the manifest's table.
  const steps = schemaSteps(db, options.migrationsFolder);
  const objects = schemaOf(db);
  const manifestTable = objects.filter((o) => o.name === MANIFEST_TABLE);
  if (manifestTable.length !== 1 || manifestTable[0]!.sql !== MANIFEST_TABLE_SQL) throw refuse('exchange-not-ikimina');
  if (schemaDifferences(objects.filter((o) => o.name !== MANIFEST_TABLE), expectedSchema(options.migrationsFolder, steps, options.nativeBinding)).length > 0) {
    throw refuse('exchange-damaged');
  }
  const manifestRows = prepared(db, `SELECT manifest, signature FROM ${MANIFEST_TABLE} LIMIT 2`).all() as { manifest: unknown; signature: unknown }[];
  if (manifestRows.length !== 1) throw refuse('exchange-manifest-wrong');
  const [{ manifest: text, signature }] = manifestRows as [{ manifest: unknown; signature: unknown }];
  if (typeof text !== 'string' || text.length > 1_000_000 || typeof signature !== 'string' || !new RegExp(`^${SIGNATURE_PREFIX}[0-9a-f]{128}$`).test(signature)) {
    throw refuse('exchange-manifest-wrong');
  }
  let manifest: Manifest;
  try {
    const raw = JSON.parse(text) as { format?: unknown };
    if (typeof raw?.format === 'number' && raw.format > EXCHANGE_FORMAT) throw refuse('exchange-newer');
    manifest = manifestSchema.parse(raw);
  } catch (err) {
    if (err instanceof LedgerError) throw err;
    throw refuse('exchange-manifest-wrong');
  }
  if (manifest.schemaSteps !== steps) throw refuse('exchange-manifest-wrong');

  // The signature, over every byte of the file.
  const at = offsetsOf(file, Buffer.from(signature, 'latin1'));
  if (at.length !== 1) throw refuse('exchange-signature-wrong');
  const { signed, sha256 } = fileHashes(file, at[0]!);
  let key;
  try {
    key = createPublicKey({ key: Buffer.from(manifest.publicKey, 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw refuse('exchange-signature-wrong');
  }
  if (key.asymmetricKeyType !== 'ed25519' || !verify(null, signed, key, Buffer.from(signature.slice(SIGNATURE_PREFIX.length), 'hex'))) {
    throw refuse('exchange-signature-wrong');
  }

  // One association, and every row its own.
  const held = prepared(db, 'SELECT id FROM associations LIMIT 2').pluck().all() as string[];
  const associationId = manifest.associationId;
  if (held.length !== 1 || held[0] !== associationId) throw refuse('exchange-other-association');
  // Made-up books are never sent (the export refuses them): a file that holds a practice group anyway is refused.
  const practice = tableColumns(db, 'associations').some((c) => c.name === 'practice') && prepared(db, 'SELECT practice FROM associations').pluck().get() != null;
  if (practice) throw refuse('practice-not-exported');
  const counts: Record<string, number> = {};
  let rows = 0;
  for (const scope of tableScopes(db)) {
    const table = quoteName(scope.table);
    const all = prepared(db, `SELECT count(*) FROM main.${table}`).pluck().get() as number;
    const own = prepared(db, `SELECT count(*) FROM main.${table} WHERE ${scopeWhere(scope, 'main')}`).pluck().get(associationId) as number;
    if (own !== all) throw refuse('exchange-other-association');
    counts[scope.table] = all;
    rows += all;
  }
  for (const table of LAPTOP_TABLES) {
    if (table === '__drizzle_migrations' || table === MANIFEST_TABLE || !objects.some((o) => o.type === 'table' && o.name === table)) continue;
    if ((prepared(db, `SELECT count(*) FROM main.${quoteName(table)}`).pluck().get() as number) > 0) throw refuse('exchange-other-association');
  }
  const listed = Object.keys(manifest.counts).sort();
  const found = Object.keys(counts).sort();
  const wrongCount = found.find((t) => manifest.counts[t] !== counts[t]) ?? listed.find((t) => !(t in counts));
  if (wrongCount) throw refuse('exchange-counts-wrong', { table: wrongCount });

  // The chains, whole, to the heads the manifest names.
  const journal = verifyChain(db, associationId);
  if (!journal.ok) throw refuse('exchange-chain-broken', { seq: journal.firstBroken!.seq });
  if (journal.entries !== manifest.journal.seq || (journal.entries > 0 && journal.headHash !== manifest.journal.hash)) throw refuse('exchange-manifest-wrong');
  const history = verifyChangeChain(db, associationId);
  if (!history.ok) throw refuse('exchange-history-broken', { seq: history.firstBroken!.seq });
  if ((history.head?.seq ?? 0) !== manifest.changes.seq || (history.head && history.head.hash !== manifest.changes.hash)) throw refuse('exchange-manifest-wrong');

  // Every other row: the content hash, and the seal the last command left (with what the blanked secrets added to it).
  const digests = sealedDigests(db, associationId);
  if (contentHash(db, associationId, counts, { journal: manifest.journal.hash, changes: manifest.changes.hash }, digests) !== manifest.contentHash) {
    throw refuse('exchange-content-changed');
  }
  const sealed = new Map(digests);
  for (const [table, delta] of Object.entries(manifest.sealDeltas)) {
    if (!sealed.has(table)) throw refuse('exchange-manifest-wrong');
    sealed.set(table, addDigest(sealed.get(table)!, BigInt(`0x${delta}`)));
  }
  if (history.lastSeal !== null && history.lastSeal !== combineSeal(sealed)) throw refuse('exchange-books-changed');

  return { manifest, fingerprint: fingerprintOf(manifest.publicKey), fileSha256: sha256, rows };
}

/** The file's schema steps: a newer Ikimina's are refused (with what to do), an older one's too (its group updates first), another path's are damage. */
function schemaSteps(db: Database.Database, migrationsFolder: string): number {
  const found = schemaStepsOf(db, migrationsFolder);
  if (found.kind !== 'steps') throw refuse(({ none: 'exchange-not-ikimina', newer: 'exchange-newer', 'other-path': 'exchange-damaged' } as const)[found.kind]);
  if (found.steps < found.shipped) throw refuse('exchange-older-app');
  return found.steps;
}
