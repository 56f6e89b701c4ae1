// What the books write is data: a memo or description the server makes ("Loan to …",
// "Meeting of …") is stored as what happened — a memo key and its parameters, as a
// small JSON object — and is put into words only when it is read, in the reader's
// language (electron/server/messages/<lang>.json, keys "memo.<key>"). A memo a person
// typed is stored as typed and shown as typed.
//
//   stored coded memo:  {"m":"loan-disbursement","name":"Uwase Claudine"}
//   stored typed memo:  Bought a padlock for the box
//
// Books written before memos were coded hold English sentences; they are shown as
// stored. A typed memo that happens to look like a coded one is stored wrapped as
// {"m":"typed","text":…}, so no one can make a memo that reads as something the
// server wrote.

import { ERROR_CATALOGS, messageIn } from '../messages/render';
import { formatDate } from '../locale/dates';
import type { UiLocale } from '../locale/numbers';

/** Every memo the server writes, with what each one carries. */
export interface MemoParams {
  'meeting': { date: string };
  'meeting-corrected': { date: string; reason: string; confirmedBy: string };
  'meeting-correction': { date: string; reason: string; confirmedBy: string };
  'collected': Record<never, never>;
  /** One kind of money paid in at a meeting (the meeting grid's kinds). */
  'contribution': { kind: string };
  'box-difference': Record<never, never>;
  'bank-difference': Record<never, never>;
  'loan-disbursement': { name: string };
  'loan-repayment': { name: string };
  'loan-write-off': { name: string; reason: string; confirmedBy: string };
  'loan-principal': Record<never, never>;
  'loan-interest': Record<never, never>;
  'late-penalty': Record<never, never>;
  'savings-payout': { name: string };
  'exit-profit-part': { name: string; cycle: string };
  'savings-brought-in': Record<never, never>;
  'reversal': { seq: number; reason: string; confirmedBy: string };
  'grant-receipt': { grantor: string; reference: string };
  'grant-use': { grant: string };
  'grant-return': { grantor: string; note?: string };
  'livestock-opening': { species: string; tag: string; count: number };
  'livestock-purchase': { species: string; tag: string; count: number };
  'livestock-death': { tag: string; cause: string; count?: number };
  'livestock-sale': { tag: string; count?: number };
  'sold-to': { buyer: string };
  'share-out': { cycle: string };
  'share-out-count': { cycle: string; reason: string };
  'share-out-remainder': Record<never, never>;
  'share-out-paid': Record<never, never>;
  'share-out-closing': Record<never, never>;
  'share-out-reinvested': Record<never, never>;
  'share-out-reversal': { cycle: string; reason: string; confirmedBy: string };
  'typed': { text: string };
}

export type MemoKey = keyof MemoParams;

const CODED_PREFIX = '{"m":';

/** The stored form of a memo the server writes. */
export function codedMemo<K extends MemoKey>(key: K, ...params: MemoParams[K] extends Record<never, never> ? [MemoParams[K]?] : [MemoParams[K]]): string {
  const given = Object.fromEntries(Object.entries(params[0] ?? {}).filter(([, v]) => v !== undefined));
  return JSON.stringify({ m: key, ...given });
}

/** The stored form of a memo a person typed: as typed, unless it would read as a coded memo. */
export function typedMemo(text: string): string;
export function typedMemo(text: string | null): string | null;
export function typedMemo(text: string | null): string | null {
  if (text === null || !text.startsWith(CODED_PREFIX)) return text;
  return codedMemo('typed', { text });
}

/** The coded memo's key and parameters, or null for a memo typed by a person (or written by an older version). */
export function decodeMemo(stored: string): { key: MemoKey; params: Record<string, string | number> } | null {
  if (!stored.startsWith(CODED_PREFIX)) return null;
  try {
    const { m, ...params } = JSON.parse(stored) as { m: unknown } & Record<string, unknown>;
    if (typeof m !== 'string') return null;
    if (!Object.values(params).every((v) => typeof v === 'string' || typeof v === 'number')) return null;
    const values = params as Record<string, string | number>;
    // Only a memo this version has words for is coded; anything else is shown as stored.
    if (!hasSentence(templateOf(m as MemoKey, values))) return null;
    return { key: m as MemoKey, params: values };
  } catch {
    return null;
  }
}

function hasSentence(template: string): boolean {
  const catalog = ERROR_CATALOGS.en;
  return `memo.${template}` in catalog || `memo.${template}_one` in catalog;
}

/** A stored memo in the reader's words. */
export function memoIn(locale: UiLocale, stored: string): string;
export function memoIn(locale: UiLocale, stored: string | null): string | null;
export function memoIn(locale: UiLocale, stored: string | null): string | null {
  if (stored === null) return null;
  const coded = decodeMemo(stored);
  if (!coded) return stored;
  const { key, params } = coded;
  const words: Record<string, string | number> = { ...params };
  // Codes among the parameters are words too: dates as the language writes them, the animal's kind by its name.
  if (typeof params.date === 'string') words.date = formatDate(params.date, locale);
  if (typeof params.species === 'string') words.species = messageIn(locale, `memo.species.${params.species}`, { count: params.count ?? 1 });
  return messageIn(locale, `memo.${templateOf(key, params)}`, words);
}

/** Which sentence a memo takes: some keys read differently with a note, a kind or a head count. */
function templateOf(key: MemoKey, params: Record<string, string | number>): string {
  if (key === 'contribution') return `contribution-${params.kind}`;
  if (key === 'grant-return' && params.note !== undefined) return 'grant-return-note';
  if ((key === 'livestock-death' || key === 'livestock-sale') && params.count !== undefined) return `${key}-heads`;
  return key;
}
