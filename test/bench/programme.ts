// (i) of `npm run bench`: the programme view at programme scale. A coordinator's
// laptop holds the imported groups (generated and imported as the exchange bench does,
// or a coordinator's ledger kept from an earlier run); then:
//   - opening the page's data (programme-view: the quarter's rows of every group, the
//     trend, the flags) against raw SQLite reading the same summary rows;
//   - regrouping (the page's own roll-up, in memory) against raw SQL GROUP BY over
//     the same rows — changing a grouping never asks the server;
//   - rebuilding the summary from every group's books (programme-rebuild) against raw
//     SQLite reading the postings the rebuild sums.

import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createServer, type LedgerServer } from '../../electron/server/server';
import { importLedgers } from '../../electron/server/exchange/import-run';
import type { ProgrammeView } from '../../electron/server/programme/handlers';
import { GROUPINGS, tableLines } from '../../renderer/src/programme-view';
import { must } from './setup';
import { applyDurability } from './durability';
import { generateGroup } from './exchange';
import { clock, dec1, int, medianReadTimes, msBetween, ratio2 } from './stats';
import type { MeetingMetric } from './meeting';

export interface ProgrammeBenchOptions {
  readonly groups: number;
  readonly years: number;
  /** A folder of .ikimina files generated before: imported, nothing generated. */
  readonly from?: string;
  /** A coordinator's ledger kept from an earlier run (made there the first time): nothing imported. */
  readonly ledger?: string;
  readonly reps: number;
}

const COORDINATOR = { name: 'Bench Coordinator', pin: '7391' };

async function coordinatorLedger(dir: string, options: ProgrammeBenchOptions, progress: (line: string) => void): Promise<{ server: LedgerServer; session: string }> {
  const file = options.ledger ?? join(dir, 'programme-coordinator.sqlite');
  const fresh = !existsSync(file);
  const server = createServer(file, { headsFile: null });
  applyDurability(server.ledger.sqlite);
  const actor = { channel: 'bench' as const, locale: 'en' as const };
  if (fresh) must(server.call('laptop-setup-coordinator', { administrator: { name: 'Bench Admin', pin: '6284' }, coordinator: COORDINATOR }, actor), 'setup');
  const id = (must(server.call('coordinator-list', {}, actor), 'coordinator-list') as { id: string; name: string }[]).find((c) => c.name === COORDINATOR.name)!.id;
  const session = (must(server.call('coordinator-sign-in', { coordinatorId: id, pin: COORDINATOR.pin }, actor), 'sign-in') as { token: string }).token;
  if (fresh) {
    let folder = options.from;
    if (!folder) {
      folder = join(dir, 'programme-files');
      mkdirSync(folder, { recursive: true });
      const started = clock();
      for (let i = 0; i < options.groups; i++) {
        generateGroup(dir, folder, i, options.years);
        if ((i + 1) % 5 === 0 || i + 1 === options.groups) progress(`programme: ${i + 1} of ${options.groups} groups generated (${dec1(msBetween(started, clock()) / 1e3)} s)`);
      }
    }
    const started = clock();
    const imported = await importLedgers(server, { ...actor, session }, { folder });
    if (!imported.ok) throw new Error(`import refused: ${imported.error.message}`);
    progress(`programme: ${readdirSync(folder).length} files imported in ${dec1(msBetween(started, clock()) / 1e3)} s (${JSON.stringify(imported.value.counts)})`);
  }
  return { server, session };
}

export async function benchProgramme(dir: string, options: ProgrammeBenchOptions, progress: (line: string) => void): Promise<MeetingMetric[]> {
  const { server, session } = await coordinatorLedger(dir, options, progress);
  const actor = { channel: 'bench' as const, locale: 'en' as const, session };
  // Raw SQLite on its own connection to the same file: the baseline reads the same rows.
  const raw = new Database(server.ledger.sqlite.name, { readonly: true });
  try {
    const view = must(server.call('programme-view', {}, actor), 'programme-view') as ProgrammeView;
    const groups = view.groups.length;
    const quarters = raw.prepare('SELECT count(*) FROM programme_quarters').pluck().get() as number;
    const rawRows = raw.prepare(`SELECT q.*, a.name, a.country, a.province, a.district, a.sector, s.exported_at, s.last_imported_at, g.project, g.facilitator,
        (SELECT count(*) FROM exchange_conflicts c WHERE c.association_id = a.id AND c.resolved_at IS NULL) AS conflicts
      FROM exchange_sources s JOIN associations a ON a.id = s.association_id LEFT JOIN programme_groups g ON g.association_id = a.id
      LEFT JOIN programme_quarters q ON q.association_id = a.id AND q.quarter = ? WHERE a.currency = ?`);
    const rawTrend = raw.prepare(`SELECT quarter, count(*), sum(members), sum(members_women), sum(savings), sum(loans_outstanding_value), sum(par30_value), sum(attendance_present),
        sum(attendance_expected), sum(annualised_income), sum(assets), sum(grants_received), sum(grants_unspent), sum(animals_alive) FROM programme_quarters WHERE currency = ? GROUP BY quarter`);
    const open = medianReadTimes(
      () => must(server.call('programme-view', {}, actor), 'programme-view'),
      () => {
        rawRows.all(view.quarter, view.currency);
        rawTrend.all(view.currency);
      },
      { warmup: 2, reps: options.reps },
    );

    // Regrouping: the page's roll-up of the rows it already has, for each grouping, against SQL GROUP BY over the summary.
    const groupings = GROUPINGS.filter((g) => g !== 'none');
    const rawGroupBy = new Map(groupings.map((g) => [g, raw.prepare(`SELECT ${g === 'project' || g === 'facilitator' ? `p.${g}` : `a.${g}`} AS k, count(*), sum(q.members), sum(q.savings), sum(q.par30_value), sum(q.loans_outstanding_value)
      FROM programme_quarters q JOIN associations a ON a.id = q.association_id LEFT JOIN programme_groups p ON p.association_id = q.association_id
      WHERE q.quarter = ? AND q.currency = ? GROUP BY k`)]));
    const regroup = medianReadTimes(
      () => {
        for (const g of groupings) tableLines(view.groups, g);
      },
      () => {
        for (const g of groupings) rawGroupBy.get(g)!.all(view.quarter, view.currency);
      },
      { warmup: 2, reps: options.reps },
    );

    // Rebuilding from the books, once, against raw SQLite reading the postings it sums.
    const rebuildStarted = clock();
    must(server.call('programme-rebuild', {}, actor), 'programme-rebuild');
    const rebuildMs = msBetween(rebuildStarted, clock());
    const rawStarted = clock();
    raw.prepare(`SELECT p.association_id, a.purpose, p.entry_date, sum(p.amount) FROM postings p JOIN accounts a ON a.id = p.account_id
      WHERE p.association_id IN (SELECT association_id FROM exchange_sources) GROUP BY p.association_id, a.purpose, p.entry_date`).all();
    const rawRebuildMs = msBetween(rawStarted, clock());

    return [
      {
        metric: { name: 'programme_view_open_ms', value: open.server, unit: 'ms', baseline: open.raw, ratio: open.raw / open.server },
        readable: `programme page's data for ${int(groups)} groups (${int(quarters)} group-quarters, ${view.quarters.length} quarters): ${dec1(open.server)} ms, `
          + `raw SQLite reading the same summary rows ${dec1(open.raw)} ms, ratio ${ratio2(open.raw / open.server)} (goal: the page under 1 s)`,
      },
      {
        metric: { name: 'programme_regroup_ms', value: regroup.server, unit: 'ms', baseline: regroup.raw, ratio: regroup.raw / regroup.server },
        readable: `regrouping ${int(groups)} groups by each of ${groupings.length} groupings in the page (no server call): ${dec1(regroup.server)} ms, `
          + `raw SQL GROUP BY over the summary ${dec1(regroup.raw)} ms, ratio ${ratio2(regroup.raw / regroup.server)}`,
      },
      {
        metric: { name: 'programme_rebuild_ms', value: rebuildMs, unit: 'ms', baseline: rawRebuildMs, ratio: rawRebuildMs / rebuildMs },
        readable: `rebuilding the summary from the books of ${int(groups)} groups: ${dec1(rebuildMs / 1000)} s (${dec1(rebuildMs / Math.max(1, groups))} ms a group), `
          + `raw SQLite reading the postings it sums ${dec1(rawRebuildMs / 1000)} s, ratio ${ratio2(rawRebuildMs / rebuildMs)}`,
      },
    ];
  } finally {
    raw.close();
    server.close();
  }
}
