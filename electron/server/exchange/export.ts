// Writing the file a group's books travel in to a coordinator (format.ts says what it
// holds). Built fresh — a new ledger file with this build's schema, then the
// association's rows — so nothing of another association is in it, not even in free
// pages; the secrets are blanked and the file vacuumed before it is signed, so no PIN
// hash survives in a page either. Written under a temporary name, flushed, then
// named: a power cut leaves the old file or the new one, never half of one.

import Database from 'better-sqlite3';
import { closeSync, fsyncSync, openSync, statSync, writeSync } from 'node:fs';
import { sign } from 'node:crypto';
import { openLedger } from '../../../db/open';
import { LedgerError } from '../errors';
import type { CallContext } from '../context';
import { copyAssociation } from '../backups/association-backup';
import { writeWholeUnderFreeName } from '../backups/copy';
import { prepared } from '../prepared';
import { tableScopes } from '../integrity/scope';
import { addDigest, tableDigest } from '../integrity/digest';
import { changeChainHead, verifyChangeChain } from '../integrity/change-chain';
import { associationSeal } from '../integrity/digest';
import { verifyChain } from '../journal/verify';
import { journalHead } from '../integrity/heads';
import { GENESIS_HASH } from '../journal/hash';
import { getAssociation } from '../association-record';
import {
  contentHash, EXCHANGE_EXTENSION, EXCHANGE_FORMAT, fileHashes, MANIFEST_TABLE, MANIFEST_TABLE_SQL, offsetsOf, sealedDigests,
  SIGNATURE_PLACEHOLDER, SIGNATURE_PREFIX, tableCounts, type Manifest,
} from './format';
import { todayOf } from '../context';

/** Columns that hold secrets, blanked in the file: a coordinator needs no one's PIN. */
const SECRETS: Readonly<Record<string, string>> = {
  users: "UPDATE users SET pin_hash = ''",
  associations: 'UPDATE associations SET recovery_hash = NULL',
};

export interface ExportedLedger {
  readonly file: string;
  readonly bytes: number;
  readonly fingerprint: string;
  readonly entries: number;
  readonly exportedAt: string;
}

/** `<association>-<date>.ikimina`, the name made plain (letters, digits, dashes). */
export function exchangeFileName(associationName: string, date: string): string {
  const plain = associationName.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'association';
  return `${plain}-${date}${EXCHANGE_EXTENSION}`;
}

/** The association's books must be whole before they are signed: a file the coordinator would refuse is refused here, in words. */
function checkBooksWhole(sqlite: Database.Database, associationId: string): void {
  const journal = verifyChain(sqlite, associationId);
  if (!journal.ok) throw new LedgerError('exchange-books-broken', { seq: journal.firstBroken!.seq });
  const history = verifyChangeChain(sqlite, associationId);
  if (!history.ok) throw new LedgerError('exchange-books-broken', { seq: history.firstBroken!.seq });
  if (history.lastSeal !== null && history.lastSeal !== associationSeal(sqlite, associationId).seal) throw new LedgerError('exchange-books-broken', { seq: 0 });
}

/** Writes the association's books into `folder` under a name no other file there has (never replacing one). */
export function exportLedger(ctx: CallContext, associationId: string, folder: string): ExportedLedger {
  const { sqlite } = ctx.ledger;
  const association = getAssociation(ctx, associationId);
  if (association.readOnly) throw new LedgerError('association-read-only');
  // Made-up books never reach a coordinator's programme.
  if (association.practice) throw new LedgerError('practice-not-exported');
  checkBooksWhole(sqlite, associationId);
  const exportedAt = ctx.now().toISOString();
  const name = exchangeFileName(association.name, todayOf(ctx, associationId));
  const { file, written } = writeWholeUnderFreeName(folder, name, (temporary) => writeSigned(ctx, associationId, association.name, temporary, exportedAt));
  return { file, bytes: statSync(file).size, fingerprint: ctx.laptopKey.fingerprint, entries: written.entries, exportedAt };
}

function writeSigned(ctx: CallContext, associationId: string, associationName: string, file: string, exportedAt: string): { entries: number } {
  // A fresh, empty ledger with this build's schema, then the association's rows, in one snapshot.
  openLedger(file, { migrationsFolder: ctx.files.migrationsFolder, nativeBinding: ctx.files.nativeBinding }).close();
  copyAssociation(ctx.ledger.sqlite, associationId, file);
  const live = new Map(tableScopes(ctx.ledger.sqlite).filter((s) => s.table in SECRETS).map((s) => [s.table, tableDigest(ctx.ledger.sqlite, s, associationId)]));
  const db = new Database(file, { nativeBinding: ctx.files.nativeBinding });
  let entries = 0;
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('secure_delete = ON');
    const manifest = db.transaction((): Manifest => {
      for (const blank of Object.values(SECRETS)) db.exec(blank);
      const digests = sealedDigests(db, associationId);
      const sealDeltas = Object.fromEntries([...live].map(([table, digest]) => [table, addDigest(digest, -digests.get(table)!).toString(16)]));
      const journal = journalHead(db, associationId) ?? { seq: 0, hash: GENESIS_HASH };
      const changes = changeChainHead(db, associationId) ?? { seq: 0, hash: GENESIS_HASH };
      const counts = tableCounts(db);
      entries = journal.seq;
      const steps = prepared(db, 'SELECT count(*) FROM __drizzle_migrations').pluck().get() as number;
      return {
        format: EXCHANGE_FORMAT, app: 'ikimina', associationId, associationName, installationId: ctx.laptopKey.installationId,
        publicKey: ctx.laptopKey.publicKey, exportedAt, exportedBy: ctx.actorName, schemaSteps: steps, journal, changes, counts,
        contentHash: contentHash(db, associationId, counts, { journal: journal.hash, changes: changes.hash }, digests), sealDeltas,
      };
    })();
    db.exec(MANIFEST_TABLE_SQL);
    prepared(db, `INSERT INTO ${MANIFEST_TABLE} (manifest, signature) VALUES (?, ?)`).run(JSON.stringify(manifest), SIGNATURE_PLACEHOLDER);
    // Compact, with no free page left holding what was blanked.
    db.exec('VACUUM');
  } finally {
    db.close();
  }
  placeSignature(ctx, file);
  return { entries };
}

/** Signs the file as written and puts the signature in the placeholder's digits (same length: no byte moves). */
function placeSignature(ctx: CallContext, file: string): void {
  const at = offsetsOf(file, Buffer.from(SIGNATURE_PLACEHOLDER, 'latin1'));
  if (at.length !== 1) throw new Error('The signature’s place was not found once in the file');
  const { signed } = fileHashes(file, at[0]!);
  const signature = sign(null, signed, ctx.laptopKey.privateKey).toString('hex');
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.from(signature, 'latin1'), 0, 128, at[0]! + SIGNATURE_PREFIX.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
