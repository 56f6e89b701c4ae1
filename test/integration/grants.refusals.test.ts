// Bad input on grants and livestock: each refusal names what is wrong, points at the
// field, and leaves every table as it was. Starts from the district-grant fixture:
// 165,000 of the grant unspent, 100,000 in the bank, 320,000 in the box, 255,000 of
// it the group's own.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KABEZA, tableCounts, tempLedger, type TestLedger } from '../helpers/ledger';
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

/** Runs a command that must be refused; checks nothing changed; returns the error. */
function refused(name: string, input: Record<string, unknown>) {
  const before = tableCounts(t);
  const balances = t.ok('trial-balance-get', { associationId: a }).rows.map((r) => r.balance);
  const r = t.call(name, { associationId: a, ...input });
  if (r.ok) throw new Error(`${name} was accepted`);
  expect(tableCounts(t)).toEqual(before);
  expect(t.ok('trial-balance-get', { associationId: a }).rows.map((row) => row.balance)).toEqual(balances);
  return r.error as { code: string; field?: string; message: string; params: Record<string, string> };
}

const spaced = (s: string) => s.replace(/\s/gu, ' ');
const grantPart = (amount: string) => [{ grantId: f.grantId, amount }];
const buy = (more: Record<string, unknown>) => ({ date: '2026-02-20', tag: 'C-09', species: 'cow', sex: 'female', keeperId: f.m.uwase, paidFrom: 'cash_box', ...more });

describe('spending a grant', () => {
  it('refuses to spend more than is left of the grant', () => {
    const e = refused('livestock-buy', buy({ cost: '170,000', funds: grantPart('170,000') }));
    expect(e).toMatchObject({ code: 'grant-overspent', field: 'funds.0.amount' });
    expect(spaced(e.message)).toBe('That is more than is left of the grant Huye District (HUYE/AGR/2025/014): only 165,000 Frw is unspent. Nothing was recorded.');
    expect(refused('livestock-care', { animalId: f.animals['C-02'], date: '2026-02-20', description: 'Feed', amount: '165,001', paidFrom: 'cash_box', funds: grantPart('165,001') }))
      .toMatchObject({ code: 'grant-overspent' });
    expect(refused('grant-return', { grantId: f.grantId, date: '2026-02-20', amount: '165,001', paidFrom: 'cash_box' })).toMatchObject({ code: 'grant-overspent', field: 'amount' });
  });

  it('refuses to spend on what the grant was not given for', () => {
    expect(refused('spending-record', { date: '2026-02-20', kind: 'equipment', description: 'Milk cans', amount: '30,000', funds: grantPart('30,000') }))
      .toMatchObject({ code: 'grant-purpose-forbids', field: 'funds.0.grantId' });
    const training = t.ok('grant-create', { associationId: a, grantor: 'Tumba Sector', reference: 'TR-1', date: '2026-01-05', amount: '100,000', purpose: 'training', receivedInto: 'cash_box' });
    expect(refused('livestock-buy', buy({ cost: '80,000', funds: [{ grantId: training.id, amount: '80,000' }] }))).toMatchObject({ code: 'grant-purpose-forbids' });
    const capital = t.ok('grant-create', { associationId: a, grantor: 'NGO Twiyubake', reference: 'LC-7', date: '2026-01-05', amount: '50,000', purpose: 'loan_capital', receivedInto: 'cash_box' });
    expect(refused('spending-record', { date: '2026-02-20', kind: 'other', description: 'Party', amount: '10,000', funds: [{ grantId: capital.id, amount: '10,000' }] }))
      .toMatchObject({ code: 'grant-purpose-forbids' });
  });

  it('refuses grant money before it arrived, and cash that is not in the bank', () => {
    expect(refused('spending-record', { date: '2025-03-01', kind: 'livestock_care', description: 'Feed', amount: '1,000', paidFrom: 'cash_box', funds: grantPart('1,000') }))
      .toMatchObject({ code: 'grant-not-yet-received' });
    // 120,000 is within the grant (165,000 unspent) but the bank holds 100,000.
    expect(refused('livestock-care', { animalId: f.animals['C-02'], date: '2026-02-20', description: 'Feed', amount: '120,000', paidFrom: 'bank', funds: grantPart('120,000') }))
      .toMatchObject({ code: 'bank-short', field: 'paidFrom' });
  });

  it('refuses to let the group use grant money as its own', () => {
    // The group's own money is 255,000; the box holds 320,000.
    const e = refused('livestock-buy', buy({ cost: '256,000' }));
    expect(e).toMatchObject({ code: 'cash-held-for-grants', field: 'funds.0.amount' });
    // Paying out a leaving member's savings: after the group spends 200,000 of its own, 55,000 is left.
    t.ok('livestock-buy', { associationId: a, ...buy({ cost: '200,000' }) } as never);
    expect(refused('member-exit', { memberId: f.m.uwase, exitedOn: '2026-02-25', reason: 'Moved to Kigali' })).toMatchObject({ code: 'cash-held-for-grants' });
  });

  it('refuses funds that do not add up, or name the same fund twice', () => {
    expect(refused('livestock-buy', buy({ cost: '100,000', funds: [{ grantId: f.grantId, amount: '60,000' }, { grantId: null, amount: '30,000' }] })))
      .toMatchObject({ code: 'spending-parts-sum', field: 'funds' });
    expect(refused('livestock-buy', buy({ cost: '100,000', funds: [{ grantId: f.grantId, amount: '50,000' }, { grantId: f.grantId, amount: '50,000' }] })))
      .toMatchObject({ code: 'spending-fund-twice', field: 'funds.1' });
  });
});

describe('events in the register', () => {
  it('refuses anything for a dead or sold animal', () => {
    const dead = refused('livestock-care', { animalId: f.animals['G-03'], date: '2026-02-20', description: 'Vet', amount: '5,000' });
    expect(dead).toMatchObject({ code: 'animal-dead', field: 'animalId', message: 'G-03 died on 2025-11-02: nothing more can be recorded for it.' });
    expect(refused('livestock-sale', { animalId: f.animals['G-03'], date: '2026-02-20', proceeds: '10,000' })).toMatchObject({ code: 'animal-dead' });
    expect(refused('livestock-transfer', { animalId: f.animals['G-02'], date: '2026-02-20', toMemberId: f.m.kalisa })).toMatchObject({ code: 'animal-sold', field: 'animalId' });
    expect(refused('livestock-death', { animalId: f.animals['G-02'], date: '2026-02-20', cause: 'Unknown' })).toMatchObject({ code: 'animal-sold' });
  });

  it('refuses a birth to a male', () => {
    expect(refused('livestock-birth', { motherId: f.animals['G-05'], date: '2026-02-20', offspring: [{ sex: 'female' }] }))
      .toMatchObject({ code: 'birth-to-male', field: 'motherId', message: 'G-05 is male: a birth can only be recorded for a female.' });
    expect(refused('livestock-birth', { motherId: f.animals['C-02-1'], date: '2026-02-20', offspring: [{ sex: 'male' }] })).toMatchObject({ code: 'birth-to-male' });
    expect(refused('livestock-birth', { motherId: f.animals['G-02'], date: '2026-02-20', offspring: [{ sex: 'male' }] })).toMatchObject({ code: 'animal-sold', field: 'motherId' });
  });

  it('refuses a pass-on to a member who has left, and one against the group’s rule', () => {
    t.ok('member-exit', { associationId: a, memberId: f.m.kalisa, exitedOn: '2026-02-01', reason: 'Moved away' });
    const calf = t.ok('livestock-birth', { associationId: a, motherId: f.animals['C-03']!, date: '2026-02-15', offspring: [{ sex: 'female' }] }).offspring[0]!;
    expect(refused('livestock-pass-on', { animalId: calf.id, date: '2026-02-20', toMemberId: f.m.kalisa }))
      .toMatchObject({ code: 'pass-on-to-exited', field: 'toMemberId', message: 'Kalisa Samuel has left the group: an animal cannot be passed on to them. Nothing was recorded.' });
    // The rule: a cow's first female offspring, once. C-03 itself was bought; C-01 has given C-01-1 already.
    expect(refused('livestock-pass-on', { animalId: f.animals['C-03'], date: '2026-02-20', toMemberId: f.m.ingabire })).toMatchObject({ code: 'pass-on-offspring-only' });
    const second = t.ok('livestock-birth', { associationId: a, motherId: f.animals['C-01']!, date: '2026-02-16', offspring: [{ sex: 'female' }] }).offspring.at(-1)!;
    expect(second.tag).toBe('C-01-2');
    expect(refused('livestock-pass-on', { animalId: second.id, date: '2026-02-20', toMemberId: f.m.ingabire }))
      .toMatchObject({ code: 'pass-on-already-given', params: { tag: 'C-01', offspring: 'C-01-1' } });
    expect(refused('livestock-pass-on', { animalId: calf.id, date: '2026-02-20', toMemberId: f.m.mukeshimana })).toMatchObject({ code: 'keeper-same' });
    // Under the rule "the animal itself", the bought cow may go on.
    t.ok('livestock-rules-set', { associationId: a, passOn: 'animal_itself' });
    expect(t.ok('livestock-pass-on', { associationId: a, animalId: f.animals['C-03']!, date: '2026-02-20', toMemberId: f.m.ingabire })).toMatchObject({ keeperName: 'Ingabire Rose', passedOn: true });
  });

  it('refuses dates out of order, taken tags and keepers who cannot keep', () => {
    expect(refused('livestock-death', { animalId: f.animals['C-01'], date: '2025-05-01', cause: 'Snake' })).toMatchObject({ code: 'animal-date-before', field: 'date', params: { date: '2025-06-20' } });
    expect(refused('livestock-buy', buy({ tag: 'G-01', cost: '10,000' }))).toMatchObject({ code: 'animal-tag-taken', field: 'tag' });
    expect(refused('livestock-birth', { motherId: f.animals['C-02'], date: '2026-02-20', offspring: [{ sex: 'female', tag: 'C-01' }] })).toMatchObject({ code: 'animal-tag-taken', field: 'offspring.0.tag' });
    expect(refused('livestock-buy', buy({ cost: '10,000', date: '2099-01-01' }))).toMatchObject({ code: 'date-in-future' });
    t.ok('member-exit', { associationId: a, memberId: f.m.kalisa, exitedOn: '2026-02-01', reason: 'Moved away' });
    expect(refused('livestock-buy', buy({ cost: '10,000', keeperId: f.m.kalisa }))).toMatchObject({ code: 'keeper-exited', field: 'keeperId' });
    expect(refused('livestock-buy', buy({ cost: '10,000', sex: 'mixed' }))).toMatchObject({ code: 'sex-mixed-batch-only', field: 'sex' });
    expect(refused('livestock-sale', { animalId: f.animals['G-01'], date: '2026-02-20', proceeds: '0' })).toMatchObject({ field: 'proceeds' });
  });
});

describe('the journal by hand', () => {
  it('cannot touch a grant’s fund, the grant money used or the livestock account, nor undo an entry a record made', () => {
    for (const account of ['2101', '3020', '1200']) {
      const e = refused('journal-entry-post', { date: '2026-02-20', memo: 'By hand', lines: [{ account, debit: '1,000' }, { account: '1010', credit: '1,000' }] });
      expect(e).toMatchObject({ code: 'account-kept-by-records', field: 'lines.0.account', params: { code: account } });
    }
    const entries = t.ok('journal-entry-list', { associationId: a, limit: 1000 });
    const sale = entries.find((x) => x.kind === 'livestock-sale')!;
    expect(refused('journal-entry-reverse', { entryId: sale.id, reason: 'Undo' })).toMatchObject({ code: 'entry-kept-by-record', field: 'entryId' });
    const grantReceipt = entries.find((x) => x.kind === 'grant-receipt')!;
    expect(refused('journal-entry-reverse', { entryId: grantReceipt.id, reason: 'Undo' })).toMatchObject({ code: 'entry-kept-by-record' });
  });
});

describe('evidence', () => {
  it('keeps only photos and PDFs, not too large, not twice', () => {
    const text = Buffer.from('just some notes').toString('base64');
    expect(refused('evidence-attach', { spendingId: f.vetSpendingId, fileName: 'notes.pdf', contentBase64: text })).toMatchObject({ code: 'evidence-type' });
    expect(refused('evidence-attach', { spendingId: f.vetSpendingId, fileName: 'x.png', contentBase64: 'not base64!' })).toMatchObject({ code: 'evidence-unreadable' });
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0);
    Buffer.from('%PDF-').copy(big);
    expect(refused('evidence-attach', { spendingId: f.vetSpendingId, fileName: 'big.pdf', contentBase64: big.toString('base64') })).toMatchObject({ code: 'evidence-too-large' });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64');
    t.ok('evidence-attach', { associationId: a, spendingId: f.vetSpendingId, fileName: 'receipt.png', contentBase64: png });
    expect(refused('evidence-attach', { spendingId: f.vetSpendingId, fileName: 'again.png', contentBase64: png })).toMatchObject({ code: 'evidence-duplicate' });
  });

  it('cannot be changed or removed once kept (the database refuses)', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9]).toString('base64');
    t.ok('evidence-attach', { associationId: a, spendingId: f.vetSpendingId, fileName: 'receipt.png', contentBase64: png });
    const db = t.server.ledger.sqlite;
    expect(() => db.prepare("UPDATE evidence SET file_name = 'other.png'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM animal_events').run()).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE animals SET cost = 0').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM grants').run()).toThrow(/append-only/);
  });
});
