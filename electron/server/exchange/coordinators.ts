// The programme's coordinators on this laptop: like the laptop's administrators, they
// belong to no association and have their own PINs (kept with the administrators,
// marked 'coordinator': access/administrators.ts). A coordinator imports groups' books and reads them —
// every report the app has, on the imported copy — and never changes them.

import { z } from 'zod';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import { capabilitiesOf, LAPTOP_ADMIN, PROGRAMME, PUBLIC } from '../auth/access';
import { SESSION_IDLE_MINUTES, type SessionUser } from '../auth/sessions';
import { id, requiredText } from '../validation';
import type { SignedIn } from '../access/users';
import { administratorCount, associationCount, insertLaptopPerson, laptopPeople, pin, signInLaptopPerson } from '../access/administrators';
import { getAssociation } from '../association-record';
import { sourceOf } from './merge';

const person = z.strictObject({ name: requiredText(80), pin });

export const coordinatorHandlers = {
  'coordinator-list': handler({
    kind: 'read',
    access: PUBLIC,
    summary: 'The programme coordinators of this laptop (names only), for the sign-in screen',
    input: z.strictObject({}),
    run: (ctx): { id: string; name: string }[] => laptopPeople(ctx, 'coordinator'),
  }),

  'coordinator-create': handler({
    kind: 'write',
    access: { roles: LAPTOP_ADMIN },
    summary: 'Name a programme coordinator (who imports groups’ books and reads them) with their own PIN',
    input: person,
    audit: (_input, out: { id: string }) => ({ associationId: null, targetId: out.id }),
    run: (ctx, input) => insertLaptopPerson(ctx, input, 'coordinator', ctx.actorName),
  }),

  'laptop-setup-coordinator': handler({
    kind: 'write',
    access: PUBLIC,
    summary: 'First start of a coordinator’s laptop: name its administrator and the first coordinator (only while the file is empty)',
    input: z.strictObject({ administrator: person, coordinator: person }),
    audit: () => ({ associationId: null, targetId: null }),
    run(ctx, input): SignedIn {
      if (associationCount(ctx) > 0 || administratorCount(ctx, 'administrator') > 0 || administratorCount(ctx, 'coordinator') > 0) {
        throw new LedgerError('laptop-already-set-up');
      }
      insertLaptopPerson(ctx, input.administrator, 'administrator', input.administrator.name);
      const coordinator = insertLaptopPerson(ctx, input.coordinator, 'coordinator', input.administrator.name);
      return signInLaptopPerson(ctx, 'coordinator', coordinator.id, input.coordinator.pin, 'coordinatorId');
    },
  }),

  'coordinator-sign-in': handler({
    kind: 'write',
    access: PUBLIC,
    summary: 'Sign in as a programme coordinator of this laptop',
    input: z.strictObject({ coordinatorId: id, pin }),
    audit: (input) => ({ associationId: null, targetId: input.coordinatorId }),
    run: (ctx, input): SignedIn => signInLaptopPerson(ctx, 'coordinator', input.coordinatorId, input.pin, 'coordinatorId'),
  }),

  'coordinator-open-group': handler({
    kind: 'read',
    access: PROGRAMME,
    summary: 'Open an imported group’s books to read them (a session of its own; the programme’s stays open)',
    input: z.strictObject({ groupId: id }),
    run(ctx, input): SignedIn {
      const user = ctx.user!;
      if (!sourceOf(ctx, input.groupId)) throw new LedgerError('exchange-group-not-imported', {}, 'groupId');
      getAssociation(ctx, input.groupId);
      // The door keeps one session: the new one replaces the caller's (it still reaches the programme's commands).
      ctx.sessions.close(ctx.actor.session);
      const session: SessionUser = { ...user, associationId: input.groupId };
      return { token: ctx.sessions.open(session), user: session, can: capabilitiesOf(session.role), idleMinutes: SESSION_IDLE_MINUTES };
    },
  }),
};
