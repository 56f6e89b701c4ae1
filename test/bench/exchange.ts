// (h) of `npm run bench`: the ledger exchange at programme scale. A generator builds
// groups' five-year ledgers through the real commands (25 members, a weekly meeting,
// a loan every eight weeks repaid a month later, a livestock grant with three
// animals), each exported as its signed file; then a coordinator's laptop imports the
// folder through the app's own import (every check, the merge, the report), against
// raw SQLite bulk-inserting the same rows from the same files (attached, one
// INSERT … SELECT per table, one transaction per file). The figure is the import
// rate in rows a second, with the peak memory the import took above what the process
// held before it.

import Database from 'better-sqlite3';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openLedger } from '../../db/open';
import { createServer } from '../../electron/server/server';
import { importLedgers } from '../../electron/server/exchange/import-run';
import { insertionOrder, quoteName } from '../../electron/server/integrity/scope';
import { ACTOR, must, seedLedger } from './setup';
import { applyDurability } from './durability';
import { clock, dec1, int, msBetween, ratio2 } from './stats';
import type { MeetingMetric } from './meeting';

export interface ExchangeBenchOptions {
  /** Groups generated (the programme this comes from had 1,294). */
  readonly groups: number;
  readonly years: number;
  /** A folder of .ikimina files generated before (kept from an earlier run): nothing is generated. */
  readonly from?: string;
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** One group's books over `years` years, through the real commands, exported for the coordinator into `out`. */
export function generateGroup(dir: string, out: string, index: number, years: number): void {
  const seeded = seedLedger(join(dir, `group-${index}.sqlite`), { members: 25, foundedOn: '2020-01-01' });
  const { server, associationId, memberIds } = seeded;
  const actor = { ...ACTOR };
  const call = (name: string, input: Record<string, unknown>) => must(server.call(name as never, { associationId, ...input } as never, actor), name) as { id: string };
  try {
    call('cycle-create', {
      name: 'Five years', startsOn: '2020-01-02', endsOn: addDays('2020-01-01', 365 * years),
      rules: { savingMode: 'savings', socialFund: '200', loanMonthlyRatePercent: '5' },
    });
    const grant = call('grant-create', { grantor: 'District', reference: `G-${index}`, date: '2020-01-03', amount: '600,000', purpose: 'livestock', receivedInto: 'bank' });
    for (let i = 0; i < 3; i++) {
      call('livestock-buy', {
        species: 'goat', sex: 'female', tag: `G-${i + 1}`, keeperId: memberIds[i], date: '2020-01-04', cost: '50,000', paidFrom: 'bank',
        funds: [{ grantId: grant.id, amount: '50,000' }],
      });
    }
    let box = 0;
    const weeks = 52 * years;
    let loan: { id: string; due: number } | null = null;
    for (let week = 0; week < weeks; week++) {
      const date = addDays('2020-01-06', 7 * week);
      const rows = memberIds.map((memberId, i) => ({ memberId, attendance: i % 11 === week % 11 ? 'absent' : 'present', savings: '500', socialFund: '200' }));
      box += rows.filter((r) => r.attendance === 'present').length * 700;
      call('meeting-close', { date, rows: rows.map((r) => (r.attendance === 'absent' ? { memberId: r.memberId, attendance: 'absent' } : r)), cashCount: { box: String(box) } });
      if (loan && week === loan.due) {
        call('loan-repay', { loanId: loan.id, date, amount: '5,250' });
        box += 5_250;
        loan = null;
      }
      if (!loan && week % 8 === 4 && box > 10_000) {
        const memberId = memberIds[(week / 4) % memberIds.length]!;
        const applied = call('loan-apply', { memberId, principal: '5,000', instalments: 1, date, purpose: 'Seeds' });
        call('loan-approve', { loanId: applied.id, date });
        call('loan-disburse', { loanId: applied.id, date });
        box -= 5_000;
        loan = { id: applied.id, due: week + 5 };
      }
    }
    call('exchange-export', { folder: out });
  } finally {
    server.close();
  }
}

/** Raw SQLite taking the same files in: each attached, one INSERT … SELECT per table, one transaction per file. */
function rawImport(file: string, files: readonly string[]): number {
  openLedger(file).close();
  const db = new Database(file);
  applyDurability(db);
  db.pragma('foreign_keys = ON');
  let rows = 0;
  try {
    // The same order as the import (parents first): raw SQLite is given its best case.
    const scopes = insertionOrder(db);
    for (const source of files) {
      db.prepare('ATTACH DATABASE ? AS src').run(source);
      db.transaction(() => {
        db.pragma('defer_foreign_keys = ON');
        for (const s of scopes) rows += db.prepare(`INSERT INTO main.${quoteName(s.table)} SELECT * FROM src.${quoteName(s.table)}`).run().changes;
      }).immediate();
      db.prepare('DETACH DATABASE src').run();
    }
  } finally {
    db.close();
  }
  return rows;
}

export async function benchExchange(dir: string, options: ExchangeBenchOptions, progress: (line: string) => void): Promise<MeetingMetric[]> {
  const out = options.from ?? join(dir, 'exchange-files');
  mkdirSync(out, { recursive: true });
  const generated = clock();
  for (let i = 0; i < (options.from ? 0 : options.groups); i++) {
    generateGroup(dir, out, i, options.years);
    if ((i + 1) % 5 === 0 || i + 1 === options.groups) progress(`exchange: ${i + 1} of ${options.groups} groups’ ${options.years}-year ledgers generated and exported (${dec1(msBetween(generated, clock()) / 1e3)} s)`);
  }
  const files = readdirSync(out).filter((n) => n.endsWith('.ikimina')).map((n) => join(out, n));

  // The server: a coordinator's laptop, the app's own import of the folder.
  const coordinatorFile = join(dir, 'coordinator.sqlite');
  const server = createServer(coordinatorFile, { headsFile: null });
  applyDurability(server.ledger.sqlite);
  const actor = { channel: 'bench' as const, locale: 'en' as const, session: undefined as string | undefined };
  const setup = must(server.call('laptop-setup-coordinator', { administrator: { name: 'Bench Admin', pin: '6284' }, coordinator: { name: 'Bench Coordinator', pin: '7391' } }, actor), 'setup') as { token: string };
  actor.session = setup.token;
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = clock();
  const result = await importLedgers(server, actor, { folder: out });
  const serverMs = msBetween(started, clock());
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (!result.ok) throw new Error(`import refused: ${result.error.message}`);
  const report = result.value;
  if (report.counts.imported !== files.length) throw new Error(`only ${report.counts.imported} of ${files.length} files imported: ${JSON.stringify(report.counts)}`);
  const rows = report.lines.reduce((sum, l) => sum + l.rowsAdded, 0);
  server.close();

  const rawStarted = clock();
  const rawRows = rawImport(join(dir, 'raw-coordinator.sqlite'), files);
  const rawMs = msBetween(rawStarted, clock());
  if (rawRows !== rows) throw new Error(`raw SQLite inserted ${rawRows} rows, the import ${rows}: not the same work`);
  const serverRate = rows / (serverMs / 1000);
  const rawRate = rawRows / (rawMs / 1000);
  const peakMb = (peak - rssBefore) / 1048576;
  return [
    {
      metric: { name: 'exchange_import_rows_per_s', value: serverRate, unit: 'rows/s', baseline: rawRate, ratio: serverRate / rawRate },
      readable: `exchange import of ${int(files.length)} ${options.from ? '' : `${options.years}-year `}ledgers (${int(rows)} rows, every file checked: signature, manifest, chains, seal): `
        + `${int(serverRate)} rows/s (${dec1(serverMs / 1000)} s), raw SQLite bulk insert ${int(rawRate)} rows/s (${dec1(rawMs / 1000)} s), ratio ${ratio2(serverRate / rawRate)} (goal ≥ 0.5)`,
    },
    {
      metric: { name: 'exchange_import_peak_mb', value: peakMb, unit: 'MB', baseline: 0, ratio: 0 },
      readable: `exchange import peak memory: +${dec1(peakMb)} MB above the ${dec1(rssBefore / 1048576)} MB held before it (RSS sampled every 20 ms)`,
    },
  ];
}
