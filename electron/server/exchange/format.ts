// The ledger exchange file (`<association>-<date>.ikimina`): an ordinary SQLite file,
// so any tool opens it, holding one association's books in this build's own schema
// (every table, its rows only; PIN hashes and the recovery code's hash left out) and
// one more table, `ikimina_exchange`, with one row: the manifest (JSON) and the
// signature.
//
// The signature is Ed25519, by the exporting laptop's key, over the SHA-256 of the
// whole file as written with the signature's 128 hex digits replaced by the digit 0:
// a byte changed anywhere in the file — in a row, a page header, free space — breaks
// it. The manifest says what the file holds (association, laptop, the chains' heads,
// row counts, the content hash), so the books are checked against it row by row too.

import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { prepared } from '../prepared';
import { UUID_PATTERN } from '../ids';
import { CHAINED_TABLES, quoteName, tableScopes } from '../integrity/scope';
import { tableDigest } from '../integrity/digest';

export const EXCHANGE_FORMAT = 1;
export const EXCHANGE_EXTENSION = '.ikimina';
export const MANIFEST_TABLE = 'ikimina_exchange';
export const MANIFEST_TABLE_SQL = `CREATE TABLE ${MANIFEST_TABLE} (manifest TEXT NOT NULL, signature TEXT NOT NULL)`;
/** The largest file taken in: five years of a big group with its receipts are far below it; a 4 GB file is not a ledger. */
export const MAX_EXCHANGE_BYTES = 1024 * 1024 * 1024;
/** The signature's place in the file: this prefix and 128 hex digits. */
export const SIGNATURE_PREFIX = 'ed25519:';
export const SIGNATURE_PLACEHOLDER = `${SIGNATURE_PREFIX}${'0'.repeat(128)}`;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const head = z.strictObject({ seq: z.number().int().min(0).max(2 ** 40), hash: z.string().regex(/^[0-9a-f]{64}$/) });

/** What the manifest says; anything else in it refuses the file. */
export const manifestSchema = z.strictObject({
  format: z.number().int().min(1),
  app: z.literal('ikimina'),
  // An id as Ikimina writes them: it names rows here and the file a conflict is kept in.
  associationId: z.string().regex(UUID_PATTERN),
  associationName: z.string().max(200),
  installationId: z.string().regex(/^[0-9a-f-]{36}$/),
  publicKey: z.string().max(200),
  exportedAt: z.string().max(40),
  exportedBy: z.string().max(200),
  schemaSteps: z.number().int().min(1).max(10_000),
  journal: head,
  changes: head,
  counts: z.record(z.string().max(64), z.number().int().min(0).max(2 ** 40)),
  contentHash: hex64,
  /** Per table whose secrets are left out: what they add to the table's digest in the seal (hex, modulo 2^256). */
  sealDeltas: z.record(z.string().max(64), z.string().regex(/^[0-9a-f]{1,64}$/)),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** The rows of each table in `sqlite` (which holds one association): counted, for the manifest. */
export function tableCounts(sqlite: Database.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const scope of tableScopes(sqlite)) counts[scope.table] = (prepared(sqlite, `SELECT count(*) FROM main.${quoteName(scope.table)}`).pluck().get() as number);
  return counts;
}

/**
 * The content hash: one line per table, by name — its row count and either the digest
 * of its rows (integrity/digest.ts) or, for the journal and the change log, which
 * their own hash chains cover whole, the head of the chain. Equal for two files
 * exactly when they hold the same books, whenever they were exported.
 */
export function contentHash(
  sqlite: Database.Database,
  associationId: string,
  counts: Readonly<Record<string, number>>,
  heads: { readonly journal: string; readonly changes: string },
  digests: ReadonlyMap<string, bigint> = sealedDigests(sqlite, associationId),
): string {
  const h = createHash('sha256');
  for (const table of Object.keys(counts).sort()) {
    const summary = table === 'change_log' ? heads.changes : CHAINED_TABLES.has(table) ? heads.journal : digests.get(table)!.toString(16);
    h.update(`${table}\t${counts[table]}\t${summary}\n`);
  }
  return h.digest('hex');
}

/** Each table's digest but the chained ones. */
export function sealedDigests(sqlite: Database.Database, associationId: string): Map<string, bigint> {
  return new Map(tableScopes(sqlite).filter((s) => !CHAINED_TABLES.has(s.table)).map((s) => [s.table, tableDigest(sqlite, s, associationId)]));
}

const CHUNK = 1 << 20;

/** Where `needle` occurs in the file: every offset (read in chunks, never the whole file at once). */
export function offsetsOf(file: string, needle: Buffer): number[] {
  const found: number[] = [];
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK + needle.length);
    let carried = 0;
    let base = 0;
    for (;;) {
      const read = readSync(fd, buffer, carried, CHUNK, null);
      const filled = carried + read;
      for (let at = buffer.indexOf(needle, 0); at !== -1 && at + needle.length <= filled; at = buffer.indexOf(needle, at + 1)) found.push(base + at);
      if (read === 0) break;
      // Keep the tail (shorter than the needle, so never a match found twice): a needle may straddle two chunks.
      carried = Math.min(needle.length - 1, filled);
      buffer.copy(buffer, 0, filled - carried, filled);
      base += filled - carried;
    }
  } finally {
    closeSync(fd);
  }
  return found;
}

/**
 * The two hashes of a file: what is signed (the file with the signature's digits at
 * `signatureAt` read as '0') and the file as it is (for the import's report).
 */
export function fileHashes(file: string, signatureAt: number): { signed: Buffer; sha256: string } {
  const signed = createHash('sha256');
  const plain = createHash('sha256');
  const start = signatureAt + SIGNATURE_PREFIX.length;
  const end = start + 128;
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    for (let position = 0; ; ) {
      const read = readSync(fd, buffer, 0, CHUNK, position);
      if (read === 0) break;
      const chunk = buffer.subarray(0, read);
      plain.update(chunk);
      const from = Math.max(start, position) - position;
      const to = Math.min(end, position + read) - position;
      if (from < to) {
        const blanked = Buffer.from(chunk);
        blanked.fill(0x30, from, to);
        signed.update(blanked);
      } else signed.update(chunk);
      position += read;
    }
  } finally {
    closeSync(fd);
  }
  return { signed: signed.digest(), sha256: plain.digest('hex') };
}
