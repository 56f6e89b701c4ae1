// Building blocks for handler inputs. Each check fails with one of our error codes
// as its message, so a bad field becomes a sentence the treasurer can read.

import { z } from 'zod';
import { LedgerError } from './errors';
import { UUID_PATTERN } from './ids';

export const id = z.string({ error: 'field-required' }).regex(UUID_PATTERN, { error: 'id-invalid' });

/** The years a date in the books may fall in: a typo like 0000 or 9999 is refused, not stored. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

export const isoDate = z
  .string({ error: 'field-required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date-invalid' })
  .refine(isCalendarDate, { error: 'date-invalid' })
  .refine(isYearInRange, { error: 'date-invalid' });

function isYearInRange(s: string): boolean {
  const year = Number(s.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

export function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const requiredText = (max = 200) =>
  z
    .string({ error: 'field-required' })
    .trim()
    .min(1, { error: 'field-required' })
    .max(max, { error: 'field-too-long' });

export const optionalText = (max = 200) =>
  z
    .string({ error: 'field-invalid' })
    .trim()
    .max(max, { error: 'field-too-long' })
    .optional()
    .transform((s) => (s === '' ? undefined : s));

/**
 * An optional text field in a correction: absent leaves it as it is, an empty
 * string clears it (null), anything else replaces it.
 */
export const clearableText = (max = 200) =>
  z
    .string({ error: 'field-invalid' })
    .trim()
    .max(max, { error: 'field-too-long' })
    .transform((s) => (s === '' ? null : s))
    .optional();

/** An amount as the user typed it; parsed later with the association's currency. */
export const amountText = z.string({ error: 'field-required' }).trim().min(1, { error: 'amount-empty' }).max(40, { error: 'amount-format' });

const OUR_CODE = /^[a-z]+(-[a-z]+)+$/;

const NOT_PLAIN_ASCII = /[^ -~\t\n\r]/;

/** How deep an input may nest; no handler's input comes near it. */
const MAX_DEPTH = 32;

/**
 * Every string of an input, checked and put in one form before any schema sees it:
 * text that is not well-formed Unicode (a lone half of a surrogate pair, which
 * SQLite would store as U+FFFD while the hash keeps it) is refused, naming the
 * field, and the rest is normalised to NFC, so a name typed with a combining
 * accent and the same name typed with a precomposed letter are one name, stored
 * and hashed as the same bytes.
 */
export function cleanText(value: unknown, path: readonly (string | number)[] = []): unknown {
  if (typeof value === 'string') {
    if (!isWellFormed(value)) {
      const field = path.join('.');
      throw new LedgerError('text-invalid', { field }, field || undefined);
    }
    // Printable ASCII is already NFC: a receipt's megabytes of base64 skip the normaliser.
    return NOT_PLAIN_ASCII.test(value) ? value.normalize('NFC') : value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (path.length >= MAX_DEPTH) {
    const field = path.join('.');
    throw new LedgerError('field-invalid', { field, text: '' }, field || undefined);
  }
  if (Array.isArray(value)) return value.map((v, i) => cleanText(v, [...path, i]));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanText(v, [...path, k])]));
}

/** No unpaired surrogate: in a `u` regex a well-formed pair is one code point, so \p{Cs} finds only lone halves. */
const LONE_SURROGATE = /\p{Cs}/u;

export function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

/** Turns the first problem zod found into one LedgerError naming the field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const raw = cleanText(input);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  const typed = valueAt(raw, issue.path);
  const missing = typed === undefined;
  let code: string;
  if (issue.code === 'invalid_type' && !missing && (issue.message === 'field-required' || !OUR_CODE.test(issue.message))) {
    // Something was given, of the wrong kind (a number for a memo): not "required".
    code = 'field-invalid';
  } else if (OUR_CODE.test(issue.message)) code = issue.message;
  else if (missing) code = 'field-required';
  else if (issue.code === 'unrecognized_keys') code = 'field-unknown';
  else if (issue.code === 'invalid_value') code = 'field-not-allowed';
  else code = 'field-invalid';
  if (code === 'field-unknown' && 'keys' in issue) {
    const prefix = field ? `${field}.` : '';
    return fail(code, (issue.keys as string[]).map((k) => prefix + k).join(', '), field);
  }
  // What was typed, for messages that quote it ("“12,5,00” is not an amount").
  // Cut by code points, so an emoji is never split into a lone half.
  const chars = typeof typed === 'string' ? [...typed] : [];
  const text = chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : chars.join('');
  return fail(code, field, field, text);
}

function fail(code: string, named: string, field: string, text = ''): never {
  throw new LedgerError(code, { field: named, text }, field || undefined);
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** A PIN or password as typed into a PIN box (its strength is checked only where one is set). */
export const pinText = z.string({ error: 'field-required' }).min(1, { error: 'field-required' }).max(64, { error: 'password-length' });
