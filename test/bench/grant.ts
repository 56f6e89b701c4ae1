// (e) of `npm run bench`: the officer's grant-use statement over a big herd, through
// the real 'grant-statement' handler (access check, validation, the herd folded from
// its events as of the date, the tree built, sale shares split, the journal balance
// read for the reconciliation), against raw better-sqlite3 reading the same rows from
// the same file: the grant, its spendings with their fund parts and receipts, every
// animal with its funds and events, the members' names and the fund account's
// balance — statements prepared once, results not post-processed.
//
// The herd: one livestock grant buys `animals` animals (every third one a male), each
// female has a calf, every fourth calf is passed on, every tenth bought animal is sold
// and every twentieth dies — as the real handlers record them.

import Database from 'better-sqlite3';
import type { Actor } from '../../electron/server/context';
import { ACTOR, must, seedLedger } from './setup';
import { int, medianReadTimes, ratio2 } from './stats';
import type { MeetingMetric } from './meeting';

export interface GrantBenchOptions {
  readonly animals: number;
  readonly warmup: number;
  readonly reps: number;
}

const RAW_QUERIES = {
  grant: 'SELECT * FROM grants WHERE id = ?',
  spendings: `SELECT s.*, f.amount AS from_grant FROM spending_funds f JOIN spendings s ON s.id = f.spending_id WHERE f.grant_id = ? AND s.spent_on <= ?`,
  evidence: `SELECT e.id, e.spending_id, e.file_name, e.media_type, e.byte_size, e.sha256 FROM evidence e JOIN spending_funds f ON f.spending_id = e.spending_id WHERE f.grant_id = ?`,
  animals: 'SELECT * FROM animals WHERE association_id = ?',
  funds: 'SELECT f.* FROM animal_funds f JOIN animals a ON a.id = f.animal_id WHERE a.association_id = ?',
  events: 'SELECT * FROM animal_events WHERE association_id = ? ORDER BY event_on',
  members: 'SELECT id, full_name FROM members WHERE association_id = ?',
  balance: 'SELECT coalesce(sum(amount), 0) AS b FROM postings WHERE association_id = ? AND account_id = ? AND entry_date <= ?',
};

/** The herd of hundreds of animals a livestock grant bought, recorded through the real handlers. */
export function buildGrantHerd(dir: string, animals: number, progress: (line: string) => void, name = 'grant') {
  const options = { animals };
  const file = `${dir}/${name}.sqlite`;
  const seeded = seedLedger(file, { members: 60, foundedOn: '2019-01-01' });
  const actor: Actor = { ...ACTOR };
  const { server, associationId, memberIds } = seeded;
  const call = (name: string, input: Record<string, unknown>) => must(server.call(name as never, { associationId, ...input } as never, actor), name);
  const cost = 100_000;
  const grant = call('grant-create', {
    grantor: 'Bench District', reference: 'B-1', date: '2020-01-02', amount: String(cost * options.animals), purpose: 'livestock', receivedInto: 'bank',
  }) as { id: string; accountId: string };
  progress(`grant statement: recording ${int(options.animals)} animals and their events …`);
  for (let i = 0; i < options.animals; i++) {
    const female = i % 3 !== 0;
    const keeper = memberIds[i % memberIds.length]!;
    const animal = call('livestock-buy', {
      date: '2020-02-01', tag: `A-${i}`, species: i % 2 ? 'goat' : 'cow', sex: female ? 'female' : 'male', keeperId: keeper, cost: String(cost),
      paidFrom: 'bank', funds: [{ grantId: grant.id, amount: String(cost) }],
    }) as { id: string };
    if (i % 20 === 19) {
      call('livestock-death', { animalId: animal.id, date: '2021-03-01', cause: 'Disease' });
      continue;
    }
    if (female) {
      const born = call('livestock-birth', { motherId: animal.id, date: '2020-11-01', offspring: [{ sex: 'female' }] }) as { offspring: { id: string }[] };
      if (i % 4 === 1) call('livestock-pass-on', { animalId: born.offspring[0]!.id, date: '2021-06-01', toMemberId: memberIds[(i + 1) % memberIds.length]! });
    }
    if (i % 10 === 0) call('livestock-sale', { animalId: animal.id, date: '2021-09-01', proceeds: String(cost + 20_000), paidInto: 'cash_box' });
  }
  return { file, server, associationId, actor, grant, asOf: '2022-01-01' };
}

export function benchGrantStatement(dir: string, options: GrantBenchOptions, progress: (line: string) => void): MeetingMetric[] {
  const { file, server, associationId, actor, grant, asOf } = buildGrantHerd(dir, options.animals, progress);
  const input = { associationId, grantId: grant.id, asOf };
  const statement = must(server.call('grant-statement', input, actor), 'grant-statement');
  if (statement.unspent !== statement.unspentInJournal) throw new Error('the statement does not reconcile: the benchmark would measure a broken ledger');

  const raw = new Database(file, { readonly: true });
  raw.pragma('journal_mode = WAL');
  const q = Object.fromEntries(Object.entries(RAW_QUERIES).map(([k, sql]) => [k, raw.prepare(sql)])) as Record<keyof typeof RAW_QUERIES, Database.Statement>;
  const grantAccount = (q.grant.get(grant.id) as { account_id: string }).account_id;
  const rawRead = () => {
    q.grant.get(grant.id);
    q.spendings.all(grant.id, asOf);
    q.evidence.all(grant.id);
    q.animals.all(associationId);
    q.funds.all(associationId);
    q.events.all(associationId);
    q.members.all(associationId);
    q.balance.get(associationId, grantAccount, asOf);
  };
  const serverRead = () => {
    if (!server.call('grant-statement', input, actor).ok) throw new Error('grant-statement refused');
  };
  const { server: s, raw: b } = medianReadTimes(serverRead, rawRead, options);
  raw.close();
  server.close();
  const animals = statement.herd.alive + statement.herd.sold + statement.herd.dead;
  return [{
    metric: { name: 'grant_statement_ms', value: s, unit: 'ms', baseline: b, ratio: b / s },
    readable: `grant-use statement over ${int(animals)} animals (${int(statement.spendings.length)} spendings): server ${s.toFixed(1)} ms, ` +
      `raw SQLite reading the same rows ${b.toFixed(1)} ms, ratio ${ratio2(b / s)}   (median of ${options.reps})`,
  }];
}
