// The pass-on queue: members waiting for an animal, first come first served. A place
// is served by the first pass-on the member receives on or after the day they were
// added; members who left the group are passed over (and shown as such).

import type { CallContext } from '../context';
import { prepared } from '../prepared';

export interface QueuePlace {
  readonly memberId: string;
  readonly name: string;
  readonly addedOn: string;
  readonly note: string | null;
  /** 1, 2, 3 … among those still waiting; null once served or gone. */
  readonly position: number | null;
  readonly servedOn: string | null;
  readonly animalTag: string | null;
  /** The member left the group before being served. */
  readonly left: boolean;
}

export function passOnQueue(ctx: CallContext, associationId: string, asOf = '9999-12-31'): QueuePlace[] {
  const places = prepared(
    ctx.ledger.sqlite,
    `SELECT q.member_id AS memberId, m.full_name AS name, q.added_on AS addedOn, q.note, m.exited_on AS exitedOn
       FROM pass_on_queue q JOIN members m ON m.id = q.member_id
      WHERE q.association_id = ? AND q.added_on <= ? ORDER BY q.added_on, q.rowid`,
  ).all(associationId, asOf) as { memberId: string; name: string; addedOn: string; note: string | null; exitedOn: string | null }[];
  // Every pass-on up to the date, oldest first: each serves at most one place.
  const received = (prepared(
    ctx.ledger.sqlite,
    `SELECT e.to_member_id AS memberId, e.event_on AS "on", a.tag FROM animal_events e JOIN animals a ON a.id = e.animal_id
      WHERE e.association_id = ? AND e.kind = 'pass_on' AND e.event_on <= ? ORDER BY e.event_on, e.rowid`,
  ).all(associationId, asOf) as { memberId: string; on: string; tag: string }[]).map((r) => ({ ...r, used: false }));
  let position = 0;
  return places.map((p) => {
    const served = received.find((r) => !r.used && r.memberId === p.memberId && r.on >= p.addedOn);
    if (served) served.used = true;
    const left = !served && p.exitedOn !== null && p.exitedOn <= asOf;
    const waiting = !served && !left;
    return {
      memberId: p.memberId, name: p.name, addedOn: p.addedOn, note: p.note, position: waiting ? ++position : null,
      servedOn: served?.on ?? null, animalTag: served?.tag ?? null, left,
    };
  });
}

/** Who is first in the queue on a date, if anyone is waiting. */
export function nextInQueue(ctx: CallContext, associationId: string, date: string): QueuePlace | null {
  return passOnQueue(ctx, associationId, date).find((p) => p.position === 1) ?? null;
}
