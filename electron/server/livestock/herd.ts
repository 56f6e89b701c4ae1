// The herd as it stood on a date. Animals and their events are append-only; who keeps
// an animal, and whether it is alive, sold or dead, is read from its events up to the
// date, so the register and the grant statement can be reproduced for any day.

import type { CallContext } from '../context';
import { decimal, roundWhole } from '../money/money';
import { and, asc, eq, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { prepared, typedQuery, type RowOf } from '../prepared';
import { animalEvents, animalFunds, animals, type ANIMAL_EVENT_KINDS, type SPECIES } from '../../../db/schema';

export type Species = (typeof SPECIES)[number];
export type AnimalEventKind = (typeof ANIMAL_EVENT_KINDS)[number];
export type AnimalStatus = 'alive' | 'sold' | 'dead';

/** A fund the animal came from (grantId null: the group's own money). */
export type AnimalFund = Readonly<RowOf<typeof animalFunds, 'grantId' | 'cost' | 'weight'>>;

/** An event of the animal (headCount: head of a batch it took away; null: all that were left). */
export type AnimalEvent = Readonly<RowOf<
  typeof animalEvents,
  'id' | 'kind' | 'eventOn' | 'fromMemberId' | 'toMemberId' | 'amount' | 'headCount' | 'note' | 'relatedAnimalId' | 'spendingId' | 'createdBy'
>>;

type AnimalRow = RowOf<typeof animals, 'id' | 'tag' | 'species' | 'breed' | 'sex' | 'headCount' | 'acquiredOn' | 'origin' | 'cost' | 'motherId'>;
type FundRow = AnimalFund & { animalId: string };
type EventRow = AnimalEvent & { animalId: string };

export type Animal = Readonly<AnimalRow> & {
  readonly funds: readonly AnimalFund[];
  /** In the order they happened. */
  readonly events: readonly AnimalEvent[];
};

export interface AnimalState {
  readonly status: AnimalStatus;
  /** The member keeping it (the last keeper, for one sold or dead). */
  readonly keeperId: string | null;
  /** When it was sold or died. */
  readonly endedOn: string | null;
  /** The date of its last event: nothing may be recorded before it. */
  readonly lastEventOn: string;
  readonly passedOn: boolean;
  /** Head still alive (1 for one animal; fewer than bought once part of a batch is gone). */
  readonly heads: number;
  /** Minor units of the cost still carried for the heads left. */
  readonly costLeft: number;
  /** Every sale, with the heads sold and what they fetched, up to the date. */
  readonly sales: readonly { readonly on: string; readonly heads: number; readonly proceeds: number }[];
}

// The whole herd is read as raw SQL: the grant statement and the register read every
// animal, fund and event, and drizzle's row mapping makes these reads about 1.4 times
// slower (thousands of rows; see `npm run bench`, the grant-use statement). The rows are
// typed from the schema (AnimalRow, FundRow, EventRow above).
const ANIMAL_COLUMNS = `id, tag, species, breed, sex, head_count AS headCount, acquired_on AS acquiredOn, origin, cost, mother_id AS motherId`;
const EVENT_COLUMNS = `id, animal_id AS animalId, kind, event_on AS eventOn, from_member_id AS fromMemberId, to_member_id AS toMemberId, amount, head_count AS headCount, note,
  related_animal_id AS relatedAnimalId, spending_id AS spendingId, created_by AS createdBy`;

/** Every animal of the association with its funds and events. */
export function loadHerd(ctx: CallContext, associationId: string): Map<string, Animal> {
  const { sqlite } = ctx.ledger;
  const rows = prepared(sqlite, `SELECT ${ANIMAL_COLUMNS} FROM animals WHERE association_id = ? ORDER BY acquired_on, rowid`).all(associationId) as AnimalRow[];
  const funds = prepared(
    sqlite,
    `SELECT f.animal_id AS animalId, f.grant_id AS grantId, f.cost, f.weight FROM animal_funds f JOIN animals a ON a.id = f.animal_id
      WHERE a.association_id = ? ORDER BY f.rowid`,
  ).all(associationId) as FundRow[];
  const events = prepared(sqlite, `SELECT ${EVENT_COLUMNS} FROM animal_events WHERE association_id = ? ORDER BY event_on, rowid`).all(associationId) as EventRow[];
  return assemble(rows, funds, events);
}

/** `column IN` a JSON array of ids given as the named placeholder (one statement, whatever their number). */
function inJsonList(column: AnyColumn, placeholder: string): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${sql.placeholder(placeholder)}))`;
}

const familyQueries = typedQuery((db) => {
  const me = db.$with('me').as(
    db.select({ id: animals.id, motherId: animals.motherId }).from(animals)
      .where(and(eq(animals.id, sql.placeholder('animalId')), eq(animals.associationId, sql.placeholder('associationId')))),
  );
  return {
    /** The animal, its mother, her offspring and its own. */
    animals: db.with(me).select({
      id: animals.id, tag: animals.tag, species: animals.species, breed: animals.breed, sex: animals.sex, headCount: animals.headCount,
      acquiredOn: animals.acquiredOn, origin: animals.origin, cost: animals.cost, motherId: animals.motherId,
    }).from(animals)
      .where(and(eq(animals.associationId, sql.placeholder('associationId')), or(
        inArray(animals.id, db.select({ id: me.id }).from(me)), inArray(animals.id, db.select({ id: me.motherId }).from(me)),
        inArray(animals.motherId, db.select({ id: me.id }).from(me)), inArray(animals.motherId, db.select({ id: me.motherId }).from(me)),
      )))
      .orderBy(asc(animals.acquiredOn), sql`${animals}.rowid`).prepare(),
    funds: db.select({ animalId: animalFunds.animalId, grantId: animalFunds.grantId, cost: animalFunds.cost, weight: animalFunds.weight }).from(animalFunds)
      .where(inJsonList(animalFunds.animalId, 'animalIds')).orderBy(sql`${animalFunds}.rowid`).prepare(),
    events: db.select({
      id: animalEvents.id, animalId: animalEvents.animalId, kind: animalEvents.kind, eventOn: animalEvents.eventOn, fromMemberId: animalEvents.fromMemberId,
      toMemberId: animalEvents.toMemberId, amount: animalEvents.amount, headCount: animalEvents.headCount, note: animalEvents.note,
      relatedAnimalId: animalEvents.relatedAnimalId, spendingId: animalEvents.spendingId, createdBy: animalEvents.createdBy,
    }).from(animalEvents)
      .where(inJsonList(animalEvents.animalId, 'animalIds')).orderBy(asc(animalEvents.eventOn), sql`${animalEvents}.rowid`).prepare(),
  };
});

/**
 * One animal with its close family — its mother, her offspring and its own — which
 * is all a command about the animal needs (a write must not read the whole herd).
 */
export function loadFamily(ctx: CallContext, associationId: string, animalId: string): Map<string, Animal> {
  const q = familyQueries(ctx.ledger);
  const rows = q.animals.all({ animalId, associationId });
  const animalIds = JSON.stringify(rows.map((r) => r.id));
  return assemble(rows, q.funds.all({ animalIds }), q.events.all({ animalIds }));
}

function assemble(rows: readonly AnimalRow[], funds: readonly FundRow[], events: readonly EventRow[]): Map<string, Animal> {
  const herd = new Map<string, Animal & { funds: AnimalFund[]; events: AnimalEvent[] }>();
  for (const r of rows) herd.set(r.id, { ...r, funds: [], events: [] });
  for (const { animalId, ...f } of funds) herd.get(animalId)?.funds.push(f);
  for (const { animalId, ...e } of events) herd.get(animalId)?.events.push(e);
  return herd;
}

/** Where the animal stood at the end of a day; null if the group did not have it yet. */
export function stateOf(animal: Animal, asOf = '9999-12-31'): AnimalState | null {
  if (animal.acquiredOn > asOf) return null;
  let status: AnimalStatus = 'alive';
  let keeperId: string | null = null;
  let endedOn: string | null = null;
  let passedOn = false;
  let lastEventOn = animal.acquiredOn;
  let heads = animal.headCount;
  let costLeft = animal.cost;
  const sales: { on: string; heads: number; proceeds: number }[] = [];
  for (const e of animal.events) {
    if (e.eventOn > asOf) break;
    lastEventOn = e.eventOn;
    if (e.toMemberId) keeperId = e.toMemberId;
    if (e.kind === 'pass_on') passedOn = true;
    if (e.kind === 'sale' || e.kind === 'death') {
      const gone = e.headCount ?? heads;
      costLeft = decimal(costLeft).minus(costOfHeads(costLeft, heads, gone)).toNumber();
      heads -= gone;
      if (e.kind === 'sale') sales.push({ on: e.eventOn, heads: gone, proceeds: e.amount ?? 0 });
      if (heads === 0) {
        status = e.kind === 'sale' ? 'sold' : 'dead';
        endedOn = e.eventOn;
      }
    }
  }
  return { status, keeperId, endedOn, lastEventOn, passedOn, heads, costLeft, sales };
}

/**
 * The part of the cost carried by `gone` of the `heads` left: in proportion, rounded
 * half-up to the minor unit; the last heads take exactly what is left, so a batch's
 * parts always add up to what it cost.
 */
export function costOfHeads(costLeft: number, heads: number, gone: number): number {
  if (gone >= heads) return costLeft;
  return roundWhole(decimal(costLeft).times(gone).div(heads), 'half-up').toNumber();
}

/** The animal's offspring, oldest first. */
export function offspringOf(herd: ReadonlyMap<string, Animal>, motherId: string): Animal[] {
  return [...herd.values()].filter((a) => a.motherId === motherId);
}

/** Whether a grant paid for the animal, or for the mother it descends from. */
export function fundedBy(animal: Animal, grantId: string): boolean {
  return animal.funds.some((f) => f.grantId === grantId);
}
