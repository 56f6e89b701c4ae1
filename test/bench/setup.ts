// Ledger files for the benchmark: an association with its standard chart and some
// members, created through the server exactly as the app would; and the inputs the
// benchmark posts (the same 3-line savings entry a treasurer types at a meeting).

import { createServer, type LedgerServer } from '../../electron/server/server';
import type { Actor } from '../../electron/server/context';
import type { InputOf } from '../../electron/server/contract';
import { applyDurability } from './durability';
import type { GENDERS, MEMBER_ROLES } from '../../db/schema';

/** The benchmark's door: signed in as the association's treasurer once it exists. */
export const ACTOR: { -readonly [K in keyof Actor]: Actor[K] } = { channel: 'bench', locale: 'en' };
const BENCH_PIN = '2580';

export interface SeededLedger {
  readonly server: LedgerServer;
  readonly associationId: string;
  readonly currency: string;
  readonly memberIds: readonly string[];
  /** Account id by chart code ('1010' -> id). */
  readonly accountIds: ReadonlyMap<string, string>;
}

/** Calls a handler and fails loudly when it does not succeed (setup and checks only). */
export function must<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Where an association meets (the wizard's location step). */
export interface SeedPlace {
  readonly province: string;
  readonly district: string;
  readonly sector: string;
  readonly cell: string;
  readonly village: string;
}

/** One member as registered. */
export interface SeedPerson {
  readonly fullName: string;
  readonly gender: (typeof GENDERS)[number];
  readonly role?: (typeof MEMBER_ROLES)[number];
}

export interface SeedOptions {
  readonly members: number;
  readonly foundedOn: string;
  /** The association's name; 'Abishyizehamwe (bench)' unless given. */
  readonly name?: string;
  /** Where it meets; Kabeza, Cyarwa, Tumba, Huye (Southern Province) unless given. */
  readonly place?: SeedPlace;
  /** Each member's name, gender and role, one per member; "Member n", women and men in turn, unless given. */
  readonly people?: readonly SeedPerson[];
  /**
   * A ledger built only to be exported (test/bench/exchange.ts): it commits without
   * waiting for the disk and keeps the chains' heads in memory. The export is written
   * as always; only the scratch file's own durability is given up.
   */
  readonly scratch?: boolean;
}

const DEFAULT_PLACE: SeedPlace = { province: 'Southern Province', district: 'Huye', sector: 'Tumba', cell: 'Cyarwa', village: 'Kabeza' };

export function seedLedger(file: string, options: SeedOptions): SeededLedger {
  if (options.people && options.people.length !== options.members) throw new Error(`seedLedger: ${options.people.length} people given for ${options.members} members`);
  const server = options.scratch ? createServer(file, { headsFile: null }) : createServer(file);
  // The server's connection commits as durably as the raw side's (see durability.ts).
  if (options.scratch) server.ledger.sqlite.pragma('synchronous = OFF');
  else applyDurability(server.ledger.sqlite);
  const association = must(
    server.call(
      'association-create',
      {
        name: options.name ?? 'Abishyizehamwe (bench)', ...(options.place ?? DEFAULT_PLACE), currency: 'RWF', language: 'en', foundedOn: options.foundedOn,
        treasurer: { name: 'Bench Treasurer', pin: BENCH_PIN },
      },
      ACTOR,
    ),
    'association-create',
  );
  ACTOR.session = must(
    server.call('session-sign-in', { associationId: association.id, userId: association.treasurerId, pin: BENCH_PIN }, ACTOR),
    'session-sign-in',
  ).token;
  const memberIds: string[] = [];
  for (let i = 0; i < options.members; i++) {
    const person: SeedPerson = options.people?.[i] ?? { fullName: `Member ${i + 1}`, gender: i % 2 ? 'male' : 'female' };
    const member = must(
      server.call(
        'member-add',
        { associationId: association.id, fullName: person.fullName, gender: person.gender, ...(person.role ? { role: person.role } : {}), joinedOn: options.foundedOn },
        ACTOR,
      ),
      'member-add',
    );
    memberIds.push(member.id);
  }
  const accounts = must(server.call('account-list', { associationId: association.id }, ACTOR), 'account-list');
  return {
    server,
    associationId: association.id,
    currency: association.currency,
    memberIds,
    accountIds: new Map(accounts.map((a) => [a.code, a.id])),
  };
}

export type PostInput = InputOf<'journal-entry-post'>;

const typed = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * The `i`-th hand-made entry: cash in to the social fund, each line naming the member
 * who paid (members' savings, 2010, move only through their records). Amounts are
 * typed as people type them ("3,500"), so the server parses them as it would.
 */
export function socialFundEntry(associationId: string, memberIds: readonly string[], date: string, i: number): PostInput {
  const first = 1_000 + (i % 40) * 100;
  const second = 500 + (i % 13) * 100;
  const a = memberIds[i % memberIds.length]!;
  const b = memberIds[(i + 1) % memberIds.length]!;
  return {
    associationId,
    date,
    memo: `Social fund at the meeting, entry ${i + 1}`,
    lines: [
      { account: '1010', debit: typed.format(first + second) },
      { account: '2020', memberId: a, credit: typed.format(first) },
      { account: '2020', memberId: b, credit: typed.format(second) },
    ],
  };
}

/** Today in Central Africa Time, as the server reckons it ('YYYY-MM-DD'). */
export function todayCat(): string {
  return new Date(Date.now() + 2 * 3600_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
