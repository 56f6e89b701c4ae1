// The herd as it stood on a date. Animals and their events are append-only; who keeps
// an animal, and whether it is alive, sold or dead, is read from its events up to the
// date, so the register and the grant statement can be reproduced for any day.

import type { CallContext } from '../context';
import { decimal, roundWhole } from '../money/money';
import { prepared } from '../prepared';
import type { ANIMAL_EVENT_KINDS, SPECIES } from '../../../db/schema';

export type Species = (typeof SPECIES)[number];
export type AnimalEventKind = (typeof ANIMAL_EVENT_KINDS)[number];
export type AnimalStatus = 'alive' | 'sold' | 'dead';

export interface AnimalFund {
  /** null: the group's own money. */
  readonly grantId: string | null;
  readonly cost: number;
  readonly weight: number;
}

export interface AnimalEvent {
  readonly id: string;
  readonly kind: AnimalEventKind;
  readonly eventOn: string;
  readonly fromMemberId: string | null;
  readonly toMemberId: string | null;
  readonly amount: number | null;
  /** Head of a batch the event took away (null: all that were left). */
  readonly headCount: number | null;
  readonly note: string | null;
  readonly relatedAnimalId: string | null;
  readonly spendingId: string | null;
  readonly createdBy: string;
}

export interface Animal {
  readonly id: string;
  readonly tag: string;
  readonly species: Species;
  readonly breed: string | null;
  readonly sex: 'female' | 'male' | 'mixed';
  readonly headCount: number;
  readonly acquiredOn: string;
  readonly origin: 'purchase' | 'birth' | 'opening';
  readonly cost: number;
  readonly motherId: string | null;
  readonly funds: readonly AnimalFund[];
  /** In the order they happened. */
  readonly events: readonly AnimalEvent[];
}

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

const ANIMAL_COLUMNS = `id, tag, species, breed, sex, head_count AS headCount, acquired_on AS acquiredOn, origin, cost, mother_id AS motherId`;

/** Every animal of the association with its funds and events. */
export function loadHerd(ctx: CallContext, associationId: string): Map<string, Animal> {
  const { sqlite } = ctx.ledger;
  const rows = prepared(sqlite, `SELECT ${ANIMAL_COLUMNS} FROM animals WHERE association_id = ? ORDER BY acquired_on, rowid`).all(associationId) as Omit<Animal, 'funds' | 'events'>[];
  const funds = prepared(
    sqlite,
    `SELECT f.animal_id AS animalId, f.grant_id AS grantId, f.cost, f.weight FROM animal_funds f JOIN animals a ON a.id = f.animal_id
      WHERE a.association_id = ? ORDER BY f.rowid`,
  ).all(associationId) as (AnimalFund & { animalId: string })[];
  const events = prepared(sqlite, `SELECT ${EVENT_COLUMNS} FROM animal_events WHERE association_id = ? ORDER BY event_on, rowid`).all(associationId) as (AnimalEvent & { animalId: string })[];
  return assemble(rows, funds, events);
}

/**
 * One animal with its close family — its mother, her offspring and its own — which
 * is all a command about the animal needs (a write must not read the whole herd).
 */
export function loadFamily(ctx: CallContext, associationId: string, animalId: string): Map<string, Animal> {
  const { sqlite } = ctx.ledger;
  const rows = prepared(
    sqlite,
    `WITH me AS (SELECT id, mother_id FROM animals WHERE id = ? AND association_id = ?)
     SELECT ${ANIMAL_COLUMNS} FROM animals
      WHERE association_id = ? AND (id IN (SELECT id FROM me) OR id IN (SELECT mother_id FROM me)
            OR mother_id IN (SELECT id FROM me) OR mother_id IN (SELECT mother_id FROM me))
      ORDER BY acquired_on, rowid`,
  ).all(animalId, associationId, associationId) as Omit<Animal, 'funds' | 'events'>[];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const funds = prepared(
    sqlite,
    'SELECT animal_id AS animalId, grant_id AS grantId, cost, weight FROM animal_funds WHERE animal_id IN (SELECT value FROM json_each(?)) ORDER BY rowid',
  ).all(ids) as (AnimalFund & { animalId: string })[];
  const events = prepared(sqlite, `SELECT ${EVENT_COLUMNS} FROM animal_events WHERE animal_id IN (SELECT value FROM json_each(?)) ORDER BY event_on, rowid`).all(ids) as (AnimalEvent & { animalId: string })[];
  return assemble(rows, funds, events);
}

const EVENT_COLUMNS = `id, animal_id AS animalId, kind, event_on AS eventOn, from_member_id AS fromMemberId, to_member_id AS toMemberId, amount, head_count AS headCount, note,
  related_animal_id AS relatedAnimalId, spending_id AS spendingId, created_by AS createdBy`;

function assemble(
  rows: readonly Omit<Animal, 'funds' | 'events'>[], funds: readonly (AnimalFund & { animalId: string })[], events: readonly (AnimalEvent & { animalId: string })[],
): Map<string, Animal> {
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
