// The livestock register's records: inserting animals and their events, the checks
// every event shares (the animal is still the group's, the keeper is a member on the
// day, the tag is free), the group's pass-on rule, and an animal's history as answered.

import type { CallContext } from '../context';
import { LedgerError } from '../errors';
import { prepared } from '../prepared';
import { getMember } from '../members/handlers';
import { offspringOf, stateOf, loadFamily, type Animal, type AnimalEventKind } from './herd';
import { animalView, eventsOf, keepersOf, namesFor, type AnimalEventView, type AnimalView, type KeeperSpell } from './views';

export const PASS_ON_RULES = ['first_female_offspring', 'animal_itself'] as const;
export type PassOnRule = (typeof PASS_ON_RULES)[number];

export function passOnRuleOf(ctx: CallContext, associationId: string): PassOnRule {
  const row = prepared(ctx.ledger.sqlite, 'SELECT rules_json AS rules FROM associations WHERE id = ?').get(associationId) as { rules: string };
  const rule = (JSON.parse(row.rules) as { livestockPassOn?: PassOnRule }).livestockPassOn;
  return rule && PASS_ON_RULES.includes(rule) ? rule : 'first_female_offspring';
}

/** An animal that is still the group's: alive, and no event may go before its last one. */
export function liveAnimal(ctx: CallContext, herd: ReadonlyMap<string, Animal>, animalId: string, date: string, field = 'animalId') {
  const animal = herd.get(animalId);
  if (!animal) throw new LedgerError('animal-not-found', {}, field);
  const state = stateOf(animal)!;
  if (state.status !== 'alive') throw new LedgerError(state.status === 'sold' ? 'animal-sold' : 'animal-dead', { tag: animal.tag, date: state.endedOn! }, field);
  if (date < state.lastEventOn) throw new LedgerError('animal-date-before', { tag: animal.tag, date: state.lastEventOn }, 'date');
  return { animal, state };
}

/** A member who can keep an animal from this date: in the group, not gone (`leftCode` says how to refuse one who left). */
export function keeperOn(ctx: CallContext, associationId: string, memberId: string, date: string, field: string, leftCode = 'keeper-exited') {
  const member = getMember(ctx, associationId, memberId);
  if (member.exitedOn !== null && member.exitedOn <= date) throw new LedgerError(leftCode, { name: member.fullName }, field);
  if (member.joinedOn > date) throw new LedgerError('keeper-not-yet-member', { name: member.fullName, date: member.joinedOn }, field);
  return member;
}

export function tagFree(ctx: CallContext, associationId: string, tag: string, field: string): void {
  if (prepared(ctx.ledger.sqlite, 'SELECT 1 FROM animals WHERE association_id = ? AND tag = ?').get(associationId, tag)) {
    throw new LedgerError('animal-tag-taken', { tag }, field);
  }
}

export interface NewAnimal {
  id: string; associationId: string; tag: string; species: Animal['species']; breed: string | null; sex: Animal['sex'];
  headCount: number; acquiredOn: string; origin: Animal['origin']; cost: number; motherId: string | null;
}

export function insertAnimal(ctx: CallContext, a: NewAnimal, funds: readonly { grantId: string | null; cost: number; weight: number }[]): void {
  const { sqlite } = ctx.ledger;
  prepared(
    sqlite,
    `INSERT INTO animals (id, association_id, tag, species, breed, sex, head_count, acquired_on, origin, cost, mother_id, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(a.id, a.associationId, a.tag, a.species, a.breed, a.sex, a.headCount, a.acquiredOn, a.origin, a.cost, a.motherId, ctx.now().toISOString(), ctx.actorName);
  const insertFund = prepared(sqlite, 'INSERT INTO animal_funds (animal_id, grant_id, cost, weight) VALUES (?, ?, ?, ?)');
  for (const f of funds) insertFund.run(a.id, f.grantId, f.cost, f.weight);
}

export function insertEvent(
  ctx: CallContext, associationId: string, animalId: string, kind: AnimalEventKind, date: string,
  more: { from?: string | null; to?: string | null; amount?: number | null; heads?: number | null; note?: string | null; related?: string | null; spendingId?: string | null; entryId?: string | null } = {},
): void {
  prepared(
    ctx.ledger.sqlite,
    `INSERT INTO animal_events (id, association_id, animal_id, kind, event_on, from_member_id, to_member_id, amount, head_count, note, related_animal_id, spending_id, entry_id, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(ctx.newId(), associationId, animalId, kind, date, more.from ?? null, more.to ?? null, more.amount ?? null, more.heads ?? null, more.note ?? null, more.related ?? null,
    more.spendingId ?? null, more.entryId ?? null, ctx.now().toISOString(), ctx.actorName);
}

export interface AnimalHistory extends AnimalView {
  readonly events: readonly AnimalEventView[];
  readonly keepers: readonly KeeperSpell[];
  readonly offspring: readonly AnimalView[];
}

export function history(ctx: CallContext, associationId: string, animalId: string, asOf?: string): AnimalHistory {
  const herd = loadFamily(ctx, associationId, animalId);
  const animal = herd.get(animalId);
  if (!animal) throw new LedgerError('animal-not-found', {}, 'animalId');
  const names = namesFor(ctx, associationId);
  const view = animalView(herd, animal, names, asOf);
  if (!view) throw new LedgerError('animal-not-yet', { tag: animal.tag, date: animal.acquiredOn }, 'asOf');
  return {
    ...view,
    events: eventsOf(herd, animal, names, asOf),
    keepers: keepersOf(animal, names, asOf),
    offspring: offspringOf(herd, animal.id).map((a) => animalView(herd, a, names, asOf)).filter((v): v is AnimalView => v !== null),
  };
}

/** How many head of a batch an event takes: all that are left unless said; never more. */
export function headsTaken(animal: Animal, heads: number, asked: number | undefined): number | null {
  if (asked === undefined || asked === heads) return null;
  if (asked > heads) throw new LedgerError('batch-count-above', { tag: animal.tag, heads, count: heads }, 'headCount');
  return asked;
}
