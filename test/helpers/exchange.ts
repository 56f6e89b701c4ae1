// Two laptops for the ledger exchange's tests: a treasurer's, whose books are
// exported, and a coordinator's, which imports them. Files are re-signed here with a
// key the test holds, to reach the checks behind the signature.

import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import { sign } from 'node:crypto';
import { tempLedger, type TestLedger } from './ledger';
import { fileHashes, offsetsOf, SIGNATURE_PREFIX } from '../../electron/server/exchange/format';
import type { LaptopKey } from '../../electron/server/auth/laptop-key';
import { importLedgers } from '../../electron/server/exchange/import-run';

export const COORDINATOR = { name: 'Nkurunziza Josiane', pin: '7391' } as const;
export const COORDINATOR_ADMIN = { name: 'Gasana Pierre', pin: '6284' } as const;

/** A coordinator's laptop, set up and signed in as its coordinator. */
export function coordinatorLaptop(): TestLedger {
  const c = tempLedger();
  c.ok('laptop-setup-coordinator', { administrator: { ...COORDINATOR_ADMIN }, coordinator: { ...COORDINATOR } });
  return c;
}

/** Imports files (or a folder) on the coordinator's laptop, as its coordinator. */
export async function importInto(c: TestLedger, request: { files?: string[]; folder?: string }) {
  const result = await importLedgers(c.server, { channel: 'test', locale: 'en', session: c.session }, request);
  if (!result.ok) throw new Error(`import refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Changes an exported file with SQL (`change` runs on it), then signs it again with `key`: the signature holds, the checks behind it must not. */
export function alterAndResign(file: string, key: LaptopKey, change: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
    change(db);
    const { signature } = db.prepare('SELECT signature FROM ikimina_exchange').get() as { signature: string };
    db.prepare('UPDATE ikimina_exchange SET signature = ?').run(`${SIGNATURE_PREFIX}${'0'.repeat(128)}`);
    if (signature.length !== SIGNATURE_PREFIX.length + 128) throw new Error('unexpected signature');
    db.exec('VACUUM');
  } finally {
    db.close();
  }
  resign(file, key);
}

/** Signs the file (whose signature digits are all 0) with `key`. */
export function resign(file: string, key: LaptopKey): void {
  const at = offsetsOf(file, Buffer.from(`${SIGNATURE_PREFIX}${'0'.repeat(128)}`, 'latin1'));
  if (at.length !== 1) throw new Error(`placeholder found ${at.length} times`);
  const { signed } = fileHashes(file, at[0]!);
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.from(sign(null, signed, key.privateKey).toString('hex'), 'latin1'), 0, 128, at[0]! + SIGNATURE_PREFIX.length);
  } finally {
    closeSync(fd);
  }
}

/** Edits the manifest of an exported file (with any other `change` first), then signs it again with `key`. */
export function editManifest(file: string, key: LaptopKey, edit: (manifest: Record<string, any>) => Record<string, unknown>, change?: (db: Database.Database) => void): void {
  alterAndResign(file, key, (db) => {
    change?.(db);
    const manifest = JSON.parse(db.prepare('SELECT manifest FROM ikimina_exchange').pluck().get() as string) as Record<string, any>;
    db.prepare('UPDATE ikimina_exchange SET manifest = ?').run(JSON.stringify(edit(manifest)));
  });
}
