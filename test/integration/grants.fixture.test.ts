// The district grant worked by hand (test/helpers/grant-fixture.ts tells the story).
//
// Grant 1,200,000 into the bank. Bought with it on 10 March 2025, paid from the bank:
//   C-01 300,000 · C-02 300,000 · C-03 280,000 · G-01..G-04 4 × 50,000 = 1,080,000.
// Vet bill for C-01 from the grant, from the bank: 20,000.  Spent: 1,100,000.
// G-05 bought by the group from the cash box: 45,000.
// G-03 died (cost 50,000 written off). G-02 sold for 65,000 into the box: cost
// 50,000, gain 15,000; the whole 65,000 goes back to the grant, which paid for it.
// Calves C-01-1 (female, passed on to Uwimana) and C-02-1 (male), cost 0.
//
// Grant fund (2101), credit: 1,200,000 − 1,100,000 + 65,000          = 165,000
// Grant money used (3020), credit: 1,100,000 − 65,000               = 1,035,000
// Livestock (1200): 1,080,000 + 45,000 − 50,000 (sold) − 50,000 (dead) = 1,025,000
// Bank (1020): 1,200,000 − 1,080,000 − 20,000                        = 100,000
// Cash box (1010): 300,000 − 45,000 + 65,000                          = 320,000
// The group's own money (box + bank − unspent grant): 420,000 − 165,000 = 255,000
//   (= 300,000 saved − 45,000 for G-05)
// Gains 4050: 15,000 · losses 5050: 50,000 · vet and feed 5060: 20,000.

import { createHash } from 'node:crypto';
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
// Every command kept the seal current row by row: it matches the books read whole
// (after-hooks run last-registered first, so this runs before the cleanup above).
afterEach(() => {
  if (t) expect(t.server.checkFully().problems).toEqual([]);
});

const balance = (account: string, asOf?: string) => t.ok('account-balance-get', { associationId: a, account, ...(asOf ? { asOf } : {}) }).balance;

describe('the district grant, as of 1 March 2026', () => {
  it('leaves the funds and the livestock account where the hand-worked figures say', () => {
    expect(balance('2101')).toBe('-165000');
    expect(balance('3020')).toBe('-1035000');
    expect(balance('1200')).toBe('1025000');
    expect(balance('1020')).toBe('100000');
    expect(balance('1010')).toBe('320000');
    expect(balance('4050')).toBe('-15000');
    expect(balance('5050')).toBe('50000');
    expect(balance('5060')).toBe('20000');
    const tb = t.ok('trial-balance-get', { associationId: a });
    expect(tb.difference).toBe('0');
    expect(t.ok('journal-chain-verify', { associationId: a })).toMatchObject({ ok: true });
  });

  it('knows the group’s own money apart from the grant’s', () => {
    // Home: 8 bought + 2 calves − G-02 (sold) − G-03 (dead) = 8 animals alive.
    expect(t.ok('association-summary-get', { associationId: a })).toMatchObject({ grantsUnspent: '165000', groupCash: '255000', livestockHeads: 8, cashBox: '320000', bank: '100000' });
    // By kind, never added across kinds: C-01, C-02, C-03 and their two calves; G-01, G-04 and the group's G-05.
    expect(t.ok('association-summary-get', { associationId: a }).livestockByKind).toEqual([{ species: 'cow', heads: 5 }, { species: 'goat', heads: 3 }]);
    // Reports due 30 Sep 2025 and 31 Mar 2026: on 1 March 2026 the second is within 30 days; on 1 Feb 2026 neither is.
    expect(t.ok('association-summary-get', { associationId: a }).reportsDue).toEqual([{ grant: 'Huye District (HUYE/AGR/2025/014)', date: '2026-03-31' }]);
    expect(t.ok('association-summary-get', { associationId: a, asOf: '2026-02-01' }).reportsDue).toEqual([]);
    const [grant] = t.ok('grant-list', { associationId: a });
    expect(grant).toMatchObject({ label: 'Huye District (HUYE/AGR/2025/014)', unspent: '165000', spent: '1100000', accountCode: '2101' });
    // The card adds up: 1,200,000 received − 1,100,000 spent + 65,000 back from G-02's sale − 0 handed back = 165,000.
    expect(grant).toMatchObject({ cameBack: '65000', returned: '0' });
    // 320,000 + 100,000 − 165,000 = 255,000 is the group's; a loan of 255,001 would eat grant money.
    const uwase = f.m.uwase;
    t.ok('cycle-create', {
      associationId: a, name: 'Cycle 2026', startsOn: '2026-01-01', endsOn: '2026-12-31',
      rules: { savingMode: 'savings', loanMethod: 'flat', loanMonthlyRatePercent: '2', loanFrequency: 'monthly', loanMaxInstalments: 12, loanMaxMultiple: '3', loanLatePenalty: '0' },
    });
    const loan = t.ok('loan-apply', { associationId: a, memberId: uwase, principal: '255,001', instalments: 6, date: '2026-02-20', purpose: 'Shop' });
    t.ok('loan-approve', { associationId: a, loanId: loan.id, date: '2026-02-20' });
    const refused = t.call('loan-disburse', { associationId: a, loanId: loan.id, date: '2026-02-20' });
    if (refused.ok) throw new Error('a loan paid with grant money was allowed');
    const spaced = (s: unknown) => String(s).replace(/\s/gu, ' '); // amounts are written with a no-break space before "Frw"
    expect(refused.error.code).toBe('cash-held-for-grants');
    expect([spaced(refused.error.params.free), spaced(refused.error.params.held)]).toEqual(['255,000 Frw', '165,000 Frw']);
    expect(spaced(refused.error.message)).toContain('only 255,000 Frw is the group');
    expect(balance('1010')).toBe('320000');
  });

  it('writes the officer’s statement from the fixture', () => {
    const s = t.ok('grant-statement', { associationId: a, grantId: f.grantId, asOf: '2026-03-01' });
    expect(s).toMatchObject({ received: '1200000', spent: '1100000', backFromSales: '65000', returned: '0', unspent: '165000', unspentInJournal: '165000', nextReportDue: '2026-03-31' });
    expect(s.spentByKind).toEqual([{ kind: 'livestock_purchase', amount: '1080000' }, { kind: 'livestock_care', amount: '20000' }]);
    expect(s.spendings.map((r) => [r.date, r.animalTag, r.fromGrant])).toEqual([
      ['2025-03-10', 'C-01', '300000'], ['2025-03-10', 'C-02', '300000'], ['2025-03-10', 'C-03', '280000'],
      ['2025-03-10', 'G-01', '50000'], ['2025-03-10', 'G-02', '50000'], ['2025-03-10', 'G-03', '50000'], ['2025-03-10', 'G-04', '50000'],
      ['2025-04-01', 'C-01', '20000'],
    ]);
    // The group's goat G-05 is not the grant's.
    const rows = s.animals.map((n) => [n.tag, n.status, n.keeperName, n.grantCost, n.grantProceeds, n.children.map((c) => [c.tag, c.status, c.keeperName, c.passedOn])]);
    expect(rows).toEqual([
      ['C-01', 'alive', 'Uwase Claudine', '300000', null, [['C-01-1', 'alive', 'Uwimana Diane', true]]],
      ['C-02', 'alive', 'Habimana Jean', '300000', null, [['C-02-1', 'alive', 'Habimana Jean', false]]],
      ['C-03', 'alive', 'Mukeshimana Alice', '280000', null, []],
      ['G-01', 'alive', 'Nsengiyumva Paul', '50000', null, []],
      ['G-02', 'sold', 'Nsengiyumva Paul', '50000', '65000', []],
      ['G-03', 'dead', 'Ingabire Rose', '50000', null, []],
      ['G-04', 'alive', 'Ingabire Rose', '50000', null, []],
    ]);
    expect(s.animals.find((n) => n.tag === 'G-03')!.deathCause).toBe('Heartwater (tick fever)');
    expect(s.animals[0]!.children[0]!.keepers.map((k) => [k.name, k.since, k.how])).toEqual([
      ['Uwase Claudine', '2025-06-20', 'birth'], ['Uwimana Diane', '2026-02-10', 'pass_on'],
    ]);
    expect(s.herd).toEqual({ alive: 7, sold: 1, dead: 1, passedOn: 1 });
  });

  it('reproduces the statement as it stood on an earlier date', () => {
    // 31 October 2025: both calves born (20 June, 5 August); no death, sale or pass-on yet.
    const s = t.ok('grant-statement', { associationId: a, grantId: f.grantId, asOf: '2025-10-31' });
    expect(s).toMatchObject({ spent: '1100000', backFromSales: '0', unspent: '100000', unspentInJournal: '100000', nextReportDue: '2026-03-31' });
    expect(s.herd).toEqual({ alive: 9, sold: 0, dead: 0, passedOn: 0 });
    expect(s.animals[0]!.children[0]).toMatchObject({ tag: 'C-01-1', keeperName: 'Uwase Claudine', passedOn: false });
    expect(balance('2101', '2025-10-31')).toBe('-100000');
    // Before the grant arrived, nothing.
    const before = t.ok('grant-statement', { associationId: a, grantId: f.grantId, asOf: '2025-03-01' });
    expect(before).toMatchObject({ received: '0', spent: '0', unspent: '0', unspentInJournal: '0', animals: [] });
  });

  it('keeps receipts inside the ledger with their SHA-256, and they travel with the file', () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const expected = createHash('sha256').update(pdf).digest('hex');
    const kept = t.ok('evidence-attach', { associationId: a, spendingId: f.vetSpendingId, fileName: 'vet-receipt.pdf', contentBase64: pdf.toString('base64') });
    expect(kept).toMatchObject({ mediaType: 'application/pdf', byteSize: pdf.length, sha256: expected });
    t.reopen();
    const back = t.ok('evidence-get', { associationId: a, evidenceId: kept.id });
    expect(Buffer.from(back.contentBase64, 'base64').equals(pdf)).toBe(true);
    expect(back.intact).toBe(true);
    const s = t.ok('grant-statement', { associationId: a, grantId: f.grantId, asOf: '2026-03-01' });
    expect(s.spendings.at(-1)!.evidence).toEqual([{ id: kept.id, fileName: 'vet-receipt.pdf', mediaType: 'application/pdf', byteSize: pdf.length, sha256: expected }]);
  });

  it('shows the register and one animal’s history', () => {
    const list = t.ok('livestock-list', { associationId: a });
    expect(list.animals).toHaveLength(10);
    expect(list.passOn).toBe('first_female_offspring');
    // Alive: C-01, C-01-1, C-02, C-02-1, C-03 (5 cows); G-01, G-04, G-05 (3 goats).
    expect(list.headsBySpecies).toEqual([{ species: 'cow', heads: 5 }, { species: 'goat', heads: 3 }]);
    // Cost still carried: 300,000 + 300,000 + 280,000 + 2 × 50,000 (G-01, G-04) + 45,000 (G-05) + 0 (calves) = 1,025,000 = account 1200.
    expect([list.costHeld, list.costInJournal]).toEqual(['1025000', '1025000']);
    expect(list.animals.find((x) => x.tag === 'G-05')).toMatchObject({ funding: [{ grantId: null, label: null, cost: '45000' }], keeperName: 'Niyonzima Eric' });
    const calf = t.ok('livestock-get', { associationId: a, animalId: f.animals['C-01-1']! });
    expect(calf).toMatchObject({ motherTag: 'C-01', origin: 'birth', cost: '0', funding: [{ grantId: f.grantId, cost: '0' }] });
    expect(calf.events.map((e) => [e.kind, e.date, e.fromName, e.toName])).toEqual([
      ['birth', '2025-06-20', null, 'Uwase Claudine'], ['pass_on', '2026-02-10', 'Uwase Claudine', 'Uwimana Diane'],
    ]);
    const cow = t.ok('livestock-get', { associationId: a, animalId: f.animals['C-01']! });
    expect(cow.events.map((e) => e.kind)).toEqual(['purchase', 'care', 'offspring']);
    expect(cow.offspring.map((o) => o.tag)).toEqual(['C-01-1']);
  });
});

describe('an animal paid partly by the grant and partly by the group', () => {
  it('splits what it fetches by what each paid (largest remainder), and records the gain once', () => {
    // Cost 100,000 = 60,000 grant + 40,000 group (box). Sold for 150,001:
    // 150,001 × 60 % = 90,000.6 and × 40 % = 60,000.4 → 90,000 + 60,000, the franc left
    // goes to the larger remainder (the grant): 90,001 back to the grant; gain 50,001.
    const cow = t.ok('livestock-buy', {
      associationId: a, date: '2026-02-20', tag: 'C-10', species: 'cow', sex: 'female', keeperId: f.m.uwimana, cost: '100,000', paidFrom: 'cash_box',
      funds: [{ grantId: f.grantId, amount: '60,000' }, { grantId: null, amount: '40,000' }],
    });
    expect(cow.funding.map((x) => [x.label, x.cost])).toEqual([['Huye District (HUYE/AGR/2025/014)', '60000'], [null, '40000']]);
    expect(balance('2101')).toBe('-105000'); // 165,000 − 60,000
    t.ok('livestock-sale', { associationId: a, animalId: cow.id, date: '2026-02-27', proceeds: '150,001', paidInto: 'cash_box' });
    expect(balance('2101')).toBe('-195001'); // 105,000 + 90,001
    expect(balance('4050')).toBe('-65001'); // 15,000 + 50,001
    expect(balance('1200')).toBe('1025000'); // back where it was
    expect(balance('1010')).toBe('370001'); // 320,000 − 100,000 + 150,001
    const s = t.ok('grant-statement', { associationId: a, grantId: f.grantId, asOf: '2026-02-28' });
    expect(s.animals.find((n) => n.tag === 'C-10')).toMatchObject({ grantCost: '60000', grantProceeds: '90001', status: 'sold' });
    expect(s).toMatchObject({ spent: '1160000', backFromSales: '155001', unspent: '195001', unspentInJournal: '195001' });
  });
});

describe('an animal the group had before these books', () => {
  it('enters the register at its value as the group’s own, with no money moving', () => {
    const before = t.ok('spending-list', { associationId: a }).length;
    const cow = t.ok('livestock-buy', {
      associationId: a, date: '2025-01-10', tag: 'C-00', species: 'cow', sex: 'female', keeperId: f.m.kalisa, cost: '250,000', paidFrom: 'owned_before',
    });
    expect(cow).toMatchObject({ origin: 'opening', cost: '250000', keeperName: 'Kalisa Samuel' });
    expect(cow.events.map((e) => [e.kind, e.toName])).toEqual([['opening', 'Kalisa Samuel']]);
    expect(balance('1200')).toBe('1275000'); // 1,025,000 + 250,000
    expect(balance('3010')).toBe('-250000');
    expect(balance('1010')).toBe('320000');
    expect(t.ok('spending-list', { associationId: a })).toHaveLength(before);
    const list = t.ok('livestock-list', { associationId: a });
    expect([list.costHeld, list.costInJournal]).toEqual(['1275000', '1275000']);
    const withGrant = t.call('livestock-buy', {
      associationId: a, date: '2025-01-10', tag: 'C-0X', species: 'cow', sex: 'female', keeperId: f.m.kalisa, cost: '1,000', paidFrom: 'owned_before',
      funds: [{ grantId: f.grantId, amount: '1,000' }],
    });
    expect(withGrant.ok ? null : withGrant.error).toMatchObject({ code: 'opening-group-only', field: 'funds' });
  });
});
