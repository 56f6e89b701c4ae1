// The role matrix: for every handler in the registry and every role, whether the
// call is let through or refused — checked against the table below, written here
// from the rules, not read from the code. A handler missing from the table
// fails the test, so no new handler can ship without a rule.

import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { allHandlers } from '../../electron/server/handlers';
import type { Actor } from '../../electron/server/context';
import { KABEZA, signedInActor, smallBook, tableCounts, tempLedger, TEST_PIN, type TestLedger } from '../helpers/ledger';

type Role = 'treasurer' | 'secretary' | 'chair' | 'member' | 'officer' | 'coordinator';
const ROLES: Role[] = ['treasurer', 'secretary', 'chair', 'member', 'officer', 'coordinator'];
const RECORD: Role[] = ['treasurer', 'secretary', 'chair'];
const READ: Role[] = [...RECORD, 'officer', 'coordinator'];
const ADMIN: Role[] = ['treasurer', 'chair'];
const EVERYONE: Role[] = [...READ, 'member'];
const PUBLIC = 'public' as const;
/** Readers, and a member for their own record only. */
const READ_OR_OWN = 'read-or-own' as const;
/** The laptop's administrator only: no role of any association. */
const LAPTOP: Role[] = [];

const RULES: Record<string, Role[] | typeof PUBLIC | typeof READ_OR_OWN> = {
  'administrator-list': PUBLIC,
  'administrator-create': PUBLIC,
  'administrator-sign-in': PUBLIC,
  'ledger-backup-create': LAPTOP,
  'ledger-backup-list': LAPTOP,
  'ledger-backup-inspect': LAPTOP,
  'ledger-backup-restore': LAPTOP,
  'ledger-check-run': LAPTOP,
  'ledger-health-get': EVERYONE,
  'ledger-check-acknowledge': ADMIN,
  'association-create': PUBLIC,
  'practice-create': PUBLIC,
  'practice-delete': RECORD,
  'association-list': PUBLIC,
  'association-get': EVERYONE,
  'association-update': RECORD,
  'association-summary-get': READ,
  'home-todo': READ,
  'home-fund-over-cycle': READ,
  'session-sign-in': PUBLIC,
  'session-sign-out': PUBLIC,
  'session-get': PUBLIC,
  'user-sign-in-list': PUBLIC,
  'user-pin-recover': PUBLIC,
  'user-list': READ,
  'user-create': ADMIN,
  'user-update': ADMIN,
  'user-pin-reset': ADMIN,
  'user-pin-change': EVERYONE,
  'recovery-code-renew': ADMIN,
  'member-add': RECORD,
  'member-update': RECORD,
  'member-exit': RECORD,
  'share-out-preview': READ,
  'share-out-post': ADMIN,
  'share-out-get': READ,
  'share-out-reverse': ADMIN,
  'member-exit-preview': READ,
  'cycle-opening': READ,
  'statement-get': READ_OR_OWN,
  'statement-check': READ,
  'statement-export-record': READ_OR_OWN,
  'member-savings-settle': RECORD,
  'savings-brought-in': RECORD,
  'member-get': READ_OR_OWN,
  'member-list': READ,
  'member-savings-get': READ_OR_OWN,
  'account-list': READ,
  'account-balance-get': READ,
  'trial-balance-get': READ,
  'journal-entry-post': RECORD,
  'journal-entry-reverse': RECORD,
  'journal-entry-get': READ,
  'journal-entry-list': READ,
  'journal-chain-verify': READ,
  'audit-list': [...READ],
  'backup-create': ADMIN,
  'backup-list': ADMIN,
  'backup-inspect': ADMIN,
  'backup-restore': ADMIN,
  'cycle-create': RECORD,
  'cycle-rules-change': RECORD,
  'cycle-list': READ,
  'meeting-close': RECORD,
  'meeting-correct': RECORD,
  'meeting-get': READ,
  'meeting-list': READ,
  'member-passbook-get': READ_OR_OWN,
  'cash-book-get': READ,
  'loan-preview': RECORD,
  'loan-terms-get': READ,
  'loan-apply': RECORD,
  'loan-approve': ADMIN,
  'loan-cancel': ADMIN,
  'loan-disburse': RECORD,
  'loan-repay': RECORD,
  'loan-write-off': ADMIN,
  'loan-reschedule': ADMIN,
  'loan-get': READ,
  'loan-list': READ,
  'loan-portfolio-get': READ,
  'grant-create': RECORD,
  'grant-list': READ,
  'grant-statement': READ,
  'grant-return': RECORD,
  'spending-record': RECORD,
  'spending-list': READ,
  'evidence-attach': RECORD,
  'evidence-get': READ,
  'livestock-buy': RECORD,
  'livestock-birth': RECORD,
  'livestock-death': RECORD,
  'livestock-sale': RECORD,
  'livestock-care': RECORD,
  'livestock-transfer': RECORD,
  'livestock-pass-on': RECORD,
  'livestock-rules-set': ADMIN,
  'livestock-queue-add': RECORD,
  'livestock-queue-list': READ,
  'livestock-list': READ,
  'livestock-get': READ,
  'livestock-tree': READ,
  // The ledger exchange: a treasurer or chair exports; the rest is a programme coordinator's of the laptop (no role of an association).
  'exchange-laptop-key': EVERYONE,
  'exchange-export': ADMIN,
  'exchange-import-begin': LAPTOP,
  'exchange-import-file': LAPTOP,
  'exchange-import-refusal': LAPTOP,
  'exchange-import-end': LAPTOP,
  'exchange-import-progress': LAPTOP,
  'exchange-import-cancel': LAPTOP,
  'exchange-import-report': LAPTOP,
  'exchange-import-list': LAPTOP,
  'exchange-groups': LAPTOP,
  'exchange-conflicts': LAPTOP,
  'exchange-conflict-keep': LAPTOP,
  'exchange-key-accept': LAPTOP,
  'exchange-conflict-set-aside': LAPTOP,
  'exchange-conflict-take-file': LAPTOP,
  'programme-view': LAPTOP,
  'programme-definitions': LAPTOP,
  'programme-rebuild': LAPTOP,
  'programme-group-note': LAPTOP,
  'programme-export-data': LAPTOP,
  'coordinator-list': PUBLIC,
  'coordinator-create': LAPTOP,
  'coordinator-sign-in': PUBLIC,
  'coordinator-open-group': LAPTOP,
  'laptop-setup-coordinator': PUBLIC,
};

let t: TestLedger;
let associationId: string;
let ownMemberId: string;
let otherMemberId: string;
const actors = {} as Record<Role, Actor>;

beforeAll(() => {
  t = tempLedger();
  const book = smallBook(t, 2);
  associationId = book.association.id;
  [ownMemberId, otherMemberId] = book.members.map((m) => m.id) as [string, string];
  for (const role of ROLES) {
    if (role !== 'treasurer') {
      t.ok('user-create', { associationId, name: `The ${role}`, role, pin: TEST_PIN, ...(role === 'member' ? { memberId: ownMemberId } : {}) });
    }
  }
  for (const role of ROLES) actors[role] = signedInActor(t.server, associationId, role === 'treasurer' ? KABEZA.treasurer.name : `The ${role}`);
});
afterAll(() => t.cleanup());

const refusedCodes = ['role-refused', 'sign-in-required', 'session-expired'];

function outcome(name: string, input: object, actor: Actor): 'refused' | 'let through' {
  // An internal handler (the server's own file commands call it) has the same rules, through its own door.
  const internal = (allHandlers as Record<string, { internal?: boolean }>)[name]?.internal === true;
  const r = internal ? t.server.callInternal(name as never, input, actor) : t.server.call(name as never, input, actor);
  return !r.ok && refusedCodes.includes(r.error.code) ? 'refused' : 'let through';
}

/** What a handler needs beyond the association and a member for its input to be valid (the role is checked after the input). */
function completeInput(name: string, memberId: string): object {
  const request = { associationId, kind: 'member-statement', asOf: '2025-06-30', memberId };
  if (name === 'statement-get') return request;
  if (name === 'statement-export-record') {
    return { fingerprint: { version: 1, request, locale: 'en', lastEntry: 0, chainHead: '', contentHash: '0'.repeat(64) }, format: 'pdf', fileName: 'statement.pdf' };
  }
  return {};
}

describe('role matrix', () => {
  it('has a rule for every handler, and a handler for every rule', () => {
    expect(Object.keys(allHandlers).sort()).toEqual(Object.keys(RULES).sort());
  });

  for (const [name, rule] of Object.entries(RULES)) {
    it(`${name}: ${Array.isArray(rule) ? rule.join(', ') : rule}`, () => {
      if (rule === PUBLIC) {
        // Anyone at the laptop, even before signing in.
        expect(outcome(name, {}, { channel: 'test', locale: 'en' })).toBe('let through');
        return;
      }
      // Nobody signed in, or a made-up session, or a made-up role: refused.
      expect(outcome(name, { associationId }, { channel: 'test', locale: 'en' })).toBe('refused');
      expect(outcome(name, { associationId }, { channel: 'test', locale: 'en', session: 'forged-session-token' })).toBe('refused');
      expect(outcome(name, { associationId }, { channel: 'test', locale: 'en', role: 'treasurer' } as Actor)).toBe('refused');
      for (const role of ROLES) {
        const allowed = rule === READ_OR_OWN ? READ.includes(role) : rule.includes(role);
        // Inputs that pass the association check; the role check comes first, so
        // an allowed role may still fail validation, which is not a refusal.
        const input = { associationId, memberId: otherMemberId, ...completeInput(name, otherMemberId) };
        expect(`${role}: ${outcome(name, input, actors[role])}`).toBe(`${role}: ${allowed ? 'let through' : 'refused'}`);
      }
      if (rule === READ_OR_OWN) {
        expect(outcome(name, { associationId, memberId: ownMemberId, ...completeInput(name, ownMemberId) }, actors.member)).toBe('let through');
      }
    });
  }

  it('keeps the internal handlers out of reach of every caller: no page, command line or script records a statement handed out', () => {
    for (const role of ROLES) {
      const r = t.server.call('statement-export-record', { associationId, ...completeInput('statement-export-record', ownMemberId) }, actors[role]);
      expect(r.ok ? 'recorded' : r.error.code).toBe('handler-unknown');
    }
  });

  it('lets an officer read but refuses every write, and nothing changes', () => {
    const before = tableCounts(t);
    // Every write but the public ones, changing one's own PIN and recording a statement one handed out.
    const writes = Object.entries(allHandlers).filter(([name, def]) => (def.kind === 'write' || def.effect) && RULES[name] !== PUBLIC
      && name !== 'user-pin-change' && name !== 'statement-export-record');
    expect(writes.length).toBeGreaterThanOrEqual(10);
    for (const [name, def] of writes) {
      const input = { associationId, memberId: ownMemberId, fullName: 'X', gender: 'female', joinedOn: '2025-02-01' };
      const r = def.internal ? t.server.callInternal(name as never, input, actors.officer) : t.server.call(name as never, input, actors.officer);
      expect(r.ok ? `${name} accepted` : r.error.code).toBe('role-refused');
    }
    const members = t.server.call('member-list', { associationId }, actors.officer);
    expect(members.ok && members.value.length).toBe(2);
    // Only the officer's own sign-in touched the change log, in beforeAll.
    expect(tableCounts(t)).toEqual(before);
  });

  it('lets a member read their own savings, never another member’s', () => {
    const own = t.server.call('member-savings-get', { associationId, memberId: ownMemberId }, actors.member);
    expect(own.ok).toBe(true);
    const other = t.server.call('member-savings-get', { associationId, memberId: otherMemberId }, actors.member);
    expect(other.ok ? 'read' : other.error.code).toBe('role-refused');
    const list = t.server.call('member-list', { associationId }, actors.member);
    expect(list.ok ? 'read' : list.error.code).toBe('role-refused');
  });

  it('keeps each association’s users inside their own books', () => {
    // Only the laptop's administrator adds an association once the laptop holds books.
    const stranger = t.server.call('association-create', { ...KABEZA, name: 'Twiteze imbere' }, { channel: 'test', locale: 'en' });
    expect(stranger.ok ? 'created' : stranger.error.code).toBe('association-create-administrator-only');
    const otherId = t.asAdministrator((admin) => admin.ok('association-create', { ...KABEZA, name: 'Twiteze imbere' }).id);
    const r = t.server.call('member-list', { associationId: otherId }, actors.treasurer);
    expect(r.ok ? 'read' : r.error.code).toBe('other-association');
    const write = t.server.call('member-add', { associationId: otherId, fullName: 'Intruder', gender: 'male', joinedOn: '2025-02-01' }, actors.chair);
    expect(write.ok ? 'written' : write.error.code).toBe('other-association');
  });
});
