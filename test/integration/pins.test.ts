// PINs on a shared laptop (issue 11, finding 5): the ledger and every backup hold
// PIN hashes that cannot be checked without this laptop's key, kept out of the file.
// A 4-digit PIN copied off with the ledger cannot be found by trying all 10,000.

import Database from 'better-sqlite3';
import { createHmac, scryptSync } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from '../../electron/server/server';
import { hashSecret } from '../../electron/server/auth/pin';
import { door, KABEZA, smallBook, tempLedger, TEST_PIN, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
let associationId: string;
let recoveryCode: string;

beforeEach(() => {
  t = tempLedger();
  const book = smallBook(t, 1);
  associationId = book.association.id;
  recoveryCode = book.association.recoveryCode;
});
afterEach(() => t.cleanup());

const storedHash = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT pin_hash FROM users WHERE name = ?').pluck().get(KABEZA.treasurer.name) as string;
  } finally {
    db.close();
  }
};

/** What someone holding only the file would compute: scrypt of a guess with the stored salt and cost. */
function guessMatches(stored: string, guess: string, key?: Buffer): boolean {
  const parts = stored.split('$');
  const [n, r, p, salt, hash] = parts.slice(-5);
  const input = key ? createHmac('sha256', key).update(guess).digest() : Buffer.from(guess);
  const tried = scryptSync(input, Buffer.from(salt!, 'base64'), 32, { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 });
  return tried.toString('base64') === hash;
}

describe('PIN hashes', () => {
  it('in a copied file or a backup, cannot be checked without the laptop’s key', () => {
    const backup = t.ok('backup-create', { associationId });
    t.server.close();
    for (const file of [t.file, backup.file]) {
      const stored = storedHash(file);
      expect(stored.startsWith('scrypt-peppered$')).toBe(true);
      // The right PIN, tried as an attacker with the file would: no match.
      expect(guessMatches(stored, TEST_PIN)).toBe(false);
      // With the laptop's key it matches: the key is what the file lacks.
      const key = Buffer.from(readFileSync(join(t.dir, 'ikimina-pin.key'), 'utf8').trim(), 'hex');
      expect(guessMatches(stored, TEST_PIN, key)).toBe(true);
      expect(readFileSync(file).includes(key)).toBe(false);
      expect(readFileSync(file).includes(Buffer.from(key.toString('hex')))).toBe(false);
    }
    t.reopen();
  });

  it('on another laptop, a PIN says it was set elsewhere, and the recovery code sets a new one', () => {
    const elsewhere = join(t.dir, 'other-laptop');
    const copy = join(t.dir, 'copied.sqlite');
    t.server.close();
    copyFileSync(t.file, copy);
    const other = createServer(copy, { pepperFile: join(t.dir, 'other-laptop.key'), headsFile: `${elsewhere}-heads.json` });
    try {
      const d = door(() => other);
      const users = d.ok('user-sign-in-list', { associationId });
      const treasurer = users.find((u) => u.name === KABEZA.treasurer.name)!;
      const r = d.call('session-sign-in', { associationId, userId: treasurer.id, pin: TEST_PIN });
      expect(r.ok ? 'signed in' : r.error.code).toBe('pin-other-laptop');
      d.ok('user-pin-recover', { associationId, userId: treasurer.id, recoveryCode, newPin: '4826' });
      d.ok('session-sign-in', { associationId, userId: treasurer.id, pin: '4826' });
    } finally {
      other.close();
      t.reopen();
    }
    expect(existsSync(join(t.dir, 'other-laptop.key'))).toBe(true);
  });

  it('made before PINs were peppered still work, and are peppered at the next sign-in', () => {
    t.server.close();
    const db = new Database(t.file);
    db.prepare('UPDATE users SET pin_hash = ? WHERE name = ?').run(hashSecret(TEST_PIN, null), KABEZA.treasurer.name);
    db.close();
    expect(storedHash(t.file).startsWith('scrypt$')).toBe(true);
    t.reopen(); // signs the treasurer in again
    expect(storedHash(t.file).startsWith('scrypt-peppered$')).toBe(true);
  });
});
