// PINs and passwords: salted scrypt hashes (node:crypto) of the PIN mixed with the
// laptop's pepper (auth/pepper.ts), compared in constant time. The association's
// recovery code is hashed without the pepper: it is long enough not to be guessed
// offline, and it must still work when the books are restored on another laptop.

import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { LedgerError } from '../errors';
import type { Pepper } from './pepper';

// N=2^15 costs ~50 ms a try on a cheap laptop: nothing for a person, slow for guessing.
const N = 32768;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

const PEPPERED = 'scrypt-peppered';

/** A PIN's hash: with the pepper for PINs and passwords, without it for recovery codes. */
export function hashSecret(secret: string, pepper: Pepper | null): string {
  const salt = randomBytes(16);
  const input = pepper ? mix(secret, pepper) : Buffer.from(secret.normalize('NFC'), 'utf8');
  const hash = scryptSync(input, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  const head = pepper ? [PEPPERED, pepper.id] : ['scrypt'];
  return [...head, N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

function mix(secret: string, pepper: Pepper): Buffer {
  return createHmac('sha256', pepper.key).update(secret.normalize('NFC'), 'utf8').digest();
}

/**
 * 'ok', 'wrong', or 'other-laptop' when the hash was made with another laptop's
 * pepper (the books were restored or copied here): no PIN can match it here.
 */
export function checkSecret(secret: string, stored: string, pepper: Pepper | null): 'ok' | 'wrong' | 'other-laptop' {
  const parts = stored.split('$');
  const peppered = parts[0] === PEPPERED;
  if (peppered && (!pepper || parts[1] !== pepper.id)) return 'other-laptop';
  const [scheme, n, r, p, salt, hash] = peppered ? ['scrypt', ...parts.slice(2)] : parts;
  if (scheme !== 'scrypt' || !salt || !hash) return 'wrong';
  const expected = Buffer.from(hash, 'base64');
  const input = peppered ? mix(secret, pepper!) : Buffer.from(secret.normalize('NFC'), 'utf8');
  const actual = scryptSync(input, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(actual, expected) ? 'ok' : 'wrong';
}

/** A hash made before PINs were peppered: replaced with a peppered one at the next sign-in. */
export function isUnpeppered(stored: string): boolean {
  return stored.startsWith('scrypt$');
}

/**
 * A PIN is 4 to 12 digits; a password is 6 to 64 characters. Refused: PINs anyone
 * would try first (all one digit, counting up or down).
 */
export function checkPinStrength(pin: string, field = 'pin'): void {
  if (/^\d+$/.test(pin)) {
    if (pin.length < 4 || pin.length > 12) throw new LedgerError('pin-length', {}, field);
    const digits = [...pin].map(Number);
    const step = digits[1]! - digits[0]!;
    const sequence = Math.abs(step) <= 1 && digits.every((d, i) => i === 0 || d - digits[i - 1]! === step);
    if (sequence) throw new LedgerError('pin-too-easy', {}, field);
    return;
  }
  if (pin.length < 6 || pin.length > 64) throw new LedgerError('password-length', {}, field);
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud and copied by hand

/** A recovery code like "K7QM-2XHD-9PLA-WE4R": 80 bits, easy to copy onto paper. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** People copy codes with spaces, lower case or without dashes. */
export function normaliseRecoveryCode(code: string): string {
  const plain = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return plain.match(/.{1,4}/g)?.join('-') ?? '';
}
