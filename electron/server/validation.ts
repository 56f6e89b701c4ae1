// Building blocks for handler inputs. Each check fails with one of our error codes
// as its message, so a bad field becomes a sentence the treasurer can read.

import { z } from 'zod';
import { LedgerError } from './errors';
import { UUID_PATTERN } from './ids';

export const id = z.string({ error: 'field-required' }).regex(UUID_PATTERN, { error: 'id-invalid' });

export const isoDate = z
  .string({ error: 'field-required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date-invalid' })
  .refine(isCalendarDate, { error: 'date-invalid' });

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

/** Turns the first problem zod found into one LedgerError naming the field. */
export function validate<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  const missing = valueAt(raw, issue.path) === undefined;
  let code: string;
  if (OUR_CODE.test(issue.message)) code = issue.message;
  else if (missing) code = 'field-required';
  else if (issue.code === 'unrecognized_keys') code = 'field-unknown';
  else if (issue.code === 'invalid_value') code = 'field-not-allowed';
  else code = 'field-invalid';
  if (code === 'field-unknown' && 'keys' in issue) {
    const prefix = field ? `${field}.` : '';
    return fail(code, (issue.keys as string[]).map((k) => prefix + k).join(', '), field);
  }
  // What was typed, for messages that quote it ("“12,5,00” is not an amount").
  const typed = valueAt(raw, issue.path);
  const text = typeof typed === 'string' ? (typed.length > 24 ? `${typed.slice(0, 24)}…` : typed) : '';
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
