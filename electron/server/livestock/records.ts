// The livestock register's records: inserting animals and their events, the checks
// every event shares (the animal is still the group's, the keeper is a member on the
// day, the tag is free), the group's pass-on rule, and an animal's history as answered.

import type { CallContext } from '../context';
import { LedgerError } from '../errors';
import { and, eq, sql } from 'drizzle-orm';
import { animalEvents, animalFunds, animals, associations } from '../../../db/schema';
import { typedQuery, type RowOf } from '../prepared';
import { getMember } from '../members/handlers';
import { offspringOf, stateOf, loadFamily, type Animal, type AnimalEventKind } from './herd';
import { animalView, eventsOf, keepersOf, namesFor, type AnimalEventView, type AnimalView, type KeeperSpell } from './views';

export const PASS_ON_RULES = ['first_female_offspring', 'animal_itself'] as const;
export type PassOnRule = (typeof PASS_ON_RULES)[number];

const recordQueries = typedQuery((db) => ({
  rulesJson: db.select({ rulesJson: associations.rulesJson }).from(associations).where(eq(associations.id, sql.placeholder('associationId'))).prepare(),
  tagTaken: db.select({ id: animals.id }).from(animals)
    .where(and(eq(animals.associationId, sql.placeholder('associationId')), eq(animals.tag, sql.placeholder('tag')))).prepare(),
  insertAnimal: db.insert(animals).values({
    id: sql.placeholder('id'), associationId: sql.placeholder('associationId'), tag: sql.placeholder('tag'), species: sql.placeholder('species'),
    breed: sql.placeholder('breed'), sex: sql.placeholder('sex'), headCount: sql.placeholder('headCount'), acquiredOn: sql.placeholder('acquiredOn'),
    origin: sql.placeholder('origin'), cost: sql.placeholder('cost'), motherId: sql.placeholder('motherId'), createdAt: sql.placeholder('createdAt'),
    createdBy: sql.placeholder('createdBy'),
  }).prepare(),
  insertFund: db.insert(animalFunds).values({
    animalId: sql.placeholder('animalId'), grantId: sql.placeholder('grantId'), cost: sql.placeholder('cost'), weight: sql.placeholder('weight'),
  }).prepare(),
  insertEvent: db.insert(animalEvents).values({
    id: sql.placeholder('id'), associationId: sql.placeholder('associationId'), animalId: sql.placeholder('animalId'), kind: sql.placeholder('kind'),
    eventOn: sql.placeholder('eventOn'), fromMemberId: sql.placeholder('fromMemberId'), toMemberId: sql.placeholder('toMemberId'), amount: sql.placeholder('amount'),
    headCount: sql.placeholder('headCount'), note: sql.placeholder('note'), relatedAnimalId: sql.placeholder('relatedAnimalId'),
    spendingId: sql.placeholder('spendingId'), entryId: sql.placeholder('entryId'), createdAt: sql.placeholder('createdAt'), createdBy: sql.placeholder('createdBy'),
  }).prepare(),
}));

/** The association's rules, as stored (JSON read). */
export function associationRules(ctx: CallContext, associationId: string): object {
  return JSON.parse(recordQueries(ctx.ledger).rulesJson.get({ associationId })!.rulesJson) as object;
}

export function passOnRuleOf(ctx: CallContext, associationId: string): PassOnRule {
  const rule = (associationRules(ctx, associationId) as { livestockPassOn?: PassOnRule }).livestockPassOn;
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
  if (recordQueries(ctx.ledger).tagTaken.get({ associationId, tag })) {
    throw new LedgerError('animal-tag-taken', { tag }, field);
  }
}

export type NewAnimal = RowOf<typeof animals, 'id' | 'associationId' | 'tag' | 'species' | 'breed' | 'sex' | 'headCount' | 'acquiredOn' | 'origin' | 'cost' | 'motherId'>;

export function insertAnimal(ctx: CallContext, a: NewAnimal, funds: readonly { grantId: string | null; cost: number; weight: number }[]): void {
  const q = recordQueries(ctx.ledger);
  q.insertAnimal.run({ ...a, createdAt: ctx.now().toISOString(), createdBy: ctx.actorName });
  for (const f of funds) q.insertFund.run({ animalId: a.id, grantId: f.grantId, cost: f.cost, weight: f.weight });
}

export function insertEvent(
  ctx: CallContext, associationId: string, animalId: string, kind: AnimalEventKind, date: string,
  more: { from?: string | null; to?: string | null; amount?: number | null; heads?: number | null; note?: string | null; related?: string | null; spendingId?: string | null; entryId?: string | null } = {},
): void {
  recordQueries(ctx.ledger).insertEvent.run({
    id: ctx.newId(), associationId, animalId, kind, eventOn: date, fromMemberId: more.from ?? null, toMemberId: more.to ?? null, amount: more.amount ?? null,
    headCount: more.heads ?? null, note: more.note ?? null, relatedAnimalId: more.related ?? null, spendingId: more.spendingId ?? null, entryId: more.entryId ?? null,
    createdAt: ctx.now().toISOString(), createdBy: ctx.actorName,
  });
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
