// Test helpers: a real ledger file in a fresh temp folder, a pinned clock, and a
// small book (one association, a few members) to post against.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type LedgerServer } from '../../electron/server/server';
import type { Actor } from '../../electron/server/context';
import type { HandlerName, InputOf, OutputOf, Result } from '../../electron/server/contract';
import { keepSession } from '../../electron/server/session-keeper';
import { numericMoneyFields } from './money-shape';

/** The PIN every test user gets unless a test says otherwise. */
export const TEST_PIN = '2580';
/** The tests' "now": 2026-03-01 09:00 UTC. */
export const PINNED_NOW = new Date('2026-03-01T09:00:00Z');

export interface TestLedger {
  readonly dir: string;
  readonly file: string;
  server: LedgerServer;
  /** The door's session: set by signing in (the token stays here, as in the app). */
  session: string | undefined;
  /** Calls a handler as the signed-in user (if any). */
  call(name: string, input: unknown, extra?: Partial<Actor>): Result<any>;
  /** Calls a handler and fails the test with the error's words if it is refused. */
  ok<N extends HandlerName>(name: N, input: InputOf<N>): OutputOf<N>;
  /** Signs in as a user of an association (by name). */
  signIn(associationId: string, name: string, pin?: string): void;
  /**
   * Runs `fn` as the laptop's administrator, through a door of its own (the test's
   * session is left as it was). The first time, the administrator is named by the
   * signed-in treasurer or chair (as on books from before administrators existed).
   */
  asAdministrator<T>(fn: (admin: Door) => T): T;
  reopen(): void;
  cleanup(): void;
}

/** The laptop administrator's name and PIN in tests. */
export const ADMINISTRATOR = { name: 'Habimana Eric', pin: '8642' } as const;

/** A door with its own session: call handlers as someone else than the test's signed-in user. */
export interface Door {
  session: string | undefined;
  call(name: string, input: unknown): Result<any>;
  ok<N extends HandlerName>(name: N, input: InputOf<N>): OutputOf<N>;
}

export function door(server: () => LedgerServer, session?: string): Door {
  const d: Door = {
    session,
    call(name, input) {
      const kept = keepSession(name, server().call(name as never, input, { channel: 'test', locale: 'en', session: d.session }), d.session);
      d.session = kept.session;
      return kept.result;
    },
    ok(name, input) {
      const r = d.call(name, input);
      if (!r.ok) throw new Error(`${name} refused: ${r.error.code} ${r.error.message} (${r.error.field ?? ''})`);
      return r.value as never;
    },
  };
  return d;
}

/** Signs the laptop's administrator in through a new door (naming them first, through `namer`, if there is none). */
export function administratorDoor(server: () => LedgerServer, namer?: Door): Door {
  const admin = door(server);
  let list = admin.ok('administrator-list', {});
  if (list.length === 0) {
    (namer ?? admin).ok('administrator-create', { ...ADMINISTRATOR });
    list = admin.ok('administrator-list', {});
  }
  const id = list.find((a) => a.name === ADMINISTRATOR.name)!.id;
  admin.call('administrator-sign-in', { administratorId: id, pin: ADMINISTRATOR.pin });
  return admin;
}

export function tempLedger(options: { now?: () => Date } = {}): TestLedger {
  const dir = mkdtempSync(join(tmpdir(), 'ikimina-test-'));
  const file = join(dir, 'ledger.sqlite');
  const open = () => createServer(file, { now: () => (options.now ?? (() => PINNED_NOW))(), backupDir: join(dir, 'backups') });
  let lastSignIn: [string, string, string] | undefined;
  const t: TestLedger = {
    dir,
    file,
    server: open(),
    session: undefined,
    call(name, input, extra = {}) {
      const kept = keepSession(name, t.server.call(name as never, input, { channel: 'test', locale: 'en', session: t.session, ...extra }), t.session);
      // Every result any test sees keeps the one money shape: amounts as strings.
      const numeric = kept.result.ok ? numericMoneyFields(name, kept.result.value) : [];
      if (numeric.length > 0) throw new Error(`Amounts returned as numbers, not strings of minor units: ${numeric.slice(0, 5).join(', ')}`);
      t.session = kept.session;
      return kept.result;
    },
    ok(name, input) {
      const r = t.call(name, input);
      if (!r.ok) throw new Error(`${name} refused: ${r.error.code} ${r.error.message} (${r.error.field ?? ''})`);
      return r.value as never;
    },
    signIn(associationId, name, pin = TEST_PIN) {
      lastSignIn = [associationId, name, pin];
      const list = t.ok('user-sign-in-list', { associationId });
      const user = list.find((u) => u.name === name);
      if (!user) throw new Error(`no user ${name}`);
      t.ok('session-sign-in', { associationId, userId: user.id, pin });
    },
    asAdministrator(fn) {
      const namer = door(() => t.server, t.session);
      return fn(administratorDoor(() => t.server, namer));
    },
    reopen() {
      t.server.close();
      t.server = open();
      t.session = undefined;
      // A restart ends the session; sign the same person in again.
      if (lastSignIn) t.signIn(...lastSignIn);
    },
    cleanup() {
      t.server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

export const KABEZA = {
  name: 'Abishyizehamwe',
  province: 'Southern Province',
  district: 'Huye',
  sector: 'Tumba',
  cell: 'Cyarwa',
  village: 'Kabeza',
  currency: 'RWF',
  language: 'en',
  foundedOn: '2025-01-10',
  treasurer: { name: 'Mukamana Aline', pin: TEST_PIN },
} as const;

/** An association with `n` members, signed in as its treasurer. */
export function smallBook(t: TestLedger, n = 3, currency: 'RWF' | 'USD' = 'RWF') {
  const association = t.ok('association-create', { ...KABEZA, currency });
  t.signIn(association.id, KABEZA.treasurer.name);
  const members = Array.from({ length: n }, (_, i) =>
    t.ok('member-add', {
      associationId: association.id,
      fullName: `Member ${i + 1}`,
      gender: i % 2 === 0 ? 'female' : 'male',
      joinedOn: '2025-01-10',
    }),
  );
  return { association, members };
}

/**
 * A book that lends: one member ("Member 1") who has saved 20,000, 20,000 more of
 * the group's own in the box, and a cycle lending flat at 5 % a month, up to 3 ×
 * savings over at most 12 instalments. Signed in as the treasurer.
 */
export function lendingBook(t: TestLedger): { associationId: string; memberId: string } {
  const { association, members } = smallBook(t, 1);
  const memberId = members[0]!.id;
  t.ok('cycle-create', {
    associationId: association.id, name: 'Cycle 1', startsOn: '2025-01-15', endsOn: '2026-12-31',
    rules: { savingMode: 'shares', sharePrice: '500', minShares: 1, maxShares: 5, loanMethod: 'flat', loanMonthlyRatePercent: '5', loanFrequency: 'monthly', loanMaxInstalments: 12, loanMaxMultiple: '3' },
  });
  t.ok('savings-brought-in', { associationId: association.id, date: '2025-02-01', members: [{ memberId, amount: '20,000' }] });
  t.ok('journal-entry-post', {
    associationId: association.id, date: '2025-02-01', memo: 'The group’s own money, from before these books',
    lines: [{ account: '1010', debit: '20,000' }, { account: '3010', credit: '20,000' }],
  });
  return { associationId: association.id, memberId };
}

/** The group's second officer, who confirms write-offs and corrections with her own PIN. */
export const SECOND_OFFICER = { name: 'Uwimana Grace', role: 'chair', pin: '5173' } as const;

/**
 * What a write that needs two people carries: the second officer (named the first
 * time she is needed) and her PIN. Call it signed in as the treasurer.
 */
export function secondOfficer(t: TestLedger, associationId: string): { userId: string; pin: string } {
  let user = t.ok('user-sign-in-list', { associationId }).find((u) => u.name === SECOND_OFFICER.name);
  if (!user) user = t.ok('user-create', { associationId, name: SECOND_OFFICER.name, role: SECOND_OFFICER.role, pin: SECOND_OFFICER.pin });
  return { userId: user.id, pin: SECOND_OFFICER.pin };
}

/** Row counts of every table that a refused command must leave untouched. */
export function tableCounts(t: TestLedger): Record<string, number> {
  const tables = [
    'associations', 'members', 'accounts', 'journal_entries', 'postings', 'change_log', 'cycles', 'users',
    'grants', 'spendings', 'spending_funds', 'evidence', 'animals', 'animal_funds', 'animal_events', 'pass_on_queue', 'share_outs', 'share_out_reversals', 'statement_exports',
    'exchange_sources', 'exchange_keys', 'exchange_imports', 'exchange_import_files', 'exchange_conflicts', 'programme_quarters', 'programme_groups',
  ];
  return Object.fromEntries(
    tables.map((name) => [name, (t.server.ledger.sqlite.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n]),
  );
}

/** Signs a raw server in as a user (by name) and returns the door's actor. */
export function signedInActor(server: LedgerServer, associationId: string, name: string = KABEZA.treasurer.name, pin = TEST_PIN): Actor {
  const base: Actor = { channel: 'test', locale: 'en' };
  const users = server.call('user-sign-in-list', { associationId }, base);
  const user = users.ok ? users.value.find((u) => u.name === name) : undefined;
  if (!user) throw new Error(`no user ${name}`);
  const r = server.call('session-sign-in', { associationId, userId: user.id, pin }, base);
  if (!r.ok) throw new Error(`sign-in refused: ${r.error.message}`);
  return { ...base, session: r.value.token };
}
