// (d) of `npm run bench`: closing a 30-member meeting through the real 'meeting-close'
// handler (validation, the grid checked against the cycle's rules, amounts parsed,
// the cash count reconciled, one journal entry with its hash, the change log, and the
// minutes read back), against raw better-sqlite3 writing the same rows to a separate
// file: one meetings row, one meeting_versions row, one attendance row per member,
// one contributions row per non-zero kind per member, one journal_entries row with
// its postings (the cash-box debit and one credit per contribution) and one
// change_log row — each meeting in its own IMMEDIATE transaction, with the same
// pragmas, statements prepared once and every value (ids, hashes, JSON) computed
// before the clock starts.
//
// Each meeting is on the next day from 2016-01-02 (dates are unique per association),
// every member is present and buys 1–5 shares and pays the social fund, one member is
// fined for coming late, and the box is counted exactly: the previous balance plus
// the money in (kept here in BigInt), so neither side writes count-difference lines.

import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Actor } from '../../electron/server/context';
import type { InputOf } from '../../electron/server/contract';
import { uuidv7 } from '../../electron/server/ids';
import { GENESIS_HASH, entryHash, type HashableEntry, type HashablePosting } from '../../electron/server/journal/hash';
import { verifyChain } from '../../electron/server/journal/verify';
import { ACTOR, addDays, must, seedLedger, type SeededLedger } from './setup';
import { clock, int, percentile, ratio2 } from './stats';
import { applyDurability } from './durability';

export interface MeetingBenchOptions {
  /** Meetings closed on each side before timing starts. */
  readonly warmup: number;
  /** Meetings timed on each side. */
  readonly meetings: number;
  /** The sides take turns every `chunk` meetings. */
  readonly chunk: number;
}

/** The same shape as run.ts's Metric, for its report(). */
export interface MeetingMetric {
  readonly metric: { readonly name: string; readonly value: number; readonly unit: string; readonly baseline: number; readonly ratio: number };
  readonly readable: string;
}

const MEMBERS = 30;
const FOUNDED_ON = '2016-01-01';
const FIRST_MEETING = '2016-01-02';
const SHARE_PRICE = 500n;
const SOCIAL_FUND = 200n;
const FINE_LATE = 100n;

type CloseInput = InputOf<'meeting-close'>;
type Value = string | number | null;

/** One member's line on the meeting sheet, as the treasurer fills it in. */
interface Paid {
  readonly shares: number;
  readonly fineLate: boolean;
}

/** What happens at the i-th meeting (the same on both sides). */
function sheet(i: number): Paid[] {
  return Array.from({ length: MEMBERS }, (_, m) => ({ shares: 1 + ((i + m * 7) % 5), fineLate: m === i % MEMBERS }));
}

const moneyIn = (paid: readonly Paid[]): bigint =>
  paid.reduce((sum, p) => sum + BigInt(p.shares) * SHARE_PRICE + SOCIAL_FUND + (p.fineLate ? FINE_LATE : 0n), 0n);

/** Amounts typed as people type them ("41,300"). */
const typed = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function seedWithCycle(file: string): SeededLedger & { readonly cycleId: string; readonly actor: Actor } {
  const seeded = seedLedger(file, { members: MEMBERS, foundedOn: FOUNDED_ON });
  // seedLedger signs the shared ACTOR in to the ledger it just made: keep this ledger's session.
  const actor: Actor = { ...ACTOR };
  const cycle = must(
    seeded.server.call(
      'cycle-create',
      {
        associationId: seeded.associationId, name: 'Cycle 2016–2035', startsOn: '2016-01-01', endsOn: '2035-12-31',
        rules: { savingMode: 'shares', sharePrice: '500', minShares: 1, maxShares: 5, socialFund: '200', fineLate: '100' },
      },
      actor,
    ),
    'cycle-create',
  );
  return { ...seeded, cycleId: cycle.id, actor };
}

// ── the raw side ────────────────────────────────────────────────────────────────

interface RawMeeting {
  readonly meeting: readonly Value[];
  readonly entry: readonly Value[];
  readonly postings: readonly (readonly Value[])[];
  readonly version: readonly Value[];
  readonly attendance: readonly (readonly Value[])[];
  readonly contributions: readonly (readonly Value[])[];
  readonly change: readonly Value[];
}

interface RawSide {
  readonly id: string;
  readonly cycleId: string;
  readonly memberIds: readonly string[];
  readonly accountIds: ReadonlyMap<string, string>;
  readonly userId: string;
  readonly userName: string;
}

function openRawMeetings(file: string, side: RawSide) {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  applyDurability(sqlite);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');

  const insertMeeting = sqlite.prepare(
    `INSERT INTO meetings (id, association_id, cycle_id, meeting_date, box_opening, box_counted, bank_opening, bank_counted, difference_reason, closed_at, closed_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEntry = sqlite.prepare(
    `INSERT INTO journal_entries (id, association_id, seq, entry_date, kind, memo, currency, reverses_entry_id,
       source_type, source_id, created_at, created_by, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPosting = sqlite.prepare(
    `INSERT INTO postings (id, entry_id, line_no, association_id, entry_date, account_id, member_id, amount, memo)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertVersion = sqlite.prepare(
    'INSERT INTO meeting_versions (id, meeting_id, version, entry_id, reversal_entry_id, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertAttendance = sqlite.prepare('INSERT INTO attendance (id, meeting_version_id, member_id, status) VALUES (?, ?, ?, ?)');
  const insertContribution = sqlite.prepare(
    'INSERT INTO contributions (id, meeting_version_id, member_id, kind, shares, amount) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertChange = sqlite.prepare(
    `INSERT INTO change_log (id, association_id, at, actor, user_id, role, channel, screen, command, input_json, target_id, outcome)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // The order the handler writes in: the meeting, its entry, its version and the grid, the change log.
  const write = sqlite.transaction((m: RawMeeting) => {
    insertMeeting.run(...m.meeting);
    insertEntry.run(...m.entry);
    for (const p of m.postings) insertPosting.run(...p);
    insertVersion.run(...m.version);
    for (const a of m.attendance) insertAttendance.run(...a);
    for (const c of m.contributions) insertContribution.run(...c);
    insertChange.run(...m.change);
  });

  const last = sqlite
    .prepare('SELECT seq, hash FROM journal_entries WHERE association_id = ? ORDER BY seq DESC LIMIT 1')
    .get(side.id) as { seq: number; hash: string } | undefined;
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const account = (code: string) => side.accountIds.get(code)!;

  /** The rows 'meeting-close' writes for this input, continuing the hash chain. */
  function precompute(input: CloseInput, paid: readonly Paid[], boxOpening: bigint, boxCounted: bigint): RawMeeting {
    const at = new Date().toISOString();
    const meetingId = uuidv7();
    const versionId = uuidv7();
    const contributions: { memberId: string; kind: string; shares: number | null; amount: number; account: string }[] = [];
    paid.forEach((p, m) => {
      const memberId = side.memberIds[m]!;
      contributions.push({ memberId, kind: 'shares', shares: p.shares, amount: Number(BigInt(p.shares) * SHARE_PRICE), account: account('2010') });
      contributions.push({ memberId, kind: 'social_fund', shares: null, amount: Number(SOCIAL_FUND), account: account('2020') });
      if (p.fineLate) contributions.push({ memberId, kind: 'fine_late', shares: null, amount: Number(FINE_LATE), account: account('4020') });
    });
    const head: HashableEntry = {
      id: uuidv7(), associationId: side.id, seq: ++seq, entryDate: input.date, kind: 'meeting', memo: `Meeting of ${input.date}`,
      currency: 'RWF', reversesEntryId: null, sourceType: 'meeting', sourceId: meetingId, createdAt: at, createdBy: side.userName, prevHash,
    };
    const lines: HashablePosting[] = [
      { id: uuidv7(), lineNo: 1, accountId: account('1010'), memberId: null, amount: Number(boxCounted - boxOpening), memo: 'Collected at the meeting' },
      ...contributions.map((c, i) => ({ id: uuidv7(), lineNo: i + 2, accountId: c.account, memberId: c.memberId, amount: -c.amount, memo: c.kind })),
    ];
    const hash = entryHash(head, lines);
    prevHash = hash;
    return {
      meeting: [meetingId, side.id, side.cycleId, input.date, Number(boxOpening), Number(boxCounted), 0, 0, null, at, side.userName],
      entry: [head.id, side.id, head.seq, head.entryDate, head.kind, head.memo, head.currency, null, head.sourceType, head.sourceId,
        at, head.createdBy, head.prevHash, hash],
      postings: lines.map((p) => [p.id, head.id, p.lineNo, side.id, head.entryDate, p.accountId, p.memberId, p.amount as number, p.memo]),
      version: [versionId, meetingId, 1, head.id, null, null, at, side.userName],
      attendance: side.memberIds.map((memberId) => [uuidv7(), versionId, memberId, 'present']),
      contributions: contributions.map((c) => [uuidv7(), versionId, c.memberId, c.kind, c.shares, c.amount]),
      // The validated input as the registry logs it (zod fills in the bank count's default).
      change: [uuidv7(), side.id, at, side.userName, side.userId, 'treasurer', 'bench', null, 'meeting-close',
        JSON.stringify({ ...input, cashCount: { ...input.cashCount, bank: '0' } }), meetingId, 'done'],
    };
  }

  return { sqlite, precompute, close: (m: RawMeeting) => write.immediate(m), done: () => sqlite.close() };
}

// ── the benchmark ───────────────────────────────────────────────────────────────

const TABLES = ['meetings', 'meeting_versions', 'attendance', 'contributions', 'journal_entries', 'postings'] as const;

function tableCounts(sqlite: Database.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  counts.change_log = (sqlite.prepare("SELECT count(*) AS n FROM change_log WHERE command = 'meeting-close'").get() as { n: number }).n;
  return counts;
}

export function benchMeetingClose(dir: string, options: MeetingBenchOptions, progress: (line: string) => void): MeetingMetric[] {
  const total = options.warmup + options.meetings;
  const dateOf = (i: number) => addDays(FIRST_MEETING, i);

  // The raw side is seeded through the server too (association, members, cycle), then written to directly.
  const rawFile = join(dir, 'meeting-raw.sqlite');
  const rawSeed = seedWithCycle(rawFile);
  const treasurer = rawSeed.server.ledger.sqlite
    .prepare("SELECT id, name FROM users WHERE association_id = ? AND role = 'treasurer'")
    .get(rawSeed.associationId) as { id: string; name: string };
  rawSeed.server.close();
  const served = seedWithCycle(join(dir, 'meeting-server.sqlite'));
  const raw = openRawMeetings(rawFile, {
    id: rawSeed.associationId, cycleId: rawSeed.cycleId, memberIds: rawSeed.memberIds, accountIds: rawSeed.accountIds,
    userId: treasurer.id, userName: treasurer.name,
  });

  // Every meeting's sheet, for both sides, before the clock starts.
  const inputs: CloseInput[] = [];
  const rawRows: RawMeeting[] = [];
  let box = 0n;
  for (let i = 0; i < total; i++) {
    const paid = sheet(i);
    const opening = box;
    box += moneyIn(paid);
    const input = (associationId: string, memberIds: readonly string[]): CloseInput => ({
      associationId,
      date: dateOf(i),
      rows: paid.map((p, m) => ({
        memberId: memberIds[m]!, attendance: 'present' as const, shares: p.shares, socialFund: typed.format(SOCIAL_FUND),
        ...(p.fineLate ? { fineLate: typed.format(FINE_LATE) } : {}),
      })),
      cashCount: { box: typed.format(box) },
    });
    inputs.push(input(served.associationId, served.memberIds));
    rawRows.push(raw.precompute(input(rawSeed.associationId, rawSeed.memberIds), paid, opening, box));
  }

  const serverLat: number[] = [];
  const rawLat: number[] = [];
  const runServer = (from: number, to: number, into: number[] | null): void => {
    for (let i = from; i < to; i++) {
      const t0 = clock();
      const result = served.server.call('meeting-close', inputs[i]!, served.actor);
      const t1 = clock();
      if (!result.ok) throw new Error(`meeting-close failed on meeting ${i + 1} (${dateOf(i)}): ${result.error.code}: ${result.error.message}`);
      into?.push(Number(t1 - t0) / 1e3);
    }
  };
  const runRaw = (from: number, to: number, into: number[] | null): void => {
    for (let i = from; i < to; i++) {
      const t0 = clock();
      raw.close(rawRows[i]!);
      into?.push(Number(clock() - t0) / 1e3);
    }
  };

  try {
    progress(`meeting close: warm-up, ${int(options.warmup)} meetings each`);
    runServer(0, options.warmup, null);
    runRaw(0, options.warmup, null);

    // The sides take turns in chunks, so a busy moment on the machine falls on both.
    for (let from = options.warmup, k = 0; from < total; from += options.chunk, k++) {
      const to = Math.min(total, from + options.chunk);
      if (k % 2 === 0) {
        runServer(from, to, serverLat);
        runRaw(from, to, rawLat);
      } else {
        runRaw(from, to, rawLat);
        runServer(from, to, serverLat);
      }
    }
    progress(`meeting close: ${int(serverLat.length)} meetings timed on each side`);

    // Both files must now hold the same rows, the server's books must balance with the box
    // holding what was counted, and both hash chains must verify.
    const a = tableCounts(served.server.ledger.sqlite);
    const b = tableCounts(raw.sqlite);
    const contributions = rawRows.reduce((n, r) => n + r.contributions.length, 0);
    const expected = {
      meetings: total, meeting_versions: total, attendance: total * MEMBERS, contributions,
      journal_entries: total, postings: total + contributions, change_log: total,
    };
    if (JSON.stringify(a) !== JSON.stringify(expected) || JSON.stringify(b) !== JSON.stringify(expected)) {
      throw new Error(`meeting close: row counts differ: server ${JSON.stringify(a)}, raw ${JSON.stringify(b)}, expected ${JSON.stringify(expected)}`);
    }
    const { associationId, actor } = served;
    const tb = must(served.server.call('trial-balance-get', { associationId }, actor), 'trial-balance-get');
    const cashBox = tb.rows.find((r) => r.code === '1010')?.balance;
    if (tb.difference !== '0' || cashBox !== String(box)) {
      throw new Error(`meeting close: trial balance difference ${tb.difference}, cash box ${cashBox} (counted ${box})`);
    }
    const chain = must(served.server.call('journal-chain-verify', { associationId }, actor), 'journal-chain-verify');
    const rawChain = verifyChain(raw.sqlite, rawSeed.associationId);
    if (!chain.ok || !rawChain.ok || chain.entries !== total || rawChain.entries !== total) {
      throw new Error(`meeting close: hash chain does not verify: server ${JSON.stringify(chain)}, raw ${JSON.stringify(rawChain)}`);
    }
  } finally {
    raw.done();
    served.server.close();
  }

  return ([['median', 50], ['p95', 95]] as const).map(([label, p]) => {
    const s = percentile(serverLat, p);
    const r = percentile(rawLat, p);
    return {
      metric: { name: `meeting_close_${label}_us`, value: s, unit: 'us', baseline: r, ratio: r / s },
      readable: `close a ${MEMBERS}-member meeting, ${label}: server ${int(s)} µs, raw SQLite ${int(r)} µs, ratio ${ratio2(r / s)}` +
        `   (${int(serverLat.length)} meetings)`,
    };
  });
}
