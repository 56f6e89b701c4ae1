// Property tests over random sequences of entries and reversals. The expected
// balances come from a model kept in the test with BigInt sums, not from the code.

import fc from 'fast-check';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { smallBook, tempLedger, type TestLedger, secondOfficer } from '../helpers/ledger';

const PLAIN_ACCOUNTS = ['1010', '1020', '4040', '3010', '4010', '4090', '5010'];
// 1100 (loans) and 2010 (members' savings) are moved only by their records, never by a
// hand-made entry; the social fund and fines may name the member a line concerns.
const MEMBER_ACCOUNTS = ['2020', '4020'];

interface Line { account: string; member: number | null; amount: bigint }
type Command = { kind: 'post'; day: number; lines: Line[] } | { kind: 'reverse'; pick: number; dayAfter: number };

const lineArb = fc.record({
  account: fc.constantFrom(...PLAIN_ACCOUNTS, ...MEMBER_ACCOUNTS),
  member: fc.integer({ min: 0, max: 2 }),
  amount: fc.bigInt({ min: 1n, max: 5_000_000n }),
  debit: fc.boolean(),
});

/** A balanced entry: random lines, then one line that makes debits equal credits. */
const postArb = fc
  .record({ day: fc.integer({ min: 0, max: 300 }), lines: fc.array(lineArb, { minLength: 1, maxLength: 5 }), closing: fc.constantFrom(...PLAIN_ACCOUNTS) })
  .map(({ day, lines, closing }): Command => {
    const out: Line[] = lines.map((l) => ({
      account: l.account,
      member: MEMBER_ACCOUNTS.includes(l.account) ? l.member : null,
      amount: l.debit ? l.amount : -l.amount,
    }));
    const sum = out.reduce((s, l) => s + l.amount, 0n);
    out.push({ account: closing, member: null, amount: sum === 0n ? 1n : -sum });
    if (sum === 0n) out.push({ account: closing, member: null, amount: -1n });
    return { kind: 'post', day, lines: out };
  });
const reverseArb = fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat(), dayAfter: fc.integer({ min: 0, max: 30 }) });
const commandsArb = fc.array(fc.oneof({ arbitrary: postArb, weight: 3 }, { arbitrary: reverseArb, weight: 1 }), { minLength: 1, maxLength: 25 });

function dateOf(day: number): string {
  return new Date(Date.UTC(2025, 1, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

let ledgers: TestLedger[] = [];
afterEach(() => {
  ledgers.forEach((l) => l.cleanup());
  ledgers = [];
});

/** Runs the commands against a fresh ledger and a model; returns both. */
function play(commands: Command[]) {
  const t = tempLedger();
  ledgers.push(t);
  const { association, members } = smallBook(t, 3);
  const a = association.id;
  const model = new Map<string, bigint>();
  const posted: { id: string; day: number; lines: Line[]; reversed: boolean }[] = [];
  const apply = (lines: Line[], sign: bigint) => {
    for (const l of lines) model.set(l.account, (model.get(l.account) ?? 0n) + sign * l.amount);
  };
  for (const c of commands) {
    if (c.kind === 'post') {
      const entry = t.ok('journal-entry-post', {
        associationId: a, date: dateOf(c.day), memo: 'random',
        lines: c.lines.map((l) => ({
          account: l.account,
          ...(l.member !== null ? { memberId: members[l.member]!.id } : {}),
          ...(l.amount > 0n ? { debit: String(l.amount) } : { credit: String(-l.amount) }),
        })),
      });
      posted.push({ id: entry.id, day: c.day, lines: c.lines, reversed: false });
      apply(c.lines, 1n);
    } else {
      const open = posted.filter((p) => !p.reversed);
      if (open.length === 0) continue;
      const target = open[c.pick % open.length]!;
      t.ok('journal-entry-reverse', { associationId: a, confirmation: secondOfficer(t, a), entryId: target.id, date: dateOf(target.day + c.dayAfter), reason: 'test' });
      target.reversed = true;
      apply(target.lines, -1n);
    }
  }
  return { t, a, model };
}

describe('journal properties', () => {
  it('trial balance is zero, balances equal the model and the postings, the chain verifies', () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        const { t, a, model } = play(commands);
        const tb = t.ok('trial-balance-get', { associationId: a });
        expect(tb.difference).toBe('0');
        expect(tb.totalDebit).toBe(tb.totalCredit);
        for (const row of tb.rows) {
          expect(row.balance).toBe(String(model.get(row.code) ?? 0n));
          const direct = t.server.ledger.sqlite
            .prepare('SELECT coalesce(sum(amount), 0) AS s FROM postings WHERE account_id = ?')
            .safeIntegers(true)
            .get(row.accountId) as { s: bigint };
          expect(row.balance).toBe(String(direct.s));
        }
        expect(t.ok('journal-chain-verify', { associationId: a }).ok).toBe(true);
        t.cleanup();
        ledgers = [];
      }),
      { numRuns: 30 },
    );
  });

  it('a reversal restores every balance to what it was before the entry', () => {
    fc.assert(
      fc.property(commandsArb, postArb, (commands, extra) => {
        const { t, a } = play(commands);
        const before = t.ok('trial-balance-get', { associationId: a }).rows.map((r) => r.balance);
        const { lines } = extra as Extract<Command, { kind: 'post' }>;
        const members = t.ok('member-list', { associationId: a });
        const entry = t.ok('journal-entry-post', {
          associationId: a, date: '2025-12-01', memo: 'extra',
          lines: lines.map((l) => ({
            account: l.account,
            ...(l.member !== null ? { memberId: members[l.member]!.id } : {}),
            ...(l.amount > 0n ? { debit: String(l.amount) } : { credit: String(-l.amount) }),
          })),
        });
        t.ok('journal-entry-reverse', { associationId: a, confirmation: secondOfficer(t, a), entryId: entry.id, date: '2025-12-02', reason: 'undo' });
        expect(t.ok('trial-balance-get', { associationId: a }).rows.map((r) => r.balance)).toEqual(before);
        t.cleanup();
        ledgers = [];
      }),
      { numRuns: 15 },
    );
  });

  // Changing any stored value of an entry or of one of its postings makes
  // verification fail at exactly that entry. The app's own connection refuses such
  // changes, so the "attacker" drops the triggers through a second connection.
  const ENTRY_FIELDS = ['entry_date', 'kind', 'memo', 'currency', 'created_at', 'created_by', 'prev_hash', 'hash', 'source_type'];
  const POSTING_FIELDS = ['amount', 'account_id', 'member_id', 'memo', 'line_no'];

  it('tampering with any field of any entry is caught at that entry', () => {
    fc.assert(
      fc.property(
        fc.array(postArb, { minLength: 2, maxLength: 8 }),
        fc.nat(),
        fc.constantFrom(...ENTRY_FIELDS.map((f) => ['entry', f] as const), ...POSTING_FIELDS.map((f) => ['posting', f] as const)),
        (commands, pick, [table, field]) => {
          const { t, a } = play(commands);
          const entries = t.server.ledger.sqlite.prepare('SELECT id, seq FROM journal_entries WHERE association_id = ? ORDER BY seq').all(a) as { id: string; seq: number }[];
          const victim = entries[pick % entries.length]!;
          t.server.close();
          const raw = new Database(t.file);
          raw.exec('DROP TRIGGER journal_entries_no_update; DROP TRIGGER postings_no_update; PRAGMA foreign_keys = OFF');
          if (table === 'entry') {
            raw.prepare(`UPDATE journal_entries SET ${field} = ${flip(field)} WHERE id = ?`).run(victim.id);
          } else {
            const posting = raw.prepare('SELECT id FROM postings WHERE entry_id = ? ORDER BY line_no LIMIT 1').get(victim.id) as { id: string };
            raw.prepare(`UPDATE postings SET ${field} = ${flip(field)} WHERE id = ?`).run(posting.id);
          }
          raw.close();
          t.reopen();
          const report = t.ok('journal-chain-verify', { associationId: a });
          expect(report.ok).toBe(false);
          expect(report.firstBroken?.seq).toBe(victim.seq);
          expect(report.firstBroken?.entryId).toBe(victim.id);
          t.cleanup();
          ledgers = [];
        },
      ),
      { numRuns: 40 },
    );
  });
});

/** SQL that changes a value slightly: one character, or one unit. */
function flip(field: string): string {
  if (field === 'amount') return 'amount + 1';
  if (field === 'line_no') return 'line_no + 100';
  if (field === 'member_id') return "coalesce(substr(member_id, 1, 35) || 'x', 'someone')";
  if (field === 'source_type') return "coalesce(source_type || 'x', 'forged')";
  // Flip the last character to a different one (a NULL memo becomes text).
  return `coalesce(substr(${field}, 1, length(${field}) - 1) || CASE WHEN substr(${field}, -1) = 'a' THEN 'b' ELSE 'a' END, 'forged')`;
}
