// The programme's summary table stays equal to what the books say (issue 16): after
// every import, in random orders of first files, newer files, the same file again,
// older files, a restored-and-diverged laptop's file (a conflict — or a newer file,
// when it comes before the one it parts from) and a conflict decided for the file,
// the table holds exactly the quarters worked out afresh from each imported group's
// books, and `programme-rebuild` gives the same rows.

import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { KABEZA, PINNED_NOW, smallBook, tempLedger, type TestLedger } from '../helpers/ledger';
import { buildGrantFixture } from '../helpers/grant-fixture';
import { coordinatorLaptop, importInto } from '../helpers/exchange';
import { seededRandom } from '../helpers/random';
import { createServer } from '../../electron/server/server';
import { runAsyncCommand } from '../../electron/server/async-commands';
import { groupQuarters } from '../../electron/server/programme/group-quarters';
import { storedRow } from '../../electron/server/programme/summary';

let dir: string;
const files: Record<string, string> = {};
const cleanups: (() => void)[] = [];

function box(server: TestLedger['server'], a: string, asOf: string): bigint {
  return BigInt(server.ledger.sqlite.prepare(`SELECT coalesce(sum(p.amount), 0) FROM postings p JOIN accounts x ON x.id = p.account_id
    WHERE p.association_id = ? AND x.code = '1010' AND p.entry_date <= ?`).pluck().get(a, asOf) as number);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ikimina-programme-summary-'));
  const x = tempLedger();
  cleanups.push(() => x.cleanup());
  const { association, members } = smallBook(x, 3);
  const a = association.id;
  x.ok('cycle-create', { associationId: a, name: 'Cycle 2025', startsOn: '2025-01-15', endsOn: '2025-12-31', rules: { savingMode: 'savings', socialFund: '100' } });
  const meet = (server: TestLedger['server'], session: string | undefined, date: string, savings: string) => {
    const r = server.call('meeting-close', {
      associationId: a, date, cashCount: { box: String(box(server, a, date) + 3n * (BigInt(savings) + 100n)) },
      rows: members.map((m) => ({ memberId: m.id, attendance: 'present', savings, socialFund: '100' })),
    }, { channel: 'test', locale: 'en', session });
    if (!r.ok) throw new Error(r.error.code);
  };
  const exportAs = (name: string, server: TestLedger['server'] = x.server, session = x.session) => {
    mkdirSync(join(dir, name));
    const r = server.call('exchange-export', { associationId: a, folder: join(dir, name) }, { channel: 'test', locale: 'en', session });
    if (!r.ok) throw new Error(r.error.code);
    files[name] = (r.value as { file: string }).file;
  };
  meet(x.server, x.session, '2025-02-07', '1000');
  exportAs('x1');
  // The laptop restored from today's copy, written on again: its next file parts from x2.
  x.server.close();
  const restoredDir = join(dir, 'restored');
  mkdirSync(restoredDir);
  for (const name of ['ledger.sqlite', 'ikimina-pin.key', 'ikimina-laptop.key']) copyFileSync(join(x.dir, name), join(restoredDir, name));
  x.reopen();
  meet(x.server, x.session, '2025-04-04', '2000');
  const loan = x.ok('loan-apply', { associationId: a, memberId: members[0]!.id, principal: '1,000', instalments: 1, date: '2025-04-07', purpose: 'Seeds' });
  x.ok('loan-approve', { associationId: a, loanId: loan.id, date: '2025-04-07' });
  x.ok('loan-disburse', { associationId: a, loanId: loan.id, date: '2025-04-07' });
  exportAs('x2');
  meet(x.server, x.session, '2025-07-04', '1500');
  exportAs('x3');
  const restored = createServer(join(restoredDir, 'ledger.sqlite'), { now: () => PINNED_NOW, headsFile: null });
  cleanups.push(() => restored.close());
  const users = restored.call('user-sign-in-list', { associationId: a }, { channel: 'test', locale: 'en' });
  const treasurer = (users.ok ? users.value as { id: string; name: string }[] : []).find((u) => u.name === KABEZA.treasurer.name)!;
  const signIn = restored.call('session-sign-in', { associationId: a, userId: treasurer.id, pin: '2580' }, { channel: 'test', locale: 'en' });
  if (!signIn.ok) throw new Error(signIn.error.code);
  const session = (signIn.value as { token: string }).token;
  meet(restored, session, '2025-05-02', '700');
  exportAs('xd', restored, session);

  const y = tempLedger();
  cleanups.push(() => y.cleanup());
  const assocY = y.ok('association-create', { ...KABEZA, name: 'Twiyubake', district: 'Nyamagabe', sector: 'Gasaka' });
  y.signIn(assocY.id, KABEZA.treasurer.name);
  buildGrantFixture((name, input) => y.ok(name as never, input as never), assocY.id);
  mkdirSync(join(dir, 'y1'));
  files.y1 = y.ok('exchange-export', { associationId: assocY.id, folder: join(dir, 'y1') }).file;
}, 120_000);

afterAll(() => {
  for (const clean of cleanups) clean();
  rmSync(dir, { recursive: true, force: true });
});

const ORDER = 'ORDER BY association_id, quarter';

/** The summary table's rows, and the rows worked out afresh from each imported group's books. */
function tableAndBooks(c: TestLedger) {
  const { sqlite } = c.server.ledger;
  const table = sqlite.prepare(`SELECT * FROM programme_quarters ${ORDER}`).all();
  const sources = sqlite.prepare('SELECT association_id AS id, exported_at AS exportedAt FROM exchange_sources ORDER BY association_id').all() as { id: string; exportedAt: string }[];
  const fresh = sources.flatMap((s) => groupQuarters(c.server, s.id, s.exportedAt.slice(0, 10))!.map(storedRow));
  // As the table stores them: snake_case columns, booleans as 0/1.
  const asStored = fresh.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`), typeof v === 'boolean' ? Number(v) : v ?? null])));
  return { table, books: asStored };
}

it('equals the quarters worked out from the books after every import, in any order, and after a rebuild', async () => {
  const names = ['x1', 'x2', 'x3', 'xd', 'y1'];
  const random = seededRandom(16);
  const outcomes = new Set<string>();
  for (let run = 0; run < 6; run++) {
    const c = coordinatorLaptop();
    try {
      for (let step = 0; step < 5; step++) {
        const name = names[Math.floor(random() * names.length)]!;
        const report = await importInto(c, { files: [files[name]!] });
        outcomes.add(report.lines[0]!.outcome);
        const { table, books } = tableAndBooks(c);
        expect(table, `run ${run}, step ${step}: ${name} (${report.lines[0]!.outcome})`).toEqual(books);
      }
      const conflict = c.ok('exchange-conflicts', {})[0];
      if (conflict) {
        const taken = await runAsyncCommand(c.server, 'exchange-conflict-take', { conflictId: conflict.id, reason: 'The treasurer confirms the restored laptop' },
          { channel: 'test', locale: 'en', session: c.session });
        if (!taken.ok) throw new Error(taken.error.code);
        outcomes.add('took-file');
        const { table, books } = tableAndBooks(c);
        expect(table).toEqual(books);
      }
      const before = tableAndBooks(c).table;
      c.ok('programme-rebuild', {});
      expect(tableAndBooks(c).table).toEqual(before);
    } finally {
      c.cleanup();
    }
  }
  // The random orders went through every way a file can be taken.
  expect([...outcomes].sort()).toEqual(['conflict', 'imported', 'older', 'took-file', 'unchanged', 'updated']);
}, 240_000);
