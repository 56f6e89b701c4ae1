// The livestock register: animals bought (with the group's money, a grant's, or
// both), born, kept by members, passed on, sold and lost; vet and feed costs. Every
// movement of money posts through the journal in the same transaction as the event.

import { z } from 'zod';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import { todayOf, type CallContext } from '../context';
import { eq, sql } from 'drizzle-orm';
import { placeholderValue, typedQuery } from '../prepared';
import { READERS, RECORDERS, ADMINS } from '../auth/access';
import { amountAt } from '../amount-field';
import { decimal, splitByLargestRemainder, sumMinor, type MinorUnits } from '../money/money';
import { accountBalance, accountByPurpose } from '../journal/balances';
import { postEntry, type EntryLine } from '../journal/post';
import { ANIMAL_SEXES, associations, CASH_ACCOUNTS, passOnQueue as passOnQueueTable, SPECIES } from '../../../db/schema';
import { fundParts, fundsInput, grantRow, grantUseLines } from '../funds/funds';
import { recordSpending } from '../funds/spending';
import { costOfHeads, loadFamily, loadHerd, offspringOf, stateOf, type Species } from './herd';
import { nextInQueue, passOnQueue, type QueuePlace } from './queue';
import {
  PASS_ON_RULES, associationRules, headsTaken, history, insertAnimal, insertEvent, keeperOn, liveAnimal, passOnRuleOf, tagFree, type AnimalHistory, type PassOnRule,
} from './records';
import { animalView, childrenIndex, namesFor, treeOf, type AnimalNode, type AnimalView } from './views';
import { id, isoDate, optionalText, requiredText, amountText } from '../validation';
import { getAssociation, writableAssociation } from '../association-record';
import { codedMemo, typedMemo } from '../journal/memo';

export { PASS_ON_RULES, type AnimalHistory, type PassOnRule };

const headCountInput = z.number({ error: 'head-count-invalid' }).int({ error: 'head-count-invalid' }).min(1, { error: 'head-count-invalid' }).optional();

const handlerQueries = typedQuery((db) => ({
  enqueue: db.insert(passOnQueueTable).values({
    id: sql.placeholder('id'), associationId: sql.placeholder('associationId'), memberId: sql.placeholder('memberId'), addedOn: sql.placeholder('addedOn'),
    note: sql.placeholder('note'), createdAt: sql.placeholder('createdAt'), createdBy: sql.placeholder('createdBy'),
  }).prepare(),
  setRules: db.update(associations).set({ rulesJson: placeholderValue('rulesJson') }).where(eq(associations.id, sql.placeholder('associationId'))).prepare(),
}));

const keeperChange = z.strictObject({ associationId: id, animalId: id, date: isoDate, toMemberId: id, note: optionalText(300) });

/** Gives an animal to another keeper (a plain transfer, or a pass-on under the group's rule). */
function changeKeeper(ctx: CallContext, input: z.output<typeof keeperChange>, kind: 'transfer' | 'pass_on'): AnimalHistory {
  writableAssociation(ctx, input.associationId);
  const herd = loadFamily(ctx, input.associationId, input.animalId);
  const { animal, state } = liveAnimal(ctx, herd, input.animalId, input.date);
  const member = keeperOn(ctx, input.associationId, input.toMemberId, input.date, 'toMemberId', kind === 'pass_on' ? 'pass-on-to-exited' : 'keeper-exited');
  if (state.keeperId === member.id) throw new LedgerError('keeper-same', { name: member.fullName }, 'toMemberId');
  if (kind === 'pass_on' && passOnRuleOf(ctx, input.associationId) === 'first_female_offspring') {
    const mother = animal.motherId ? herd.get(animal.motherId) : undefined;
    if (!mother || animal.sex !== 'female') throw new LedgerError('pass-on-offspring-only', { tag: animal.tag }, 'animalId');
    const given = offspringOf(herd, mother.id).find((sibling) => stateOf(sibling)!.passedOn);
    if (given) throw new LedgerError('pass-on-already-given', { tag: mother.tag, offspring: given.tag }, 'animalId');
  }
  if (kind === 'pass_on') {
    // The queue decides who is next; passing someone over needs a reason on record.
    const next = nextInQueue(ctx, input.associationId, input.date);
    if (next && next.memberId !== member.id && !input.note) throw new LedgerError('pass-on-out-of-turn', { next: next.name }, 'toMemberId');
  }
  insertEvent(ctx, input.associationId, animal.id, kind, input.date, { from: state.keeperId, to: member.id, note: input.note ?? null });
  return history(ctx, input.associationId, animal.id);
}

export const livestockHandlers = {
  'livestock-buy': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Buy an animal (or a batch of poultry) with the group’s money, a grant’s, or both; or enter one the group already had (paidFrom "owned_before", at its value)',
    input: z.strictObject({
      associationId: id, date: isoDate, tag: requiredText(40), species: z.enum(SPECIES, { error: 'species-invalid' }), breed: optionalText(60),
      sex: z.enum(ANIMAL_SEXES, { error: 'sex-invalid' }),
      headCount: z.number({ error: 'head-count-invalid' }).int({ error: 'head-count-invalid' }).min(1, { error: 'head-count-invalid' }).max(10000, { error: 'head-count-invalid' }).default(1),
      keeperId: id, cost: amountText, paidFrom: z.enum([...CASH_ACCOUNTS, 'owned_before'], { error: 'field-invalid' }).default('cash_box'), funds: fundsInput,
    }),
    run(ctx, input): AnimalHistory {
      const association = writableAssociation(ctx, input.associationId);
      if ((input.sex === 'mixed') !== (input.headCount > 1)) throw new LedgerError('sex-mixed-batch-only', {}, 'sex');
      tagFree(ctx, input.associationId, input.tag, 'tag');
      const keeper = keeperOn(ctx, input.associationId, input.keeperId, input.date, 'keeperId');
      const cost = amountAt(ctx, input.cost, association.currency, 'cost');
      const parts = fundParts(ctx, association.currency, cost, input.funds);
      const opening = input.paidFrom === 'owned_before';
      // An animal the group had before these books: no money moves now; it enters at its value as the group's own.
      if (opening && parts.some((p) => p.grantId !== null)) throw new LedgerError('opening-group-only', {}, 'funds');
      const animalId = ctx.newId();
      insertAnimal(
        ctx,
        { id: animalId, associationId: input.associationId, tag: input.tag, species: input.species, breed: input.breed ?? null, sex: input.sex, headCount: input.headCount,
          acquiredOn: input.date, origin: opening ? 'opening' : 'purchase', cost, motherId: null },
        parts.map((p) => ({ grantId: p.grantId, cost: p.amount, weight: p.amount })),
      );
      if (input.paidFrom === 'owned_before') { // spelled out so the type narrows for the purchase below
        const { sqlite } = ctx.ledger;
        const entry = postEntry(ctx, {
          associationId: input.associationId, entryDate: input.date, kind: 'livestock-opening', memo: codedMemo('livestock-opening', { species: input.species, tag: input.tag, count: input.headCount }),
          source: { type: 'animal', id: animalId },
          lines: [
            { accountId: accountByPurpose(sqlite, input.associationId, 'livestock').id, amount: cost },
            { accountId: accountByPurpose(sqlite, input.associationId, 'group_fund').id, amount: -cost as MinorUnits },
          ],
        });
        insertEvent(ctx, input.associationId, animalId, 'opening', input.date, { to: keeper.id, amount: cost, entryId: entry.id });
        return history(ctx, input.associationId, animalId);
      }
      const { spendingId, entryId } = recordSpending(ctx, {
        associationId: input.associationId, currency: association.currency, date: input.date, kind: 'livestock_purchase',
        description: codedMemo('livestock-purchase', { species: input.species, tag: input.tag, count: input.headCount }), amount: cost, paidFrom: input.paidFrom, parts, animalId, partsField: 'funds',
      });
      insertEvent(ctx, input.associationId, animalId, 'purchase', input.date, { to: keeper.id, amount: cost, spendingId, entryId });
      return history(ctx, input.associationId, animalId);
    },
  }),

  'livestock-birth': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Record offspring born to a female: each becomes a new animal, kept by the mother’s keeper and funded as she was',
    input: z.strictObject({
      associationId: id, motherId: id, date: isoDate,
      offspring: z.array(z.strictObject({ sex: z.enum(['female', 'male'], { error: 'sex-invalid' }), tag: optionalText(40) }), { error: 'field-invalid' })
        .min(1, { error: 'field-required' }).max(6, { error: 'field-invalid' }),
    }),
    run(ctx, input): AnimalHistory {
      writableAssociation(ctx, input.associationId);
      const herd = loadFamily(ctx, input.associationId, input.motherId);
      const animal = herd.get(input.motherId);
      if (!animal) throw new LedgerError('animal-not-found', {}, 'motherId');
      if (animal.sex !== 'female') throw new LedgerError('birth-to-male', { tag: animal.tag }, 'motherId');
      if (animal.headCount > 1) throw new LedgerError('birth-to-batch', { tag: animal.tag }, 'motherId');
      const { state } = liveAnimal(ctx, herd, input.motherId, input.date, 'motherId');
      const born = offspringOf(herd, animal.id).length;
      const tags = new Set<string>();
      input.offspring.forEach((o, i) => {
        const tag = o.tag ?? `${animal.tag}-${born + i + 1}`;
        if (tags.has(tag)) throw new LedgerError('animal-tag-taken', { tag }, `offspring.${i}.tag`);
        tagFree(ctx, input.associationId, tag, `offspring.${i}.tag`);
        tags.add(tag);
        const childId = ctx.newId();
        insertAnimal(
          ctx,
          { id: childId, associationId: input.associationId, tag, species: animal.species, breed: animal.breed, sex: o.sex, headCount: 1,
            acquiredOn: input.date, origin: 'birth', cost: 0, motherId: animal.id },
          animal.funds.map((f) => ({ grantId: f.grantId, cost: 0, weight: f.weight })),
        );
        insertEvent(ctx, input.associationId, childId, 'birth', input.date, { to: state.keeperId, related: animal.id });
        insertEvent(ctx, input.associationId, animal.id, 'offspring', input.date, { related: childId });
      });
      return history(ctx, input.associationId, animal.id);
    },
  }),

  'livestock-death': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Record that an animal died (or some head of a batch), with the cause; what they cost is written off',
    input: z.strictObject({ associationId: id, animalId: id, date: isoDate, cause: requiredText(300), headCount: headCountInput }),
    run(ctx, input): AnimalHistory {
      writableAssociation(ctx, input.associationId);
      const { animal, state } = liveAnimal(ctx, loadFamily(ctx, input.associationId, input.animalId), input.animalId, input.date);
      const heads = headsTaken(animal, state.heads, input.headCount);
      const cost = costOfHeads(state.costLeft, state.heads, heads ?? state.heads);
      let entryId: string | null = null;
      if (cost > 0) {
        const { sqlite } = ctx.ledger;
        entryId = postEntry(ctx, {
          associationId: input.associationId, entryDate: input.date, kind: 'livestock-death', memo: codedMemo('livestock-death', { tag: animal.tag, cause: input.cause, count: heads ?? undefined }),
          source: { type: 'animal', id: animal.id },
          lines: [
            { accountId: accountByPurpose(sqlite, input.associationId, 'livestock_losses').id, amount: cost as MinorUnits },
            { accountId: accountByPurpose(sqlite, input.associationId, 'livestock').id, amount: -cost as MinorUnits },
          ],
        }).id;
      }
      insertEvent(ctx, input.associationId, animal.id, 'death', input.date, { note: input.cause, heads, entryId });
      return history(ctx, input.associationId, animal.id);
    },
  }),

  'livestock-sale': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Sell an animal (or some head of a batch): the proceeds go back to the funds it came from; the gain or loss against its cost is recorded',
    input: z.strictObject({
      associationId: id, animalId: id, date: isoDate, proceeds: amountText, paidInto: z.enum(CASH_ACCOUNTS, { error: 'field-invalid' }).default('cash_box'),
      buyer: optionalText(120), headCount: headCountInput,
    }),
    run(ctx, input): AnimalHistory {
      const association = writableAssociation(ctx, input.associationId);
      const { animal, state } = liveAnimal(ctx, loadFamily(ctx, input.associationId, input.animalId), input.animalId, input.date);
      const heads = headsTaken(animal, state.heads, input.headCount);
      const cost = costOfHeads(state.costLeft, state.heads, heads ?? state.heads);
      const proceeds = amountAt(ctx, input.proceeds, association.currency, 'proceeds');
      const { sqlite } = ctx.ledger;
      const account = (purpose: string) => accountByPurpose(sqlite, input.associationId, purpose).id;
      const lines: EntryLine[] = [{ accountId: account(input.paidInto), amount: proceeds, memo: input.buyer ? codedMemo('sold-to', { buyer: input.buyer }) : null }];
      if (cost > 0) lines.push({ accountId: account('livestock'), amount: -cost as MinorUnits });
      const gain = decimal(proceeds).minus(cost);
      if (gain.gt(0)) lines.push({ accountId: account('livestock_gains'), amount: -gain.toNumber() as MinorUnits });
      if (gain.lt(0)) lines.push({ accountId: account('livestock_losses'), amount: gain.negated().toNumber() as MinorUnits });
      // Each grant's share of the proceeds goes back into its restricted fund.
      const shares = splitByLargestRemainder(proceeds, animal.funds.map((f) => f.weight));
      animal.funds.forEach((f, i) => {
        if (f.grantId !== null && shares[i]! > 0) lines.push(...grantUseLines(ctx, input.associationId, grantRow(ctx, input.associationId, f.grantId), -shares[i]! as MinorUnits));
      });
      const entry = postEntry(ctx, {
        associationId: input.associationId, entryDate: input.date, kind: 'livestock-sale', memo: codedMemo('livestock-sale', { tag: animal.tag, count: heads ?? undefined }),
        source: { type: 'animal', id: animal.id }, lines,
      });
      insertEvent(ctx, input.associationId, animal.id, 'sale', input.date, { amount: proceeds, heads, note: input.buyer ?? null, entryId: entry.id });
      return history(ctx, input.associationId, animal.id);
    },
  }),

  'livestock-care': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Pay a vet or feed cost for an animal, from the group’s money or a livestock grant',
    input: z.strictObject({
      associationId: id, animalId: id, date: isoDate, description: requiredText(200), amount: amountText,
      paidFrom: z.enum(CASH_ACCOUNTS, { error: 'field-invalid' }).default('cash_box'), funds: fundsInput,
    }),
    run(ctx, input): AnimalHistory {
      const association = writableAssociation(ctx, input.associationId);
      const { animal } = liveAnimal(ctx, loadFamily(ctx, input.associationId, input.animalId), input.animalId, input.date);
      const amount = amountAt(ctx, input.amount, association.currency, 'amount');
      const { spendingId, entryId } = recordSpending(ctx, {
        associationId: input.associationId, currency: association.currency, date: input.date, kind: 'livestock_care',
        description: typedMemo(`${input.description} (${animal.tag})`), amount, paidFrom: input.paidFrom, parts: fundParts(ctx, association.currency, amount, input.funds),
        animalId: animal.id, partsField: 'funds',
      });
      insertEvent(ctx, input.associationId, animal.id, 'care', input.date, { amount, note: input.description, spendingId, entryId });
      return history(ctx, input.associationId, animal.id);
    },
  }),

  'livestock-transfer': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Give an animal to another member to keep (not a pass-on: the group decided to move it)',
    input: keeperChange,
    run: (ctx, input): AnimalHistory => changeKeeper(ctx, input, 'transfer'),
  }),

  'livestock-pass-on': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Pass an animal on to the next member, under the group’s rule (first female offspring, or the animal itself)',
    input: keeperChange,
    run: (ctx, input): AnimalHistory => changeKeeper(ctx, input, 'pass_on'),
  }),

  'livestock-queue-add': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Put a member in the pass-on queue (first come, first served)',
    input: z.strictObject({ associationId: id, memberId: id, date: isoDate, note: optionalText(200) }),
    run(ctx, input): QueuePlace[] {
      writableAssociation(ctx, input.associationId);
      const member = keeperOn(ctx, input.associationId, input.memberId, input.date, 'memberId');
      if (passOnQueue(ctx, input.associationId).some((p) => p.memberId === member.id && p.position !== null)) {
        throw new LedgerError('queue-already-waiting', { name: member.fullName }, 'memberId');
      }
      handlerQueries(ctx.ledger).enqueue.run({
        id: ctx.newId(), associationId: input.associationId, memberId: member.id, addedOn: input.date, note: input.note ?? null,
        createdAt: ctx.now().toISOString(), createdBy: ctx.actorName,
      });
      return passOnQueue(ctx, input.associationId);
    },
    audit: (input) => ({ associationId: input.associationId, targetId: input.memberId }),
  }),

  'livestock-queue-list': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'The pass-on queue as of a date: who is waiting in which place, and who was served with which animal',
    input: z.strictObject({ associationId: id, asOf: isoDate.optional() }),
    run(ctx, input): QueuePlace[] {
      getAssociation(ctx, input.associationId);
      return passOnQueue(ctx, input.associationId, input.asOf ?? todayOf(ctx, input.associationId));
    },
  }),

  'livestock-rules-set': handler({
    kind: 'write',
    access: { roles: ADMINS },
    summary: 'Set the group’s pass-on rule: the first female offspring, or the animal itself',
    input: z.strictObject({ associationId: id, passOn: z.enum(PASS_ON_RULES, { error: 'field-invalid' }) }),
    run(ctx, input): { passOn: PassOnRule } {
      writableAssociation(ctx, input.associationId);
      const rules = { ...associationRules(ctx, input.associationId), livestockPassOn: input.passOn };
      handlerQueries(ctx.ledger).setRules.run({ rulesJson: JSON.stringify(rules), associationId: input.associationId });
      return { passOn: input.passOn };
    },
    audit: (input) => ({ associationId: input.associationId, targetId: input.associationId }),
  }),

  'livestock-list': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'The register: every animal with where it is and who keeps it, as of a date (optionally only one grant’s)',
    input: z.strictObject({ associationId: id, asOf: isoDate.optional(), grantId: id.optional() }),
    run(ctx, input): {
      asOf: string; passOn: PassOnRule; animals: AnimalView[]; headsBySpecies: { species: Species; heads: number }[];
      /** Minor units: the cost still carried by the animals alive (all of them, whatever grantId), and the livestock account's balance. */
      costHeld: string; costInJournal: string;
    } {
      getAssociation(ctx, input.associationId);
      const asOf = input.asOf ?? todayOf(ctx, input.associationId);
      const herd = loadHerd(ctx, input.associationId);
      const names = namesFor(ctx, input.associationId);
      const all = [...herd.values()].map((a) => animalView(herd, a, names, asOf)).filter((v): v is AnimalView => v !== null);
      const animals = input.grantId === undefined ? all : all.filter((v) => v.funding.some((f) => f.grantId === input.grantId));
      const headsBySpecies = SPECIES.map((species) => ({ species, heads: animals.filter((a) => a.species === species).reduce((n, a) => n + a.heads, 0) }))
        .filter((x) => x.heads > 0);
      const costHeld = sumMinor(all.map((v) => v.costLeft)).toFixed(0);
      const { sqlite } = ctx.ledger;
      const costInJournal = String(accountBalance(sqlite, input.associationId, accountByPurpose(sqlite, input.associationId, 'livestock').id, { asOf }));
      return { asOf, passOn: passOnRuleOf(ctx, input.associationId), animals, headsBySpecies, costHeld, costInJournal };
    },
  }),

  'livestock-get': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'One animal: its particulars, funding, keepers, offspring and every event, as of a date',
    input: z.strictObject({ associationId: id, animalId: id, asOf: isoDate.optional() }),
    run: (ctx, input): AnimalHistory => history(ctx, input.associationId, input.animalId, input.asOf ?? todayOf(ctx, input.associationId)),
  }),

  'livestock-tree': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'The pass-on chain: each animal the group bought, its offspring generation by generation, and who kept each',
    input: z.strictObject({ associationId: id, asOf: isoDate.optional(), grantId: id.optional() }),
    run(ctx, input): { asOf: string; roots: AnimalNode[] } {
      getAssociation(ctx, input.associationId);
      const asOf = input.asOf ?? todayOf(ctx, input.associationId);
      const herd = loadHerd(ctx, input.associationId);
      const names = namesFor(ctx, input.associationId);
      const children = childrenIndex(herd);
      const roots = [...herd.values()]
        .filter((a) => a.motherId === null && (input.grantId === undefined || a.funds.some((f) => f.grantId === input.grantId)))
        .map((a) => treeOf(herd, a, names, asOf, children))
        .filter((n): n is AnimalNode => n !== null);
      return { asOf, roots };
    },
  }),
};
