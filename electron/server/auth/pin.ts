// PINs and passwords: salted scrypt hashes (node:crypto), compared in constant
// time. The same for the association's recovery code.

import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { LedgerError } from '../errors';

// N=2^15 costs ~50 ms a try on a cheap laptop: nothing for a person, slow for guessing.
const N = 32768;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

export function hashSecret(secret: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(secret.normalize('NFC'), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function verifySecret(secret: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(secret.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(actual, expected);
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
