// The pepper: a secret key kept out of the ledger file and out of every backup, mixed
// into every PIN before it is hashed. A copied ledger or backup then holds hashes that
// cannot be checked without this laptop's key, so a 4-digit PIN cannot be found by
// trying all 10,000 offline. The app keeps the key encrypted with the operating
// system's key store (Electron's safeStorage, in the shell); the command line and the
// tests keep it in a key file (IKIMINA_PEPPER_FILE, or beside the ledger).

import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';

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

/** Reads the key file, or makes one (readable by this user only) when there is none. */
export function pepperFromFile(file: string): Pepper {
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
    return pepperFrom(key);
  }
  const key = newPepperKey();
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, key.toString('hex'));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return pepperFrom(key);
}
