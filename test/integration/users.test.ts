// Signing in on a shared laptop: wrong PINs, locks, resets, the recovery code, and
// what the change log keeps (never a PIN).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KABEZA, smallBook, tempLedger, TEST_PIN, type TestLedger } from '../helpers/ledger';
import { lockSeconds } from '../../electron/server/access/attempts';
import { SESSION_IDLE_MINUTES } from '../../electron/server/auth/sessions';

let t: TestLedger;
let clock: Date;
let associationId: string;
let treasurerId: string;
let eric: string;

beforeEach(() => {
  clock = new Date('2026-03-01T09:00:00Z');
  t = tempLedger({ now: () => clock });
  const book = smallBook(t, 2);
  associationId = book.association.id;
  treasurerId = book.association.treasurerId;
  eric = t.ok('user-create', { associationId, name: 'Habimana Eric', role: 'secretary', pin: '8642' }).id;
  t.ok('session-sign-out', {});
});
afterEach(() => t.cleanup());

const advance = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};
const signIn = (userId: string, pin: string) => t.call('session-sign-in', { associationId, userId, pin });

describe('signing in', () => {
  it('slows down repeated wrong PINs: three tries, then pauses that double', () => {
    expect([1, 2, 3, 4, 5, 12].map(lockSeconds)).toEqual([0, 0, 30, 60, 120, 1800]);
    const first = signIn(eric, '1111');
    expect(first.ok ? null : first.error).toMatchObject({ code: 'pin-wrong', params: { left: 2 } });
    expect(signIn(eric, '0000').ok).toBe(false);
    const third = signIn(eric, '9999');
    expect(third.ok ? null : third.error).toMatchObject({ code: 'pin-wrong-locked', params: { minutes: 1 } });
    // While locked even the right PIN is refused, and it is not checked.
    const locked = signIn(eric, '8642');
    expect(locked.ok ? null : locked.error).toMatchObject({ code: 'user-locked' });
    advance(31);
    const fourth = signIn(eric, '7777');
    expect(fourth.ok ? null : fourth.error.code).toBe('pin-wrong-locked');
    advance(61);
    expect(signIn(eric, '8642').ok).toBe(true);
    // A good sign-in clears the count.
    t.ok('session-sign-out', {});
    const fresh = signIn(eric, '1357');
    expect(fresh.ok ? null : fresh.error).toMatchObject({ code: 'pin-wrong', params: { left: 2 } });
  });

  it('keeps the count of wrong PINs through a restart, and logs every attempt without the PIN', () => {
    signIn(eric, '1111');
    signIn(eric, '2222');
    t.reopen();
    const third = signIn(eric, '3333');
    expect(third.ok ? null : third.error.code).toBe('pin-wrong-locked');
    const rows = t.server.ledger.sqlite
      .prepare("SELECT outcome, input_json AS input FROM change_log WHERE command = 'session-sign-in' AND target_id = ? ORDER BY rowid")
      .all(eric) as { outcome: string; input: string }[];
    expect(rows.map((r) => r.outcome)).toEqual(['pin-wrong', 'pin-wrong', 'pin-wrong-locked']);
    // Every text the log keeps (its ids and hashes are hex, where four digits in a row may turn up by chance).
    const everything = JSON.stringify(t.server.ledger.sqlite.prepare('SELECT at, actor, role, channel, screen, command, outcome, input_json FROM change_log').all());
    for (const pin of ['1111', '2222', '3333', '8642', TEST_PIN]) expect(everything).not.toContain(pin);
  });

  it('ends a session after a spell without use', () => {
    expect(signIn(eric, '8642').ok).toBe(true);
    advance(SESSION_IDLE_MINUTES * 60 - 5);
    expect(t.call('member-list', { associationId }).ok).toBe(true);
    advance(SESSION_IDLE_MINUTES * 60 + 1);
    const r = t.call('member-list', { associationId });
    expect(r.ok ? null : r.error.code).toBe('session-expired');
    expect(t.session).toBeUndefined();
  });

  it('refuses a switched-off user, and PINs anyone would guess', () => {
    t.signIn(associationId, KABEZA.treasurer.name);
    t.ok('user-update', { associationId, userId: eric, active: false });
    for (const [pin, code] of [['1234', 'pin-too-easy'], ['0000', 'pin-too-easy'], ['987', 'pin-length'], ['abc', 'password-length']]) {
      const r = t.call('user-create', { associationId, name: `Weak ${pin}`, role: 'officer', pin });
      expect(r.ok ? null : r.error.code).toBe(code);
    }
    t.ok('session-sign-out', {});
    const r = signIn(eric, '8642');
    expect(r.ok ? null : r.error.code).toBe('user-inactive');
  });
});

describe('forgotten PINs', () => {
  it('lets the treasurer reset another user’s PIN, which unlocks them and ends their sessions', () => {
    for (const pin of ['1111', '2222', '3333']) signIn(eric, pin);
    t.signIn(associationId, KABEZA.treasurer.name);
    t.ok('user-pin-reset', { associationId, userId: eric, newPin: '5173' });
    const self = t.call('user-pin-reset', { associationId, userId: treasurerId, newPin: '5173' });
    expect(self.ok ? null : self.error.code).toBe('user-cannot-change-self');
    t.ok('session-sign-out', {});
    expect(signIn(eric, '5173').ok).toBe(true);
  });

  it('recovers a forgotten treasurer PIN only with the recovery code, which then changes', () => {
    // The code was shown once, when the association was created; here we renew it to know it.
    t.signIn(associationId, KABEZA.treasurer.name);
    const { recoveryCode } = t.ok('recovery-code-renew', { associationId });
    t.ok('session-sign-out', {});

    const guess = t.call('user-pin-recover', { associationId, userId: treasurerId, recoveryCode: 'AAAA-BBBB-CCCC-DDDD', newPin: '6048' });
    expect(guess.ok ? null : guess.error.code).toBe('recovery-code-wrong');
    const notAdmin = t.call('user-pin-recover', { associationId, userId: eric, recoveryCode, newPin: '6048' });
    expect(notAdmin.ok ? null : notAdmin.error.code).toBe('recovery-admins-only');

    // Typed by hand, in lower case with spaces: still accepted.
    const typed = recoveryCode.toLowerCase().replace(/-/g, ' ');
    const recovered = t.ok('user-pin-recover', { associationId, userId: treasurerId, recoveryCode: typed, newPin: '6048' });
    expect(recovered.newRecoveryCode).not.toBe(recoveryCode);
    expect(signIn(treasurerId, TEST_PIN).ok).toBe(false);
    expect(signIn(treasurerId, '6048').ok).toBe(true);
    // The old code no longer works.
    t.ok('session-sign-out', {});
    const again = t.call('user-pin-recover', { associationId, userId: treasurerId, recoveryCode, newPin: '7152' });
    expect(again.ok ? null : again.error.code).toBe('recovery-code-wrong');
    const log = t.server.ledger.sqlite.prepare("SELECT outcome FROM change_log WHERE command = 'user-pin-recover' ORDER BY rowid").all();
    // Wrong codes count and are logged; a refusal that changed nothing is not.
    expect(log).toEqual([{ outcome: 'recovery-code-wrong' }, { outcome: 'done' }, { outcome: 'recovery-code-wrong' }]);
  });

  it('never leaves the books without a treasurer or chair', () => {
    t.signIn(associationId, KABEZA.treasurer.name);
    const chair = t.ok('user-create', { associationId, name: 'Uwase Chair', role: 'chair', pin: '3916' });
    t.ok('session-sign-out', {});
    t.signIn(associationId, 'Uwase Chair', '3916');
    t.ok('user-update', { associationId, userId: treasurerId, role: 'officer' });
    t.signIn(associationId, KABEZA.treasurer.name);
    const r = t.call('user-update', { associationId, userId: chair.id, active: false });
    expect(r.ok ? null : r.error.code).toBe('role-refused'); // an officer now
  });
});
