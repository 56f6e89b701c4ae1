// Who is who in the herd (issue 17): the history names the animal and the member a
// change was about ("Death recorded — goat G-03 (keeper Ingabire Rose, no. 5)"), the
// register and the queue give each member's number beside the name, so two members
// called Uwase Claudine can be told apart — and no secret ever shows in the history.
// Worked on the district-grant fixture (members numbered 1 to 8 in its order).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KABEZA, tempLedger, type TestLedger } from '../helpers/ledger';
import { buildGrantFixture, type GrantFixture } from '../helpers/grant-fixture';

let t: TestLedger;
let a: string;
let f: GrantFixture;
let twin: string;
const SECRET_PIN = '4826';

beforeAll(() => {
  t = tempLedger();
  a = t.ok('association-create', { ...KABEZA }).id;
  t.signIn(a, KABEZA.treasurer.name);
  f = buildGrantFixture((name, input) => t.ok(name as never, input as never), a);
  // A second Uwase Claudine joins (no. 9), with a phone; cow C-02 moves to her.
  twin = t.ok('member-add', { associationId: a, fullName: 'Uwase Claudine', gender: 'female', phone: '0788 123 456', joinedOn: '2025-02-01' }).id;
  t.ok('livestock-transfer', { associationId: a, animalId: f.animals['C-02']!, date: '2026-02-15', toMemberId: twin });
  const chickens = t.ok('livestock-buy', {
    associationId: a, date: '2026-02-20', tag: 'K-01', species: 'chicken', sex: 'mixed', headCount: 50, keeperId: f.m.uwase, cost: '150,000', paidFrom: 'cash_box',
  });
  t.ok('livestock-death', { associationId: a, animalId: chickens.id, date: '2026-02-21', cause: 'Newcastle disease', headCount: 5 });
  t.ok('livestock-queue-add', { associationId: a, memberId: twin, date: '2026-02-22' });
  t.ok('user-create', { associationId: a, name: 'Officer Jean', role: 'officer', pin: SECRET_PIN });
});
afterAll(() => t?.cleanup());

const history = (locale: 'en' | 'fr' = 'en') => {
  const r = t.call('audit-list', { associationId: a, limit: 500 }, { locale });
  if (!r.ok) throw new Error(r.error.code);
  return r.value.rows as { command: string; about: string | null }[];
};
/** A member's number stays on the line of its "no." (a no-break space); read here as a plain space. */
const plain = (text: string | null) => text?.replace(/\u00a0/g, ' ') ?? null;
/** What the rows of one command were about, oldest first. */
const about = (command: string, locale: 'en' | 'fr' = 'en') => history(locale).filter((r) => r.command === command).map((r) => plain(r.about)).reverse();

describe('the history of changes', () => {
  it('names the animal and the member each livestock change was about, with the member’s number', () => {
    expect(about('livestock-death')).toEqual(['goat G-03 (keeper Ingabire Rose, no. 5)', '50 chickens K-01 (keeper Uwase Claudine, no. 1)']);
    expect(about('livestock-sale')).toEqual(['goat G-02 (keeper Nsengiyumva Paul, no. 4)']);
    expect(about('livestock-birth')).toEqual(['cow C-01 (keeper Uwase Claudine, no. 1)', 'cow C-02 (keeper Habimana Jean, no. 2)']);
    expect(about('livestock-care')).toEqual(['cow C-01 (keeper Uwase Claudine, no. 1)']);
    expect(about('livestock-pass-on')).toEqual(['cow C-01-1 to Uwimana Diane (no. 7)']);
    expect(about('livestock-buy').slice(0, 1)).toEqual(['cow C-01 (keeper Uwase Claudine, no. 1)']);
    expect(about('livestock-queue-add')).toEqual(['Uwase Claudine (no. 9)']);
    expect(about('member-add').slice(-1)).toEqual(['Uwase Claudine (no. 9)']);
  });

  it('tells the two Uwase Claudine apart', () => {
    expect(about('livestock-transfer')).toEqual(['cow C-02 to Uwase Claudine (no. 9)']);
  });

  it('says it in the reader’s language', () => {
    expect(about('livestock-death', 'fr')).toEqual(['chèvre G-03 (gardé par Ingabire Rose, n° 5)', '50 poules K-01 (gardé par Uwase Claudine, n° 1)']);
  });

  it('never shows a PIN', () => {
    const text = JSON.stringify(history());
    expect(text).not.toContain(SECRET_PIN);
    expect(history().find((r) => r.command === 'user-create')!.about).toBeNull();
  });

  it('carries the subject into the exported history', () => {
    const r = t.call('statement-get', { associationId: a, kind: 'history', from: '2020-01-01', asOf: '2030-12-31' });
    if (!r.ok) throw new Error(r.error.code);
    const what = (r.value.tables[0].rows as string[][]).map((row) => plain(row[2]!));
    expect(what).toContain('Death recorded — goat G-03 (keeper Ingabire Rose, no. 5)');
  });
});

describe('members in the herd and the queue', () => {
  it('gives each keeper’s number and phone beside the name', () => {
    const animals = t.ok('livestock-list', { associationId: a }).animals;
    const c01 = animals.find((x) => x.tag === 'C-01')!;
    const c02 = animals.find((x) => x.tag === 'C-02')!;
    expect([c01.keeperName, c01.keeperNo, c01.keeperPhone]).toEqual(['Uwase Claudine', 1, null]);
    expect([c02.keeperName, c02.keeperNo, c02.keeperPhone]).toEqual(['Uwase Claudine', 9, '0788 123 456']);
    const events = t.ok('livestock-get', { associationId: a, animalId: f.animals['C-02']! }).events;
    expect(events.at(-1)).toMatchObject({ kind: 'transfer', fromName: 'Habimana Jean', fromNo: 2, toName: 'Uwase Claudine', toNo: 9 });
    const tree = t.ok('livestock-tree', { associationId: a }).roots.find((n) => n.tag === 'C-02')!;
    expect(tree.keepers.map((k) => [k.name, k.memberNo])).toEqual([['Habimana Jean', 2], ['Uwase Claudine', 9]]);
  });

  it('numbers the members waiting in the queue', () => {
    expect(t.ok('livestock-queue-list', { associationId: a }).map((p) => [p.name, p.memberNo])).toEqual([['Uwase Claudine', 9]]);
  });
});
