// Issue 11, the ledger file is safe on a shared laptop: what any door may send is
// checked before it reaches the books. Text must be well-formed Unicode and is kept
// in one normal form (so it is stored exactly as it is hashed); a wrong type is not
// "required"; dates stay in a sane range; a journal line names a member only where
// that means something; and savings are not credited to a member who has left.

import i18next from 'i18next';
import { createHash, randomBytes } from 'node:crypto';
import { buildGrantFixture } from '../helpers/grant-fixture';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KABEZA, smallBook, tableCounts, tempLedger, type TestLedger } from '../helpers/ledger';
import { englishMessage, messageIn } from '../../electron/server/messages/render';
import en from '../../electron/server/messages/en.json';
import fr from '../../electron/server/messages/fr.json';
import rw from '../../electron/server/messages/rw.json';

let t: TestLedger;
beforeEach(() => {
  t = tempLedger();
});
afterEach(() => t.cleanup());

const LONE_HIGH = '\ud83d';
const LONE_LOW = '\udc04';
/** "Bénédicte" typed with a combining accent (NFD) and with a precomposed é (NFC). */
const DECOMPOSED = 'Niyonsaba Be\u0301ne\u0301dicte';
const COMPOSED = 'Niyonsaba B\u00e9n\u00e9dicte';

function refusal(r: { ok: boolean; error?: { code: string; field?: string } }) {
  return r.ok ? null : { code: r.error!.code, field: r.error!.field };
}

describe('text is stored as it is hashed', () => {
  it('refuses a memo with a lone surrogate, naming the field, and writes nothing', () => {
    const { association, members } = smallBook(t, 1);
    const before = tableCounts(t);
    const r = t.call('journal-entry-post', {
      associationId: association.id, date: '2025-02-01', memo: `Fine ${LONE_HIGH} paid`,
      lines: [{ account: '1010', debit: '200' }, { account: '4020', credit: '200', memberId: members[0]!.id }],
    });
    expect(refusal(r)).toEqual({ code: 'text-invalid', field: 'memo' });
    expect(r.ok ? '' : r.error.message).not.toMatch(/[\ud800-\udfff]/);
    const line = t.call('journal-entry-post', {
      associationId: association.id, date: '2025-02-01', memo: 'Fine paid',
      lines: [{ account: '1010', debit: '200' }, { account: '4020', credit: '200', memo: `late ${LONE_LOW}` }],
    });
    expect(refusal(line)).toEqual({ code: 'text-invalid', field: 'lines.1.memo' });
    expect(tableCounts(t)).toEqual(before);
    expect(t.ok('journal-chain-verify', { associationId: association.id })).toMatchObject({ ok: true });
  });

  it('refuses a member whose name has a lone surrogate', () => {
    const { association } = smallBook(t, 1);
    const before = tableCounts(t);
    const r = t.call('member-add', { associationId: association.id, fullName: `Uwase ${LONE_LOW}`, gender: 'female', joinedOn: '2025-01-10' });
    expect(refusal(r)).toEqual({ code: 'text-invalid', field: 'fullName' });
    expect(tableCounts(t)).toEqual(before);
  });

  it('keeps names in one normal form: a decomposed é is stored composed, and is the same name', () => {
    const { association } = smallBook(t, 1);
    const a = association.id;
    const decomposed = t.ok('member-add', { associationId: a, fullName: DECOMPOSED, gender: 'female', joinedOn: '2025-01-10' });
    const composed = t.ok('member-add', { associationId: a, fullName: COMPOSED, gender: 'female', joinedOn: '2025-01-10' });
    expect(decomposed.fullName).toBe(COMPOSED);
    expect(t.ok('member-get', { associationId: a, memberId: decomposed.id }).fullName).toBe(composed.fullName);
    // A search typed either way finds both.
    expect(t.ok('member-list', { associationId: a, search: 'Be\u0301ne\u0301' }).map((m) => m.id)).toEqual([decomposed.id, composed.id]);

    t.ok('user-create', { associationId: a, name: COMPOSED, role: 'secretary', pin: '4826' });
    const before = tableCounts(t);
    const twice = t.call('user-create', { associationId: a, name: DECOMPOSED, role: 'secretary', pin: '4826' });
    expect(refusal(twice)).toEqual({ code: 'user-name-taken', field: 'name' });
    expect(tableCounts(t)).toEqual(before);
  });

  it('verifies the chain after memos with composed and decomposed accents and emoji', () => {
    const { association, members } = smallBook(t, 1);
    const a = association.id;
    const m = members[0]!.id;
    for (const memo of [`Amande ya ${COMPOSED}`, `Amande ya ${DECOMPOSED}`, 'Inka 🐄 n’ihene 🐐', 'Ke\u0301pi 👩🏾‍🌾']) {
      t.ok('journal-entry-post', {
        associationId: a, date: '2025-02-01', memo,
        lines: [{ account: '1010', debit: '100', memo }, { account: '2020', memberId: m, credit: '100', memo: `${memo} ✓` }],
      });
    }
    const stored = t.server.ledger.sqlite.prepare('SELECT memo FROM journal_entries WHERE association_id = ? ORDER BY seq').all(a) as { memo: string }[];
    expect(stored.map((s) => s.memo)).toEqual([`Amande ya ${COMPOSED}`, `Amande ya ${COMPOSED}`, 'Inka 🐄 n’ihene 🐐', 'K\u00e9pi 👩🏾‍🌾']);
    expect(t.ok('journal-chain-verify', { associationId: a })).toMatchObject({ ok: true, entries: 4 });
  });
});

describe('a wrong type is not "required"', () => {
  it('answers a value of the wrong type with field-invalid, and a missing one with field-required', () => {
    const { association, members } = smallBook(t, 1);
    const a = association.id;
    const lines = [{ account: '1010', debit: '100' }, { account: '2020', memberId: members[0]!.id, credit: '100' }];
    const post = (extra: object) => refusal(t.call('journal-entry-post', { associationId: a, date: '2025-02-01', memo: 'x', lines, ...extra }));
    expect(post({ memo: 42 })).toEqual({ code: 'field-invalid', field: 'memo' });
    expect(post({ date: 20250201 })).toEqual({ code: 'field-invalid', field: 'date' });
    expect(post({ lines: 'two lines' })).toEqual({ code: 'field-invalid', field: 'lines' });
    expect(post({ memo: undefined })).toEqual({ code: 'field-required', field: 'memo' });
    expect(refusal(t.call('member-add', { associationId: a, fullName: 123, gender: 'male', joinedOn: '2025-01-10' }))).toEqual({ code: 'field-invalid', field: 'fullName' });
    expect(refusal(t.call('user-create', { associationId: a, name: 123, role: 'secretary', pin: '4826' }))).toEqual({ code: 'field-invalid', field: 'name' });
    expect(refusal(t.call('member-add', { associationId: a, gender: 'male', joinedOn: '2025-01-10' }))).toEqual({ code: 'field-required', field: 'fullName' });
  });
});

describe('any input', () => {
  // The text check walks every input: one that loops on itself (IPC can send one) must not walk it forever.
  it('refuses an input that loops on itself or nests without end, in words', () => {
    const { association } = smallBook(t, 1);
    const loop: Record<string, unknown> = { note: 'x' };
    loop.self = loop;
    const r = t.call('member-list', { associationId: association.id, filter: loop });
    expect(r.ok ? null : r.error.code).toBe('field-invalid');
    expect(r.ok ? '' : r.error.field).toMatch(/^filter\.self\.self/);
  });
});

describe('dates', () => {
  it('accepts only years 1900 to 2199', () => {
    const before = tableCounts(t);
    for (const foundedOn of ['0000-01-01', '1899-12-31', '2200-01-01', '9999-12-31']) {
      expect(refusal(t.call('association-create', { ...KABEZA, foundedOn })), foundedOn).toEqual({ code: 'date-invalid', field: 'foundedOn' });
    }
    expect(tableCounts(t)).toEqual(before);
    expect(t.ok('association-create', { ...KABEZA, foundedOn: '1900-01-01' }).foundedOn).toBe('1900-01-01');
  });
});

describe('journal lines and members', () => {
  it('refuses a member named on an account that is not kept per member, like the cash box', () => {
    const { association, members } = smallBook(t, 1);
    const before = tableCounts(t);
    const r = t.call('journal-entry-post', {
      associationId: association.id, date: '2025-02-01', memo: 'Sale',
      lines: [{ account: '1010', debit: '100', memberId: members[0]!.id }, { account: '4040', credit: '100' }],
    });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'entry-line-member-not-allowed', field: 'lines.0', params: { line: 1, account: '1010' } });
    expect(r.ok ? '' : r.error.message).toContain('1010');
    expect(tableCounts(t)).toEqual(before);
  });

  it('refuses savings credited to a member who has left, but still pays their savings out', () => {
    const { association, members } = smallBook(t, 2);
    const a = association.id;
    const [gone, staying] = members.map((m) => m.id) as [string, string];
    t.ok('savings-brought-in', { associationId: a, date: '2025-01-17', members: [{ memberId: gone, amount: '2,000' }, { memberId: staying, amount: '1,000' }] });
    t.ok('member-exit', { associationId: a, memberId: gone, exitedOn: '2025-02-01', reason: 'Moved to Kigali', settle: false });

    const before = tableCounts(t);
    for (const date of ['2025-02-01', '2025-03-01']) {
      const r = t.call('savings-brought-in', { associationId: a, date, members: [{ memberId: staying, amount: '500' }, { memberId: gone, amount: '500' }] });
      expect(r.ok ? null : r.error, date).toMatchObject({ code: 'member-has-left', field: 'members.1.memberId', params: { line: 2, date: '2025-02-01' } });
      expect(r.ok ? '' : r.error.message).toContain('Member 1');
    }
    // Nor can a hand-made entry reach their savings: account 2010 moves only through its records.
    const byHand = t.call('journal-entry-post', {
      associationId: a, date: '2025-03-01', memo: 'Savings',
      lines: [{ account: '1010', debit: '500' }, { account: '2010', memberId: gone, credit: '500' }],
    });
    expect(byHand.ok ? null : byHand.error).toMatchObject({ code: 'account-kept-by-records', field: 'lines.1.account' });
    expect(tableCounts(t)).toEqual(before);

    // Before the exit date, and for someone still in the group, savings are recorded as before.
    t.ok('savings-brought-in', { associationId: a, date: '2025-01-31', members: [{ memberId: gone, amount: '500' }] });
    t.ok('savings-brought-in', { associationId: a, date: '2025-03-01', members: [{ memberId: staying, amount: '500' }] });
    expect(t.ok('member-savings-get', { associationId: a, memberId: gone }).savings).toBe('2500');
    // Paying the savings out still works, on the day they left or later.
    t.ok('member-savings-settle', { associationId: a, memberId: gone, date: '2025-03-01' });
    expect(t.ok('member-savings-get', { associationId: a, memberId: gone }).savings).toBe('0');
    expect(t.ok('journal-chain-verify', { associationId: a })).toMatchObject({ ok: true });
  });

  it('still pays out the savings of a member who leaves, through member-exit', () => {
    const { association, members } = smallBook(t, 1);
    const a = association.id;
    const m = members[0]!.id;
    t.ok('savings-brought-in', { associationId: a, date: '2025-01-17', members: [{ memberId: m, amount: '2,000' }] });
    t.ok('member-exit', { associationId: a, memberId: m, exitedOn: '2025-02-01', reason: 'Moved', settle: true });
    expect(t.ok('member-savings-get', { associationId: a, memberId: m }).savings).toBe('0');
  });
});

describe('plurals', () => {
  it('says 1 minute and 1 try, in every language', () => {
    expect(englishMessage('pin-wrong', { left: 1, count: 1 })).toBe('Wrong PIN. 1 try left before a pause.');
    expect(englishMessage('pin-wrong', { left: 2, count: 2 })).toBe('Wrong PIN. 2 tries left before a pause.');
    expect(englishMessage('pin-wrong-locked', { minutes: 1, count: 1 })).toMatch(/paused for 1 minute\.$/);
    expect(englishMessage('pin-wrong-locked', { minutes: 2, count: 2 })).toMatch(/paused for 2 minutes\.$/);
    expect(englishMessage('user-locked', { minutes: 1, count: 1 })).toMatch(/Try again in 1 minute,/);
    expect(englishMessage('user-locked', { minutes: 30, count: 30 })).toMatch(/Try again in 30 minutes,/);
    expect(englishMessage('shares-below-min', { name: 'Eric', min: 1, count: 1 })).toBe('Eric: at least 1 share at a meeting.');
    expect(englishMessage('shares-above-max', { name: 'Eric', max: 5, count: 5 })).toBe('Eric: at most 5 shares at a meeting.');
    expect(englishMessage('loan-term-above-rule', { max: 1, count: 1 })).toBe('The rules allow at most 1 instalment.');
    expect(englishMessage('batch-count-above', { tag: 'K-1', heads: 1, count: 1 })).toBe('Only 1 head of K-1 is left.');

    expect(messageIn('fr', 'pin-wrong', { left: 1, count: 1 })).toContain('1 essai restant');
    expect(messageIn('fr', 'pin-wrong', { left: 2, count: 2 })).toContain('2 essais restants');
    expect(messageIn('fr', 'pin-wrong-locked', { minutes: 1, count: 1 })).toMatch(/1 minute\.$/);
    expect(messageIn('fr', 'user-locked', { minutes: 2, count: 2 })).toContain('2 minutes');
    expect(messageIn('rw', 'pin-wrong-locked', { minutes: 1, count: 1 })).toContain('umunota 1');
    expect(messageIn('rw', 'pin-wrong-locked', { minutes: 2, count: 2 })).toContain('iminota 2');
    expect(messageIn('rw', 'user-locked', { minutes: 1, count: 1 })).toContain('mu munota 1');
    expect(messageIn('rw', 'user-locked', { minutes: 2, count: 2 })).toContain('mu minota 2');
    // Without a count (an old caller), the plain sentence is used.
    expect(englishMessage('pin-wrong', { left: 2 })).toBe('Wrong PIN. 2 tries left before a pause.');
  });

  it('sends the count with the sign-in refusals, so their sentences agree', () => {
    const { association } = smallBook(t, 1);
    const a = association.id;
    const userId = t.ok('user-create', { associationId: a, name: 'Habimana Eric', role: 'secretary', pin: '8642' }).id;
    t.ok('session-sign-out', {});
    const signIn = (pin: string) => t.call('session-sign-in', { associationId: a, userId, pin });
    expect(signIn('1111')).toMatchObject({ ok: false, error: { code: 'pin-wrong', params: { left: 2, count: 2 }, message: 'Wrong PIN. 2 tries left before a pause.' } });
    expect(signIn('2222')).toMatchObject({
      ok: false, error: { code: 'pin-wrong', params: { left: 1, count: 1 }, message: 'Wrong PIN. 1 try left before a pause.' },
    });
    expect(signIn('3333')).toMatchObject({
      ok: false, error: { code: 'pin-wrong-locked', params: { minutes: 1, count: 1 }, message: expect.stringMatching(/paused for 1 minute\.$/) },
    });
    expect(signIn('8642')).toMatchObject({
      ok: false, error: { code: 'user-locked', params: { minutes: 1, count: 1 }, message: expect.stringMatching(/Try again in 1 minute,/) },
    });
  });

  it('is read the same way by the screens (i18next, "errors" namespace)', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { en: { errors: en }, fr: { errors: fr }, rw: { errors: rw } },
      lng: 'en', fallbackLng: false, interpolation: { escapeValue: false }, returnNull: false,
    });
    const params = (n: number) => ({ left: n, minutes: n, count: n });
    expect(i18n.t('pin-wrong', { ns: 'errors', ...params(1) })).toBe(englishMessage('pin-wrong', params(1)));
    expect(i18n.t('pin-wrong', { ns: 'errors', ...params(2) })).toBe(englishMessage('pin-wrong', params(2)));
    for (const lng of ['en', 'fr', 'rw'] as const) {
      for (const n of [1, 2]) {
        for (const code of ['user-locked', 'pin-wrong', 'pin-wrong-locked']) {
          expect(i18n.t(code, { ns: 'errors', lng, ...params(n) }), `${lng} ${code} ${n}`).toBe(messageIn(lng, code, params(n)));
        }
      }
    }
  });
});

describe('a receipt is kept once', () => {
  it('in the evidence, not a second time in the change log (which names it by size and hash)', () => {
    const a = t.ok('association-create', { ...KABEZA }).id;
    t.signIn(a, KABEZA.treasurer.name);
    const f = buildGrantFixture((name, input) => t.ok(name as never, input as never), a);
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(300_000)]);
    const base64 = photo.toString('base64');
    t.ok('evidence-attach', { associationId: a, spendingId: f.vetSpendingId, fileName: 'receipt.jpg', contentBase64: base64 });
    const row = t.server.ledger.sqlite.prepare("SELECT input_json AS input FROM change_log WHERE command = 'evidence-attach'").get() as { input: string };
    expect(row.input.length).toBeLessThan(2_000);
    expect(row.input).toContain(createHash('sha256').update(base64).digest('hex'));
    const history = JSON.stringify(t.ok('audit-list', { associationId: a }));
    expect(history.length).toBeLessThan(100_000);
  });
});
