// Batches of poultry (and rabbits): part of a batch dies or is sold. Worked on the
// district-grant fixture: the grant has 165,000 unspent, the box 320,000; livestock
// stands at 1,025,000, gains at 15,000 and losses at 50,000.
//
// 50 chickens for 150,000 from the grant (3,000 a head). 5 die: 150,000 × 5/50 =
// 15,000 written off. 20 sold for 90,000: cost 135,000 × 20/45 = 60,000, gain 30,000,
// the 90,000 back to the grant. 26 more cannot be sold (25 are left); the 25 die:
// the 75,000 left is written off, exactly.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KABEZA, tempLedger, type TestLedger } from '../helpers/ledger';
import { buildGrantFixture, type GrantFixture } from '../helpers/grant-fixture';

let t: TestLedger;
let a: string;
let f: GrantFixture;

beforeEach(() => {
  t = tempLedger();
  a = t.ok('association-create', { ...KABEZA }).id;
  t.signIn(a, KABEZA.treasurer.name);
  f = buildGrantFixture((name, input) => t.ok(name as never, input as never), a);
});
afterEach(() => t.cleanup());

const balance = (account: string) => t.ok('account-balance-get', { associationId: a, account }).balance;

describe('a batch of chickens', () => {
  it('loses and sells some head, each carrying its share of the cost', () => {
    const batch = t.ok('livestock-buy', {
      associationId: a, date: '2026-02-20', tag: 'K-01', species: 'chicken', sex: 'mixed', headCount: 50, keeperId: f.m.ingabire,
      cost: '150,000', paidFrom: 'cash_box', funds: [{ grantId: f.grantId, amount: '150,000' }],
    });
    expect(batch).toMatchObject({ headCount: 50, heads: 50 });
    expect(balance('2101')).toBe('-15000');

    const afterDeaths = t.ok('livestock-death', { associationId: a, animalId: batch.id, date: '2026-02-21', cause: 'Newcastle disease', headCount: 5 });
    expect(afterDeaths).toMatchObject({ status: 'alive', heads: 45 });
    expect(balance('5050')).toBe('65000');
    expect(balance('1200')).toBe('1160000'); // 1,025,000 + 150,000 − 15,000
    expect(t.ok('livestock-list', { associationId: a }).headsBySpecies).toContainEqual({ species: 'chicken', heads: 45 });

    t.ok('livestock-sale', { associationId: a, animalId: batch.id, date: '2026-02-22', proceeds: '90,000', headCount: 20, buyer: 'Huye market' });
    expect(balance('4050')).toBe('-45000'); // 15,000 + 30,000
    expect(balance('1200')).toBe('1100000'); // − 60,000
    expect(balance('2101')).toBe('-105000'); // 15,000 + 90,000 back

    const tooMany = t.call('livestock-sale', { associationId: a, animalId: batch.id, date: '2026-02-23', proceeds: '1,000', headCount: 26 });
    expect(tooMany.ok ? null : tooMany.error).toMatchObject({ code: 'batch-count-above', field: 'headCount', params: { heads: 25 }, message: 'Only 25 head of K-01 are left.' });

    const end = t.ok('livestock-death', { associationId: a, animalId: batch.id, date: '2026-02-24', cause: 'Fox' });
    expect(end).toMatchObject({ status: 'dead', heads: 0, saleProceeds: '90000' });
    expect(balance('5050')).toBe('140000'); // 65,000 + 75,000
    expect(balance('1200')).toBe('1025000');

    const s = t.ok('grant-statement', { associationId: a, grantId: f.grantId, asOf: '2026-02-28' });
    expect(s.animals.find((n) => n.tag === 'K-01')).toMatchObject({ grantCost: '150000', grantProceeds: '90000', status: 'dead' });
    expect(s).toMatchObject({ unspent: '105000', unspentInJournal: '105000' });
    // As of the day of the sale, 25 were alive and the home screen counted them.
    expect(t.ok('livestock-get', { associationId: a, animalId: batch.id, asOf: '2026-02-22' })).toMatchObject({ status: 'alive', heads: 25 });
    expect(t.ok('association-summary-get', { associationId: a, asOf: '2026-02-22' }).livestockHeads).toBe(8 + 25);
  });

  it('rounds each share half-up and lets the last head take what is left', () => {
    // 3 rabbits for 10,000: 10,000 × 1/3 = 3,333.33 → 3,333; then 6,667 × 1/2 = 3,333.5 → 3,334; the last 3,333.
    const rabbits = t.ok('livestock-buy', {
      associationId: a, date: '2026-02-20', tag: 'R-01', species: 'rabbit', sex: 'mixed', headCount: 3, keeperId: f.m.uwase, cost: '10,000', paidFrom: 'cash_box',
    });
    const losses = [balance('5050')];
    for (const day of ['2026-02-21', '2026-02-22', '2026-02-23']) {
      t.ok('livestock-death', { associationId: a, animalId: rabbits.id, date: day, cause: 'Cold', headCount: 1 });
      losses.push(balance('5050'));
    }
    expect(losses.map(Number)).toEqual([50_000, 53_333, 56_667, 60_000]);
    expect(t.ok('livestock-get', { associationId: a, animalId: rabbits.id })).toMatchObject({ status: 'dead', heads: 0 });
  });

  it('refuses a part count for a single animal beyond one', () => {
    const r = t.call('livestock-death', { associationId: a, animalId: f.animals['G-01']!, date: '2026-02-20', cause: 'x', headCount: 2 });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'batch-count-above', params: { heads: 1 } });
  });
});
