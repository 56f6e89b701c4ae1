// The pepper: a secret key kept out of the ledger file and out of every backup, mixed
// into every PIN before it is hashed. A copied ledger or backup then holds hashes that
// cannot be checked without this laptop's key, so a 4-digit PIN cannot be found by
// trying all 10,000 offline. The app keeps the key encrypted with the operating
// system's key store (Electron's safeStorage, in the shell); the command line and the
// tests keep it in a key file (IKIMINA_PEPPER_FILE, or beside the ledger).
//
// A key file is written whole or not at all. One that cannot be read (cut short by a
// power cut, altered, sealed by a key store that is gone) is kept aside, never
// deleted, and a new key made: the books still open, PINs then say they were set on
// another laptop, and the recovery code sets new ones.

import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';

export interface Pepper {
  readonly key: Buffer;
  /** A short name for the key, stored with each hash: a hash made on another laptop is recognised as such. */
  readonly id: string;
}

export function pepperFrom(key: Buffer): Pepper {
  if (key.length < 32) throw new Error('The PIN key must be at least 32 bytes');
  return { key, id: createHash('sha256').update(key).digest('hex').slice(0, 8) };
}

export function newPepperKey(): Buffer {
  return randomBytes(32);
}

/** The key a key file holds (hex), or null when the text cannot be one. */
export function keyFromText(text: string): Buffer | null {
  const hex = text.trim();
  return /^(?:[0-9a-f]{2}){32,}$/i.test(hex) ? Buffer.from(hex, 'hex') : null;
}

/** Keeps an unreadable key file under another name, where someone may still recover it. */
export function setAside(file: string): void {
  renameSync(file, `${file}.unreadable-${new Date().toISOString().replace(/[-:.]/g, '')}`);
}

/**
 * Writes a new key file: under a temporary name, flushed, then given its name only
 * if no other process made one meanwhile (then that one is kept). Returns whether it
 * was this content that was written.
 */
export function writeKeyFile(file: string, content: Buffer | string): boolean {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, file);
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'EEXIST') return false;
    throw err;
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Reads the key file, or makes one (readable by this user only) when there is none or it cannot be read. */
export function pepperFromFile(file: string): Pepper {
  if (existsSync(file)) {
    const key = keyFromText(readFileSync(file, 'utf8'));
    if (key) return pepperFrom(key);
    setAside(file);
  }
  const key = newPepperKey();
  // Another process made one at the same moment: use theirs.
  if (!writeKeyFile(file, key.toString('hex'))) return pepperFromFile(file);
  return pepperFrom(key);
}
