// Places by each country's own levels (issue 18): a Burundian, a Congolese and a
// Liberian association are made with their levels, their first level from the
// country's list and their currency; a level the country does not have, a name not in
// the list, a missing level and an unknown country are refused in words and change
// nothing; the statements write the place with the country's own levels.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KABEZA, tableCounts, tempLedger, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
beforeEach(() => {
  t = tempLedger();
});
afterEach(() => t.cleanup());

const treasurer = { name: 'Ndayishimiye Claude', pin: '4826' };
const BURUNDI = { name: 'Twiteze imbere Kibimba', country: 'BI', province: 'Gitega', district: 'Gitega', sector: 'Mubuga', village: 'Kibimba', currency: 'BIF', language: 'rn', foundedOn: '2025-03-01', treasurer } as const;
const KIVU = { name: 'Tujikaze Katana', country: 'CD', province: 'Sud-Kivu', district: 'Kabare', sector: 'Bugorhe', cell: 'Irhambi', village: 'Katana', currency: 'CDF', language: 'sw', foundedOn: '2025-03-01', treasurer } as const;
const BONG = { name: 'Gbarnga Savers', country: 'LR', province: 'Bong', district: 'Panta', sector: 'Kpaai', village: 'Gbarnga', currency: 'LRD', language: 'en', foundedOn: '2025-03-01', treasurer } as const;

describe('places by country', () => {
  it('makes associations in Burundi, the DRC and Liberia with their own levels, and writes their places in statements', () => {
    const bi = t.ok('association-create', BURUNDI);
    expect([bi.country, bi.province, bi.district, bi.sector, bi.cell, bi.village, bi.currency]).toEqual(['BI', 'Gitega', 'Gitega', 'Mubuga', '', 'Kibimba', 'BIF']);
    t.signIn(bi.id, treasurer.name, treasurer.pin);
    const statement = t.ok('statement-get', { associationId: bi.id, kind: 'trial-balance', asOf: '2025-06-30' });
    // Smallest first, no empty cell between the colline and the zone.
    expect(statement.association.place).toBe('Kibimba, Mubuga, Gitega, Gitega');
  });

  it('takes the DRC’s five levels and Liberia’s four', () => {
    const cd = t.ok('association-create', KIVU);
    expect([cd.province, cd.district, cd.sector, cd.cell, cd.village]).toEqual(['Sud-Kivu', 'Kabare', 'Bugorhe', 'Irhambi', 'Katana']);

  });

  it('refuses, in words and changing nothing, what the country’s places do not have', () => {
    const before = tableCounts(t);
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ ...BURUNDI, cell: 'Akagari' }, 'place-not-used', 'cell'],
      [{ ...BURUNDI, province: 'Atlantis' }, 'place-not-in-list', 'province'],
      [{ ...BURUNDI, village: '' }, 'field-required', 'village'],
      [{ ...KIVU, cell: '  ' }, 'field-required', 'cell'],
      [{ ...KIVU, province: 'Kivu' }, 'place-not-in-list', 'province'],
      [{ ...BONG, province: 'Montserado' }, 'place-not-in-list', 'province'],
      [{ ...KABEZA, district: 'Gasabo' }, 'place-not-in-list', 'district'],
      [{ ...BURUNDI, country: 'KE' }, 'country-unknown', 'country'],
    ];
    for (const [input, code, field] of refusals) {
      const r = t.call('association-create', input as never);
      expect(r.ok ? 'created' : [r.error.code, r.error.field], JSON.stringify(input)).toEqual([code, field]);
    }
    const named = t.call('association-create', { ...BURUNDI, province: 'Atlantis' });
    expect(named.ok ? '' : named.error.message).toBe('“Atlantis” is not in the list: choose from it.');
    expect(tableCounts(t)).toEqual(before);
  });

  it('takes a province typed with a combining accent as the listed one, and refuses broken text', () => {
    const lonely = t.call('association-create', { ...KIVU, province: 'Sud-Kivu\ud800' });
    expect(lonely.ok ? 'created' : lonely.error.code).toBe('text-invalid');
    // Inputs are put in NFC before any check: "E" and a combining acute are "É".
    expect(t.ok('association-create', { ...KIVU, province: 'E\u0301quateur' }).province).toBe('\u00c9quateur');
  });

  it('keeps books made before the 2025 reform in one of Burundi’s former provinces', () => {
    expect(t.ok('association-create', { ...BURUNDI, province: 'Kayanza' }).province).toBe('Kayanza');
  });

  it('corrects a place by the country’s levels, and refuses a level it does not have', () => {
    const bi = t.ok('association-create', BURUNDI);
    t.signIn(bi.id, treasurer.name, treasurer.pin);
    expect(t.ok('association-update', { associationId: bi.id, village: 'Rutegama' }).village).toBe('Rutegama');
    const r = t.call('association-update', { associationId: bi.id, cell: 'Akagari' });
    expect(r.ok ? 'updated' : [r.error.code, r.error.field]).toEqual(['place-not-used', 'cell']);
    expect(t.ok('association-get', { associationId: bi.id }).cell).toBe('');
  });

  it('renames a group whose place was written before the lists, and checks the place only when it is corrected', () => {
    const rw = t.ok('association-create', KABEZA);
    t.signIn(rw.id, KABEZA.treasurer.name);
    // Books from before the lists: a district the list does not know.
    t.server.ledger.sqlite.prepare('UPDATE associations SET district = ? WHERE id = ?').run('Butare', rw.id);
    expect(t.ok('association-update', { associationId: rw.id, name: 'Abishyizehamwe Kabeza' }).name).toBe('Abishyizehamwe Kabeza');
    const r = t.call('association-update', { associationId: rw.id, village: 'Gitwa' });
    expect(r.ok ? 'updated' : [r.error.code, r.error.field]).toEqual(['place-not-in-list', 'district']);
  });
});

describe('today where the books are kept', () => {
  // 22:30 UTC on 1 March 2026: past midnight in Kigali, Bujumbura and Bukavu (UTC+2),
  // still 1 March in Kinshasa (UTC+1) and in Gbarnga (UTC+0). Worked by hand.
  const EVENING = new Date('2026-03-01T22:30:00Z');
  let evening: TestLedger;
  beforeEach(() => {
    evening = tempLedger({ now: () => EVENING });
  });
  afterEach(() => evening.cleanup());

  const KINSHASA = { ...KIVU, name: 'Tosalisana Ngaliema', province: 'Kinshasa', district: 'Ngaliema', sector: 'Binza', cell: 'Pigeon', village: 'Ngaliema', language: 'fr' } as const;

  it('is 2 March for a Rwandan, Burundian or eastern Congolese group, and still 1 March in Kinshasa and Liberia', () => {
    const asOf: Record<string, string> = {};
    for (const group of [KABEZA, BURUNDI, KIVU, KINSHASA, BONG]) {
      // Each laptop's first association, made by whoever sits there.
      const one = tempLedger({ now: () => EVENING });
      try {
        const made = one.ok('association-create', group);
        one.signIn(made.id, group.treasurer.name, group.treasurer.pin);
        asOf[group.name] = one.ok('association-summary-get', { associationId: made.id }).asOf;
      } finally {
        one.cleanup();
      }
    }
    expect(asOf).toEqual({ [KABEZA.name]: '2026-03-02', [BURUNDI.name]: '2026-03-02', [KIVU.name]: '2026-03-02', [KINSHASA.name]: '2026-03-01', [BONG.name]: '2026-03-01' });
  });

  it('refuses a Liberian group an event dated tomorrow, which a Rwandan group may already record', () => {
    const lr = evening.ok('association-create', BONG);
    evening.signIn(lr.id, treasurer.name, treasurer.pin);
    const tomorrow = evening.call('member-add', { associationId: lr.id, fullName: 'Kollie Musu', gender: 'female', joinedOn: '2026-03-02' });
    expect(tomorrow.ok ? 'added' : [tomorrow.error.code, tomorrow.error.field]).toEqual(['date-in-future', 'joinedOn']);
    expect(evening.ok('member-add', { associationId: lr.id, fullName: 'Kollie Musu', gender: 'female', joinedOn: '2026-03-01' }).joinedOn).toBe('2026-03-01');
    const rw = evening.asAdministrator((admin) => admin.ok('association-create', { ...KABEZA, name: 'Kigali evening' }));
    evening.signIn(rw.id, KABEZA.treasurer.name);
    expect(evening.ok('member-add', { associationId: rw.id, fullName: 'Uwase Diane', gender: 'female', joinedOn: '2026-03-02' }).joinedOn).toBe('2026-03-02');
  });
});
