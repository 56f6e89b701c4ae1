// Test helpers: a real ledger file in a fresh temp folder, a pinned clock, and a
// small book (one association, a few members) to post against.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type LedgerServer } from '../../electron/server/server';
import type { Actor } from '../../electron/server/context';
import type { HandlerName, InputOf, OutputOf } from '../../electron/server/contract';

export const TEST_ACTOR: Actor = { name: 'tester', channel: 'test', locale: 'en' };
/** The tests' "now": 2026-03-01 09:00 UTC. */
export const PINNED_NOW = new Date('2026-03-01T09:00:00Z');

export interface TestLedger {
  readonly dir: string;
  readonly file: string;
  server: LedgerServer;
  /** Calls a handler and fails the test with the error's words if it is refused. */
  ok<N extends HandlerName>(name: N, input: InputOf<N>): OutputOf<N>;
  reopen(): void;
  cleanup(): void;
}

export function tempLedger(options: { now?: () => Date } = {}): TestLedger {
  const dir = mkdtempSync(join(tmpdir(), 'ikimina-test-'));
  const file = join(dir, 'ledger.sqlite');
  const open = () => createServer(file, { now: options.now ?? (() => PINNED_NOW) });
  const t: TestLedger = {
    dir,
    file,
    server: open(),
    ok(name, input) {
      const r = t.server.call(name, input, TEST_ACTOR);
      if (!r.ok) throw new Error(`${name} refused: ${r.error.code} ${r.error.message} (${r.error.field ?? ''})`);
      return r.value as never;
    },
    reopen() {
      t.server.close();
      t.server = open();
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
} as const;

/** An association with `n` members; returns their ids. */
export function smallBook(t: TestLedger, n = 3, currency: 'RWF' | 'USD' = 'RWF') {
  const association = t.ok('association-create', { ...KABEZA, currency });
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

/** Row counts of every table that a refused command must leave untouched. */
export function tableCounts(t: TestLedger): Record<string, number> {
  const tables = ['associations', 'members', 'accounts', 'journal_entries', 'postings', 'change_log', 'cycles'];
  return Object.fromEntries(
    tables.map((name) => [name, (t.server.ledger.sqlite.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n]),
  );
}
