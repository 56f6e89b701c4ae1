// The laptop's own signing key: an Ed25519 key pair made the first time Ikimina starts
// on this laptop, with an installation id. Every ledger file exported for a
// coordinator is signed with it; the private half never leaves the laptop (it is
// kept beside the app's data, readable by this user only, and in no backup or
// export). Its short fingerprint, shown in Settings, lets a coordinator note which
// laptop a group's books come from.
//
// The key file is written whole or not at all (auth/pepper.ts writeKeyFile). One that
// cannot be read is kept aside, never deleted, and a new key made: the coordinator
// then sees the group's books arrive with a new key, and is asked to accept it.

import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { setAside, writeKeyFile } from './pepper';

export interface LaptopKey {
  readonly installationId: string;
  readonly privateKey: KeyObject;
  /** The public key as SPKI DER, base64: what a signed file carries. */
  readonly publicKey: string;
  /** Its short form, for people: 16 hex digits in groups of four. */
  readonly fingerprint: string;
}

/** The short fingerprint of a public key (SPKI DER, base64): the first 8 bytes of its SHA-256, as XXXX-XXXX-XXXX-XXXX. */
export function fingerprintOf(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

function keyFrom(installationId: string, privateKey: KeyObject): LaptopKey {
  const publicKey = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64');
  return { installationId, privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
}

export function newLaptopKey(): LaptopKey {
  return keyFrom(randomUUID(), generateKeyPairSync('ed25519').privateKey);
}

function readKeyFile(file: string): LaptopKey | null {
  try {
    const held = JSON.parse(readFileSync(file, 'utf8')) as { installationId?: unknown; privateKey?: unknown };
    if (typeof held.installationId !== 'string' || !/^[0-9a-f-]{36}$/.test(held.installationId) || typeof held.privateKey !== 'string') return null;
    const privateKey = createPrivateKey({ key: held.privateKey, format: 'pem' });
    return privateKey.asymmetricKeyType === 'ed25519' ? keyFrom(held.installationId, privateKey) : null;
  } catch {
    return null;
  }
}

/** Reads the laptop's key file, or makes one (readable by this user only) the first time. */
export function laptopKeyFromFile(file: string): LaptopKey {
  if (existsSync(file)) {
    const key = readKeyFile(file);
    if (key) return key;
    setAside(file);
  }
  const key = newLaptopKey();
  const content = JSON.stringify({ installationId: key.installationId, privateKey: key.privateKey.export({ format: 'pem', type: 'pkcs8' }) });
  // Another process made one at the same moment: use theirs.
  if (!writeKeyFile(file, content)) return laptopKeyFromFile(file);
  return key;
}
