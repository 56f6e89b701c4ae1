// What the register shows of an animal: its particulars, where it is on a date, who
// paid for it, who has kept it, and its offspring as a tree (the pass-on chain).

import type { CallContext } from '../context';
import { eq, sql } from 'drizzle-orm';
import { members } from '../../../db/schema';
import { typedQuery } from '../prepared';
import { sumMinor } from '../money/money';
import { grantLabel, grantsOf } from '../funds/funds';
import { stateOf, type Animal, type AnimalEventKind, type AnimalStatus, type Species } from './herd';

export interface AnimalView {
  readonly id: string;
  readonly tag: string;
  readonly species: Species;
  readonly breed: string | null;
  readonly sex: Animal['sex'];
  readonly headCount: number;
  /** Head alive on the date (what is left of a batch). */
  readonly heads: number;
  readonly acquiredOn: string;
  readonly origin: Animal['origin'];
  /** Minor units: what it cost, and the part still carried (less heads of a batch sold or dead; 0 once gone). */
  readonly cost: string;
  readonly costLeft: string;
  readonly motherId: string | null;
  readonly motherTag: string | null;
  readonly status: AnimalStatus;
  readonly endedOn: string | null;
  readonly keeperId: string | null;
  readonly keeperName: string | null;
  /** The keeper's number in the register: two members may share a name. */
  readonly keeperNo: number | null;
  /** The keeper's phone, as the member register holds it (members have no village of their own). */
  readonly keeperPhone: string | null;
  readonly passedOn: boolean;
  readonly funding: readonly { grantId: string | null; label: string | null; cost: string }[];
  /** What every sale of it fetched, together (minor units). */
  readonly saleProceeds: string | null;
  readonly deathCause: string | null;
}

export interface KeeperSpell {
  readonly memberId: string;
  readonly name: string;
  readonly memberNo: number | null;
  readonly since: string;
  readonly how: 'purchase' | 'opening' | 'birth' | 'transfer' | 'pass_on';
}

export interface AnimalNode extends AnimalView {
  readonly keepers: readonly KeeperSpell[];
  readonly children: readonly AnimalNode[];
}

export interface AnimalEventView {
  readonly kind: AnimalEventKind;
  readonly date: string;
  readonly fromName: string | null;
  readonly fromNo: number | null;
  readonly toName: string | null;
  readonly toNo: number | null;
  readonly amount: string | null;
  readonly note: string | null;
  readonly relatedTag: string | null;
  readonly by: string;
}

/** Names of members and grants, looked up once per answer. */
export interface Names {
  member(id: string | null): string | null;
  /** The member's number in the register (two members may share a name). */
  memberNo(id: string | null): number | null;
  phone(id: string | null): string | null;
  grant(id: string | null): string | null;
}

const memberNames = typedQuery((db) =>
  db.select({ id: members.id, name: members.fullName, memberNo: members.memberNo, phone: members.phone })
    .from(members).where(eq(members.associationId, sql.placeholder('associationId'))).prepare(),
);

export function namesFor(ctx: CallContext, associationId: string): Names {
  const people = new Map(memberNames(ctx.ledger).all({ associationId }).map((m) => [m.id, m]));
  const grants = new Map(grantsOf(ctx, associationId).map((g) => [g.id, grantLabel(g)]));
  return {
    member: (id) => (id === null ? null : (people.get(id)?.name ?? null)),
    memberNo: (id) => (id === null ? null : (people.get(id)?.memberNo ?? null)),
    phone: (id) => (id === null ? null : (people.get(id)?.phone ?? null)),
    grant: (id) => (id === null ? null : (grants.get(id) ?? null)),
  };
}

/** The animal as it stood at the end of a day, or null if the group did not have it yet. */
export function animalView(herd: ReadonlyMap<string, Animal>, animal: Animal, names: Names, asOf?: string): AnimalView | null {
  const state = stateOf(animal, asOf);
  if (!state) return null;
  const upTo = animal.events.filter((e) => asOf === undefined || e.eventOn <= asOf);
  const death = upTo.findLast((e) => e.kind === 'death');
  return {
    id: animal.id, tag: animal.tag, species: animal.species, breed: animal.breed, sex: animal.sex, headCount: animal.headCount, heads: state.heads,
    acquiredOn: animal.acquiredOn, origin: animal.origin, cost: String(animal.cost), costLeft: String(state.costLeft), motherId: animal.motherId,
    motherTag: animal.motherId ? (herd.get(animal.motherId)?.tag ?? null) : null,
    status: state.status, endedOn: state.endedOn, keeperId: state.keeperId, keeperName: names.member(state.keeperId),
    keeperNo: names.memberNo(state.keeperId), keeperPhone: names.phone(state.keeperId), passedOn: state.passedOn,
    funding: animal.funds.map((f) => ({ grantId: f.grantId, label: names.grant(f.grantId), cost: String(f.cost) })),
    saleProceeds: state.sales.length > 0 ? sumMinor(state.sales.map((x) => x.proceeds)).toFixed(0) : null,
    deathCause: death?.note ?? null,
  };
}

export function keepersOf(animal: Animal, names: Names, asOf?: string): KeeperSpell[] {
  return animal.events
    .filter((e) => (asOf === undefined || e.eventOn <= asOf) && e.toMemberId !== null)
    .map((e) => ({ memberId: e.toMemberId!, name: names.member(e.toMemberId) ?? '', memberNo: names.memberNo(e.toMemberId), since: e.eventOn, how: e.kind as KeeperSpell['how'] }));
}

/** The animal and its offspring, generation by generation, as they stood on a date. */
export function treeOf(herd: ReadonlyMap<string, Animal>, animal: Animal, names: Names, asOf?: string, children = childrenIndex(herd)): AnimalNode | null {
  const view = animalView(herd, animal, names, asOf);
  if (!view) return null;
  const nodes = (children.get(animal.id) ?? []).map((a) => treeOf(herd, a, names, asOf, children)).filter((n): n is AnimalNode => n !== null);
  return { ...view, keepers: keepersOf(animal, names, asOf), children: nodes };
}

/** Each mother's offspring, oldest first: built once per answer, not once per animal. */
export function childrenIndex(herd: ReadonlyMap<string, Animal>): Map<string, Animal[]> {
  const index = new Map<string, Animal[]>();
  for (const a of herd.values()) {
    if (a.motherId === null) continue;
    const siblings = index.get(a.motherId);
    if (siblings) siblings.push(a);
    else index.set(a.motherId, [a]);
  }
  return index;
}

export function eventsOf(herd: ReadonlyMap<string, Animal>, animal: Animal, names: Names, asOf?: string): AnimalEventView[] {
  return animal.events
    .filter((e) => asOf === undefined || e.eventOn <= asOf)
    .map((e) => ({
      kind: e.kind, date: e.eventOn, fromName: names.member(e.fromMemberId), fromNo: names.memberNo(e.fromMemberId),
      toName: names.member(e.toMemberId), toNo: names.memberNo(e.toMemberId),
      amount: e.amount === null ? null : String(e.amount), note: e.note,
      relatedTag: e.relatedAnimalId ? (herd.get(e.relatedAnimalId)?.tag ?? null) : null, by: e.createdBy,
    }));
}
