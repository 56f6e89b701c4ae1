// The pass-on queue: members waiting for an animal, first come first served. A place
// is served by the first pass-on the member receives on or after the day they were
// added; members who left the group are passed over (and shown as such).

import type { CallContext } from '../context';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { animalEvents, animals, members, passOnQueue as queue } from '../../../db/schema';
import { typedQuery } from '../prepared';

export interface QueuePlace {
  readonly memberId: string;
  readonly name: string;
  /** The member's number in the register (two members may share a name). */
  readonly memberNo: number;
  readonly addedOn: string;
  readonly note: string | null;
  /** 1, 2, 3 … among those still waiting; null once served or gone. */
  readonly position: number | null;
  readonly servedOn: string | null;
  readonly animalTag: string | null;
  /** The member left the group before being served. */
  readonly left: boolean;
}

const queueQueries = typedQuery((db) => ({
  /** The places taken up to a date, in the order they were taken. */
  places: db.select({ memberId: queue.memberId, name: members.fullName, memberNo: members.memberNo, addedOn: queue.addedOn, note: queue.note, exitedOn: members.exitedOn })
    .from(queue).innerJoin(members, eq(members.id, queue.memberId))
    .where(and(eq(queue.associationId, sql.placeholder('associationId')), lte(queue.addedOn, sql.placeholder('asOf'))))
    .orderBy(asc(queue.addedOn), sql`${queue}.rowid`).prepare(),
  /** Every pass-on up to a date, oldest first. */
  passOns: db.select({ memberId: animalEvents.toMemberId, on: animalEvents.eventOn, tag: animals.tag })
    .from(animalEvents).innerJoin(animals, eq(animals.id, animalEvents.animalId))
    .where(and(
      eq(animalEvents.associationId, sql.placeholder('associationId')), eq(animalEvents.kind, 'pass_on'), lte(animalEvents.eventOn, sql.placeholder('asOf')),
    ))
    .orderBy(asc(animalEvents.eventOn), sql`${animalEvents}.rowid`).prepare(),
}));

export function passOnQueue(ctx: CallContext, associationId: string, asOf = '9999-12-31'): QueuePlace[] {
  const q = queueQueries(ctx.ledger);
  const places = q.places.all({ associationId, asOf });
  // Every pass-on up to the date, oldest first: each serves at most one place.
  const received = q.passOns.all({ associationId, asOf }).map((r) => ({ ...r, used: false }));
  let position = 0;
  return places.map((p) => {
    const served = received.find((r) => !r.used && r.memberId === p.memberId && r.on >= p.addedOn);
    if (served) served.used = true;
    const left = !served && p.exitedOn !== null && p.exitedOn <= asOf;
    const waiting = !served && !left;
    return {
      memberId: p.memberId, name: p.name, memberNo: p.memberNo, addedOn: p.addedOn, note: p.note, position: waiting ? ++position : null,
      servedOn: served?.on ?? null, animalTag: served?.tag ?? null, left,
    };
  });
}

/** Who is first in the queue on a date, if anyone is waiting. */
export function nextInQueue(ctx: CallContext, associationId: string, date: string): QueuePlace | null {
  return passOnQueue(ctx, associationId, date).find((p) => p.position === 1) ?? null;
}
