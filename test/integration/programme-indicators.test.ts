// The programme's indicators (issue 16) against figures worked by hand, on the three
// groups of test/helpers/programme-fixture.ts, imported by a coordinator:
//   A — Abishyizehamwe, Huye/Tumba: a cycle from 15 January 2025, two meetings, one
//       loan repaid on its due day with its interest, one never repaid and written off in July;
//   B — Twiyubake, Nyamagabe/Gasaka: no cycle, 300,000 of savings brought in and the
//       district's livestock grant (test/helpers/grant-fixture.ts: cows and goats
//       bought, calves born, a goat dead, one sold, a calf passed on), its first
//       grant report due 30 September 2025 and a grant-use statement exported on
//       1 March 2026;
//   C — Duterimbere, Gasabo/Remera: a cycle from 1 February 2025, a member who left in
//       March, a meeting whose cash count was 100 short; its laptop's last file was
//       written on 20 June 2025 — the group left the programme then.
// Every expected figure below is worked out in the comments beside it, not read
// from the app.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestLedger } from '../helpers/ledger';
import { coordinatorLaptop, importInto } from '../helpers/exchange';
import { buildProgrammeFixture, type ProgrammeFixture } from '../helpers/programme-fixture';
import { indicatorsOf } from '../../electron/server/programme/measures';
import type { ProgrammeView } from '../../electron/server/programme/handlers';

let out: string;
let c: TestLedger;
let fixture: ProgrammeFixture;
let ids: ProgrammeFixture['ids'];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'ikimina-programme-'));
  fixture = await buildProgrammeFixture(out);
  ids = fixture.ids;
  c = coordinatorLaptop();
  const report = await importInto(c, { files: [...fixture.files] });
  expect(report.counts.imported).toBe(3);
}, 120_000);

afterAll(() => {
  fixture?.cleanup();
  c?.cleanup();
  rmSync(out, { recursive: true, force: true });
});

const view = (quarter: string): ProgrammeView => c.ok('programme-view', { quarter });
const group = (v: ProgrammeView, key: 'A' | 'B' | 'C') => v.groups.find((g) => g.id === ids[key])!;
const indicators = (v: ProgrammeView, key: 'A' | 'B' | 'C') => indicatorsOf(group(v, key).figures!);

describe('each indicator, worked by hand', () => {
  it('group A in 2025-Q1: members, attendance, savings, loans, the loan fund and the returns of a cycle under way', () => {
    const v = view('2025-Q1');
    expect(indicators(v, 'A')).toEqual({
      groups: 1,
      members: 4,
      womenShare: '50.0', // 2 of 4
      attendanceRate: '87.5', // 4 of 4 on 7 February, 3 of 4 on 7 March: 7 of 8
      membersLeft: 0,
      savings: '7000', // 4 × 1,000 + 3 × 1,000
      savingsPerMember: '1750', // 7,000 ÷ 4
      loansOutstandingCount: 1, // the 2,000 loan; the 1,500 one was repaid on 10 March
      loansOutstandingValue: '2000',
      averageLoan: '1750', // (2,000 + 1,500) ÷ 2 paid out in the quarter
      // Box: 4,800 − 2,000 − 1,500 + 1,575 + 3,600 = 6,475; loan fund 2,000 + 6,475 − 1,400 (social fund) = 7,075; 2,000 ÷ 7,075 = 28.27 %
      loanFundUtilisation: '28.3',
      par30: '0.0', // due 10 March, 21 days late on 31 March: not yet at risk
      writtenOffCount: 0,
      writtenOffValue: '0',
      // Interest 75 over the 76 days from 15 January to 31 March: 75 × 365 ÷ 76 = 360.2 → 360 a year.
      returnOnSavings: '5.1', // 360 ÷ 7,000
      returnOnAssets: '4.2', // 360 ÷ (6,475 + 2,000)
      socialFund: '1400', // 4 × 200 + 3 × 200
      grantsReceived: '0',
      grantsSpent: '0',
      grantsUnspent: '0',
      animalsAlive: 0,
      animalsBorn: 0,
      animalsSold: 0,
      animalsDied: 0,
      animalsPassedOn: 0,
      cashDifferences: 0,
      grantReportsOverdue: 0,
    });
    expect(group(v, 'A')).toMatchObject({ cycleNo: 1, cycleStart: '2025-01-15', cycleWeeks: 10, partial: false, asOf: '2025-03-31', flags: [] });
  });

  it('group A in 2025-Q2 and Q3: the unpaid loan at risk, then written off, and a loss for the cycle so far', () => {
    const q2 = view('2025-Q2');
    expect(indicators(q2, 'A')).toMatchObject({
      attendanceRate: null, // no meeting in the quarter
      loansOutstandingCount: 1,
      loansOutstandingValue: '2000',
      par30: '100.0', // due 10 March, 112 days late on 30 June
      averageLoan: null, // no loan paid out in the quarter
      writtenOffCount: 0,
      loanFundUtilisation: '28.3', // 2,000 ÷ (2,000 + 6,475 − 1,400)
      // 75 over the 167 days from 15 January to 30 June: 75 × 365 ÷ 167 = 163.9 → 164.
      returnOnSavings: '2.3', // 164 ÷ 7,000
      returnOnAssets: '1.9', // 164 ÷ 8,475
    });
    expect(group(q2, 'A').flags).toEqual(['par30']);
    const q3 = view('2025-Q3');
    expect(indicators(q3, 'A')).toMatchObject({
      loansOutstandingCount: 0,
      par30: null, // nothing outstanding
      writtenOffCount: 1,
      writtenOffValue: '2000',
      loanFundUtilisation: '0.0', // 0 ÷ (6,475 − 1,400)
      // 75 − 2,000 = −1,925 over the 259 days from 15 January to 30 September: −1,925 × 365 ÷ 259 = −2,712.8 → −2,713.
      returnOnSavings: '-38.8', // −2,713 ÷ 7,000
      returnOnAssets: '-41.9', // −2,713 ÷ 6,475
    });
    expect(group(q3, 'A').flags).toEqual([]);
  });

  it('group B: the grant received, spent and unspent, the herd quarter by quarter, and the grant report overdue until a statement was exported', () => {
    // Unspent: 1,200,000 − 1,080,000 of animals (10 March) = 120,000 on 31 March; − 20,000 of vet care (1 April) = 100,000.
    const q1 = indicators(view('2025-Q1'), 'B');
    expect(q1).toMatchObject({
      members: 8, womenShare: '50.0', savings: '300000', savingsPerMember: '37500', attendanceRate: null,
      grantsReceived: '1200000', grantsUnspent: '120000', grantsSpent: '1080000',
      animalsAlive: 8, // three cows, four goats from the grant, one of the group's own
      returnOnSavings: '0.0', // no cycle in force: nothing counted
      loanFundUtilisation: '0.0', // box 255,000 + bank 120,000 − 120,000 unspent: no loans
    });
    expect(indicators(view('2025-Q2'), 'B')).toMatchObject({ grantsUnspent: '100000', grantsSpent: '1100000', animalsBorn: 1, animalsAlive: 9 }); // C-01's calf, 20 June
    expect(indicators(view('2025-Q3'), 'B')).toMatchObject({ animalsBorn: 1, animalsAlive: 10, grantReportsOverdue: 1 }); // C-02's calf; report due 30 September
    expect(indicators(view('2025-Q4'), 'B')).toMatchObject({ animalsDied: 1, animalsAlive: 9, grantReportsOverdue: 1 }); // G-03, 2 November
    const q1of2026 = view('2026-Q1');
    // G-02 sold for 65,000 on 20 January, back to the grant: unspent 165,000, spent net 1,035,000; the calf passed on 10 February.
    expect(indicators(q1of2026, 'B')).toMatchObject({
      animalsSold: 1, animalsPassedOn: 1, animalsAlive: 8, grantsUnspent: '165000', grantsSpent: '1035000',
      grantReportsOverdue: 0, // the grant-use statement exported on 1 March 2026 covers the 30 September report
    });
    // Assets on 1 March 2026: box 300,000 − 45,000 + 65,000 = 320,000; bank 100,000; livestock 1,125,000 − 50,000 (dead) − 50,000 (sold) = 1,025,000.
    expect(group(q1of2026, 'B').figures!.assets).toBe('1445000');
    expect(group(q1of2026, 'B')).toMatchObject({ partial: true, asOf: '2026-03-01', cycleNo: null, flags: [] });
  });

  it('group C: the member who left, the cash difference, and the quarters after its last file', () => {
    const q1 = view('2025-Q1');
    expect(indicators(q1, 'C')).toMatchObject({
      members: 2, womenShare: '100.0', membersLeft: 1, // Member 2 left on 20 March
      attendanceRate: '100.0', savings: '1000', // 1,500 − Member 2's 500 paid back
      returnOnSavings: '0.0',
    });
    expect(group(q1, 'C')).toMatchObject({ cycleNo: 1, cycleStart: '2025-02-01', cycleWeeks: 8 }); // 58 days into the cycle
    const q2 = view('2025-Q2');
    expect(indicators(q2, 'C')).toMatchObject({
      membersLeft: 0, attendanceRate: '100.0', savings: '2000', cashDifferences: 1,
      // −100 over the 140 days from 1 February to 20 June: −100 × 365 ÷ 140 = −260.7 → −261.
      returnOnSavings: '-13.1', // −261 ÷ 2,000 = −13.05, half away from zero
      returnOnAssets: '-13.7', // −261 ÷ 1,900
    });
    expect(group(q2, 'C')).toMatchObject({ partial: true, asOf: '2025-06-20' });
    // Flags: a cash difference in the quarter; no file since 2025-Q2, two quarters and more before 2026-Q1.
    expect(group(q2, 'C').flags).toEqual(['cashDifference', 'noImport']);
    const q3 = view('2025-Q3');
    expect(group(q3, 'C').figures).toBeNull();
    expect(group(q3, 'C').flags).toEqual(['noImport']);
  });

  it('adds the groups up quarter by quarter, ratios from the sums', () => {
    const v = view('2025-Q3');
    const trend = new Map(v.trend.map((t) => [t.quarter, indicatorsOf(t.figures)]));
    // 2025-Q1: A 4 members (2 women), B 8 (4), C 2 (2): 8 of 14 = 57.1 %; savings 7,000 + 300,000 + 1,000.
    expect(trend.get('2025-Q1')).toMatchObject({ groups: 3, members: 14, womenShare: '57.1', savings: '308000' });
    // 2025-Q3: C's books stop in June, so only A and B count.
    expect(trend.get('2025-Q3')).toMatchObject({ groups: 2, members: 12 });
    expect([...trend.keys()]).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    // A narrowed view: Huye only.
    const huye: ProgrammeView = c.ok('programme-view', { quarter: '2025-Q1', filter: { district: 'Huye' } });
    expect(huye.groups.map((g) => g.id)).toEqual([ids.A]);
    expect(indicatorsOf(huye.trend[0]!.figures)).toMatchObject({ groups: 1, members: 4, savings: '7000' });
  });

  it('flags a PAR 30 above the threshold the coordinator sets', () => {
    // A's PAR 30 in 2025-Q2 is 100.0 %: above the default 10 % and above 99.9 %; a threshold is a percentage the coordinator types.
    expect(group(c.ok('programme-view', { quarter: '2025-Q2', parThreshold: '99.9' }), 'A').flags).toContain('par30');
    const wrong = c.call('programme-view', { quarter: '2025-Q2', parThreshold: 'ten' });
    expect(wrong.ok || wrong.error.code).toBe('programme-threshold-invalid');
    const notQuarter = c.call('programme-view', { quarter: '2025-05' });
    expect(notQuarter.ok || notQuarter.error.code).toBe('programme-quarter-invalid');
  });
});
