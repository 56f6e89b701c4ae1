// (f) of `npm run bench`: the share-out of a 30-member group after 52 weekly meetings,
// through the real 'share-out-preview' handler (access check, the rules in force, the
// pool read from the books, each member's shares and savings, loans owed, the division
// in BigInt), against raw better-sqlite3 reading the same rows from the same file: the
// balances by account, the members, the shares bought at the cycle's meetings, every
// movement of members' savings and the loans — statements prepared once, results not
// post-processed.

import Database from 'better-sqlite3';
import type { Actor } from '../../electron/server/context';
import { ACTOR, must, seedLedger } from './setup';
import { int, medianReadTimes, ratio2 } from './stats';
import type { MeetingMetric } from './meeting';

export interface ShareOutBenchOptions {
  readonly meetings: number;
  readonly warmup: number;
  readonly reps: number;
}

const RAW_QUERIES = {
  balances: `SELECT a.purpose, coalesce(sum(p.amount), 0) AS balance FROM accounts a LEFT JOIN postings p ON p.account_id = a.id AND p.entry_date <= ?
              WHERE a.association_id = ? GROUP BY a.purpose`,
  members: 'SELECT id, member_no, full_name, exited_on FROM members WHERE association_id = ? AND joined_on <= ? ORDER BY member_no',
  shares: `SELECT c.member_id, sum(c.shares) FROM contributions c JOIN current_meeting_versions v ON v.id = c.meeting_version_id
             JOIN meetings m ON m.id = v.meeting_id WHERE m.association_id = ? AND m.cycle_id = ? AND m.meeting_date <= ? AND c.kind = 'shares' GROUP BY c.member_id`,
  savings: `SELECT p.member_id, p.entry_date, p.amount FROM postings p JOIN accounts a ON a.id = p.account_id
              WHERE p.association_id = ? AND a.purpose = 'member_savings' AND p.entry_date <= ?`,
  loans: 'SELECT * FROM loans WHERE association_id = ?',
};

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A 30-member shares group after weekly meetings, closed through the real handlers. */
export function buildMeetingYear(dir: string, meetings: number, progress: (line: string) => void, name = 'share-out') {
  const options = { meetings };
  const file = `${dir}/${name}.sqlite`;
  const seeded = seedLedger(file, { members: 30, foundedOn: '2024-01-01' });
  const actor: Actor = { ...ACTOR };
  const { server, associationId, memberIds } = seeded;
  const call = (name: string, input: Record<string, unknown>) => must(server.call(name as never, { associationId, ...input } as never, actor), name);
  const cycleId = (call('cycle-create', {
    name: 'Bench cycle', startsOn: '2024-01-02', endsOn: '2024-12-31',
    rules: { savingMode: 'shares', sharePrice: '1,000', minShares: 1, maxShares: 5, socialFund: '500', shareOutRoundingUnit: '100' },
  }) as { id: string }).id;
  progress(`share-out: closing ${int(options.meetings)} meetings of 30 members …`);
  let box = 0;
  for (let week = 0; week < options.meetings; week++) {
    const rows = memberIds.map((memberId, i) => ({ memberId, attendance: 'present', shares: 1 + ((i + week) % 5), socialFund: '500' }));
    box += rows.reduce((sum, r) => sum + r.shares * 1_000 + 500, 0);
    call('meeting-close', { date: addDays('2024-01-05', 7 * week), rows, cashCount: { box: String(box) } });
  }
  return { file, server, associationId, actor, cycleId };
}

export function benchShareOut(dir: string, options: ShareOutBenchOptions, progress: (line: string) => void): MeetingMetric[] {
  const { file, server, associationId, actor, cycleId } = buildMeetingYear(dir, options.meetings, progress);
  const date = '2024-12-31';
  const input = { associationId, cycleId, date };
  const draft = must(server.call('share-out-preview', input, actor), 'share-out-preview');
  const paid = draft.members.reduce((sum, m) => sum + BigInt(m.share), 0n) + BigInt(draft.remainder) + BigInt(draft.reserve);
  if (paid !== BigInt(draft.working.pool)) throw new Error('the share-out does not add up: the benchmark would measure a broken division');

  const raw = new Database(file, { readonly: true });
  const q = Object.fromEntries(Object.entries(RAW_QUERIES).map(([k, sql]) => [k, raw.prepare(sql)])) as Record<keyof typeof RAW_QUERIES, Database.Statement>;
  q.balances.safeIntegers(true);
  q.savings.safeIntegers(true);
  const rawRead = () => {
    q.balances.all(date, associationId);
    q.members.all(associationId, date);
    q.shares.all(associationId, cycleId, date);
    q.savings.all(associationId, date);
    q.loans.all(associationId);
  };
  const serverRead = () => {
    if (!server.call('share-out-preview', input, actor).ok) throw new Error('share-out-preview refused');
  };
  const { server: s, raw: b } = medianReadTimes(serverRead, rawRead, options);
  raw.close();
  server.close();
  return [{
    metric: { name: 'share_out_ms', value: s, unit: 'ms', baseline: b, ratio: b / s },
    readable: `share-out of 30 members after ${int(options.meetings)} meetings: server ${s.toFixed(2)} ms, raw SQLite reading the same rows ${b.toFixed(2)} ms, ` +
      `ratio ${ratio2(b / s)}   (median of ${options.reps})`,
  }];
}
