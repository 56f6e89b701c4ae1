// Associations and members through the handlers: add, correct, exit, search.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KABEZA, smallBook, tableCounts, tempLedger, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
beforeEach(() => {
  t = tempLedger();
});
afterEach(() => t.cleanup());

describe('associations', () => {
  it('opens the standard chart of accounts with the association', () => {
    const a = t.ok('association-create', KABEZA);
    t.signIn(a.id, KABEZA.treasurer.name);
    const codes = t.ok('account-list', { associationId: a.id }).map((x) => `${x.code} ${x.purpose}`);
    expect(codes).toContain('1010 cash_box');
    expect(codes).toContain('2010 member_savings');
    expect(codes).toContain('2020 social_fund');
    expect(t.ok('association-list', {}).map((x) => x.name)).toEqual(['Abishyizehamwe']);
  });

  it.each([
    [{ ...KABEZA, currency: 'EUR' }, 'currency-unknown', 'currency'],
    [{ ...KABEZA, foundedOn: '2025-13-01' }, 'date-invalid', 'foundedOn'],
    [{ ...KABEZA, foundedOn: '2030-01-01' }, 'date-in-future', 'foundedOn'],
    [{ ...KABEZA, village: '' }, 'field-required', 'village'],
    [{ ...KABEZA, name: 'x'.repeat(500) }, 'field-too-long', 'name'],
  ])('refuses a bad association (%#) and writes nothing', (input, code, field) => {
    const before = tableCounts(t);
    const r = t.call('association-create', input);
    expect(r.ok ? null : { code: r.error.code, field: r.error.field }).toEqual({ code, field });
    expect(tableCounts(t)).toEqual(before);
  });
});

describe('members', () => {
  it('numbers members, corrects details, exits them and finds them again', () => {
    const { association, members } = smallBook(t, 3);
    const a = association.id;
    expect(members.map((m) => m.memberNo)).toEqual([1, 2, 3]);
    t.ok('member-update', { associationId: a, memberId: members[1]!.id, fullName: 'Uwase Claudine', gender: 'female', role: 'secretary', phone: '+250 788 123 456' });
    t.ok('member-exit', { associationId: a, memberId: members[2]!.id, exitedOn: '2025-06-30', reason: 'Moved to Kigali' });

    expect(t.ok('member-list', { associationId: a, status: 'active' }).map((m) => m.fullName)).toEqual(['Member 1', 'Uwase Claudine']);
    expect(t.ok('member-list', { associationId: a, status: 'exited' }).map((m) => m.exitedOn)).toEqual(['2025-06-30']);
    expect(t.ok('member-list', { associationId: a, search: 'claud' }).map((m) => m.memberNo)).toEqual([2]);
    expect(t.ok('member-list', { associationId: a, search: '788' }).map((m) => m.memberNo)).toEqual([2]);
    // "3" is member number 3, and also a digit of member 2's phone.
    expect(t.ok('member-list', { associationId: a, search: '3' }).map((m) => m.memberNo)).toEqual([2, 3]);
    expect(t.ok('member-list', { associationId: a, role: 'secretary' }).length).toBe(1);
    expect(t.ok('member-list', { associationId: a, gender: 'female' }).length).toBe(3);
    // A search with SQL wildcards matches them literally.
    expect(t.ok('member-list', { associationId: a, search: '%' }).length).toBe(0);
    // An emptied field clears it; a field left out is left as it was.
    t.ok('member-update', { associationId: a, memberId: members[1]!.id, phone: '' });
    expect(t.ok('member-get', { associationId: a, memberId: members[1]!.id })).toMatchObject({ phone: null, fullName: 'Uwase Claudine', role: 'secretary' });
    t.ok('association-update', { associationId: a, registrationNo: 'RCA/0042/2025' });
    t.ok('association-update', { associationId: a, name: 'Abishyizehamwe Kabeza' });
    expect(t.ok('association-get', { associationId: a })).toMatchObject({ registrationNo: 'RCA/0042/2025', name: 'Abishyizehamwe Kabeza' });
    t.ok('association-update', { associationId: a, registrationNo: '' });
    expect(t.ok('association-get', { associationId: a }).registrationNo).toBeNull();
  });

  it('refuses changes to an exited member, exits before joining and unknown members', () => {
    const { association, members } = smallBook(t, 2);
    const a = association.id;
    t.ok('member-exit', { associationId: a, memberId: members[0]!.id, exitedOn: '2025-06-30', reason: 'Left' });
    const cases: [string, object, string][] = [
      ['member-update', { associationId: a, memberId: members[0]!.id, fullName: 'New name' }, 'member-exited'],
      ['member-exit', { associationId: a, memberId: members[0]!.id, exitedOn: '2025-07-01', reason: 'again' }, 'member-exited'],
      ['member-exit', { associationId: a, memberId: members[1]!.id, exitedOn: '2024-01-01', reason: 'x' }, 'exit-before-joining'],
      ['member-get', { associationId: a, memberId: '01900000-0000-7000-8000-000000000000' }, 'member-not-found'],
      ['member-add', { associationId: a, fullName: 'Early', gender: 'female', joinedOn: '2020-01-01' }, 'joined-before-founding'],
      ['member-add', { associationId: a, fullName: 'X', gender: 'other', joinedOn: '2025-02-01' }, 'gender-invalid'],
      ['member-add', { associationId: a, fullName: 'X', gender: 'male', joinedOn: '2025-02-01', phone: 'call me' }, 'phone-invalid'],
      ['member-add', { associationId: 'not-an-id', fullName: 'X', gender: 'male', joinedOn: '2025-02-01' }, 'id-invalid'],
    ];
    for (const [name, input, code] of cases) {
      const before = tableCounts(t);
      const r = t.call(name as 'member-add', input as never);
      expect(r.ok ? `${name} accepted` : r.error.code).toBe(code);
      expect(tableCounts(t)).toEqual(before);
    }
  });

  it('keeps members of two associations apart', () => {
    const one = smallBook(t, 1);
    const two = t.asAdministrator((admin) => admin.ok('association-create', { ...KABEZA, name: 'Twiteze imbere' }));
    // Signed in to the first association, the second is out of reach altogether.
    const r = t.call('member-get', { associationId: two.id, memberId: one.members[0]!.id });
    expect(r.ok ? null : r.error.code).toBe('other-association');
    t.signIn(two.id, KABEZA.treasurer.name);
    const cross = t.call('member-get', { associationId: two.id, memberId: one.members[0]!.id });
    expect(cross.ok ? null : cross.error.code).toBe('member-not-found');
    const post = t.call('journal-entry-post', {
      associationId: two.id, date: '2025-02-01', memo: 'x',
      lines: [{ account: '1010', debit: '100' }, { account: '2020', memberId: one.members[0]!.id, credit: '100' }],
    });
    expect(post.ok ? null : post.error.code).toBe('member-not-found');
    const back = t.call('member-list', { associationId: one.association.id });
    expect(back.ok ? null : back.error.code).toBe('other-association');
  });
});
