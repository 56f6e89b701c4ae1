// The pass-on queue, worked on the district-grant fixture (C-01-1 already went to
// Uwimana on 10 February 2026, before anyone queued): first come, first served;
// passing someone over needs a reason on record; members who left are skipped;
// the queue can be read as it stood on any date.

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
  t.ok('livestock-queue-add', { associationId: a, memberId: f.m.ingabire, date: '2026-02-11' });
  t.ok('livestock-queue-add', { associationId: a, memberId: f.m.kalisa, date: '2026-02-12' });
  t.ok('livestock-queue-add', { associationId: a, memberId: f.m.mukeshimana, date: '2026-02-13', note: 'Asked at the meeting of 13 February' });
});
afterEach(() => t.cleanup());

const queue = (asOf?: string) => t.ok('livestock-queue-list', { associationId: a, ...(asOf ? { asOf } : {}) })
  .map((p) => [p.name, p.position, p.servedOn, p.animalTag, p.left]);

describe('the pass-on queue', () => {
  it('serves members in the order they joined it, skipping those who left', () => {
    expect(queue()).toEqual([
      ['Ingabire Rose', 1, null, null, false], ['Kalisa Samuel', 2, null, null, false], ['Mukeshimana Alice', 3, null, null, false],
    ]);
    const again = t.call('livestock-queue-add', { associationId: a, memberId: f.m.ingabire, date: '2026-02-14' });
    expect(again.ok ? null : again.error).toMatchObject({ code: 'queue-already-waiting', field: 'memberId' });

    // C-02's first female calf is born; it must go to Ingabire, first in the queue.
    const calf = t.ok('livestock-birth', { associationId: a, motherId: f.animals['C-02']!, date: '2026-02-15', offspring: [{ sex: 'female' }] }).offspring.at(-1)!;
    expect(calf.tag).toBe('C-02-2');
    const before = tableCounts(t);
    const outOfTurn = t.call('livestock-pass-on', { associationId: a, animalId: calf.id, date: '2026-02-16', toMemberId: f.m.kalisa });
    expect(outOfTurn.ok ? null : outOfTurn.error).toMatchObject({
      code: 'pass-on-out-of-turn', field: 'toMemberId',
      message: 'Next in the pass-on queue is Ingabire Rose. To pass the animal to someone else, write the reason in the note.',
    });
    expect(tableCounts(t)).toEqual(before);

    t.ok('member-exit', { associationId: a, memberId: f.m.kalisa, exitedOn: '2026-02-17', reason: 'Moved to Musanze' });
    t.ok('livestock-pass-on', { associationId: a, animalId: calf.id, date: '2026-02-20', toMemberId: f.m.ingabire });
    expect(queue()).toEqual([
      ['Ingabire Rose', null, '2026-02-20', 'C-02-2', false], ['Kalisa Samuel', null, null, null, true], ['Mukeshimana Alice', 1, null, null, false],
    ]);

    // Passing Mukeshimana over is allowed with the reason written down; she keeps her place.
    const next = t.ok('livestock-birth', { associationId: a, motherId: f.animals['C-03']!, date: '2026-02-21', offspring: [{ sex: 'female' }] }).offspring.at(-1)!;
    t.ok('livestock-pass-on', { associationId: a, animalId: next.id, date: '2026-02-22', toMemberId: f.m.uwase, note: 'Mukeshimana is ill; group decision of 22 February' });
    expect(queue().at(-1)).toEqual(['Mukeshimana Alice', 1, null, null, false]);
    expect(t.ok('livestock-get', { associationId: a, animalId: next.id }).events.at(-1)).toMatchObject({ kind: 'pass_on', note: 'Mukeshimana is ill; group decision of 22 February' });
  });

  it('reads the queue as it stood on an earlier date', () => {
    const calf = t.ok('livestock-birth', { associationId: a, motherId: f.animals['C-02']!, date: '2026-02-15', offspring: [{ sex: 'female' }] }).offspring.at(-1)!;
    t.ok('livestock-pass-on', { associationId: a, animalId: calf.id, date: '2026-02-20', toMemberId: f.m.ingabire });
    expect(queue('2026-02-12')).toEqual([['Ingabire Rose', 1, null, null, false], ['Kalisa Samuel', 2, null, null, false]]);
    expect(queue('2026-02-19').map((p) => p[1])).toEqual([1, 2, 3]);
    expect(queue('2026-02-20').map((p) => p[1])).toEqual([null, 1, 2]);
  });

  it('takes only members who are in the group on the day', () => {
    t.ok('member-exit', { associationId: a, memberId: f.m.niyonzima, exitedOn: '2026-02-01', reason: 'Left' });
    const r = t.call('livestock-queue-add', { associationId: a, memberId: f.m.niyonzima, date: '2026-02-14' });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'keeper-exited', field: 'memberId' });
  });
});
