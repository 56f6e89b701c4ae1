// A practice group: "try it first" on a laptop, with made-up members and a cycle that
// starts today, so a treasurer can hold a first meeting before touching real books.
// It is an association like any other (the same screens, rules and checks), marked
// as practice when it is created — never later — and deleted in one step by one of
// its own officers. The server does the deleting (server.ts, practice/delete.ts):
// nothing of any other association is touched.

import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { associations } from '../../../db/schema';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import { todayOf, type CallContext } from '../context';
import { LAPTOP_ADMIN, PUBLIC, RECORDERS } from '../auth/access';
import { getAssociation, writableAssociation, type AssociationView } from '../association-record';
import { requirePracticeGroup } from './delete';
import { administratorCount, associationCount } from '../access/administrators';
import { insertAssociationBooks } from '../associations/handlers';
import { memberHandlers } from '../members/handlers';
import { cycleHandlers } from '../cycles/handlers';
import { COUNTRY_CODES, COUNTRY_OF_LANGUAGE, COUNTRY_PLACES, placeLevels, type CountryCode, type PlaceColumn } from '../locale/places';
import { UI_LOCALES, type UiLocale } from '../locale/numbers';
import { addDays } from '../locale/dates';
import { messageIn } from '../messages/render';
import { requiredText, id } from '../validation';
import { typedQuery } from '../prepared';
import { sampleMembers, sampleRules } from './sample';

/** More than this many practice groups at once is clutter on a shared laptop: delete one first. */
export const MAX_PRACTICE_GROUPS = 5;

const pin = z.string({ error: 'field-required' }).min(1, { error: 'field-required' }).max(64);

const createInput = z.strictObject({
  language: z.enum(UI_LOCALES, { error: 'language-unknown' }).default('rw'),
  /** Else the language's country (Kirundi: Burundi; Swahili: the DRC; otherwise Rwanda). */
  country: z.enum(COUNTRY_CODES, { error: 'country-unknown' }).optional(),
  /** Whoever is practising, with a PIN of their own: they sign in as the practice group's treasurer. */
  treasurer: z.strictObject({ name: requiredText(80), pin }, { error: 'field-required' }),
});

export interface CreatedPractice extends AssociationView {
  readonly treasurerId: string;
}

export interface DeletedPractice {
  readonly associationId: string;
  readonly name: string;
}

const practiceCount = typedQuery((db) => db.select({ n: count() }).from(associations).where(eq(associations.practice, 1)).prepare());

/** The practice group's place: the country's first listed province (and district), the smaller levels named "Practice". */
function samplePlace(country: CountryCode, language: UiLocale): Record<PlaceColumn, string> {
  const first = COUNTRY_PLACES[country].firstLevel[0]!;
  const place: Record<PlaceColumn, string> = { province: '', district: '', sector: '', cell: '', village: '' };
  for (const level of placeLevels(country)) place[level.column] = messageIn(language, 'practice-place', {});
  place.province = first.name;
  if (first.secondLevel) place.district = first.secondLevel[0]!;
  return place;
}

/** Refuses any association but a practice group, in words (an imported copy is refused before: read-only). */
export function refuseUnlessPractice(ctx: CallContext, associationId: string): AssociationView {
  const association = writableAssociation(ctx, associationId);
  requirePracticeGroup(ctx.ledger.sqlite, associationId, association.name);
  return association;
}

export const practiceHandlers = {
  'practice-create': handler({
    kind: 'write',
    // As association-create: anyone at a laptop holding no real books yet, else the laptop's administrator.
    access: PUBLIC,
    summary: 'Try Ikimina with a practice group: ten made-up members and a cycle starting today, deleted later in one step',
    input: createInput,
    audit: (_input, created: CreatedPractice) => ({ associationId: created.id, targetId: created.id }),
    run(ctx, input): CreatedPractice {
      const firstStart = associationCount(ctx) === 0 && administratorCount(ctx) === 0;
      if (!firstStart && ctx.user?.role !== 'administrator') throw new LedgerError('association-create-administrator-only');
      if (practiceCount(ctx.ledger).get()!.n >= MAX_PRACTICE_GROUPS) throw new LedgerError('practice-too-many', { count: MAX_PRACTICE_GROUPS });
      const language = input.language;
      const country = input.country ?? COUNTRY_OF_LANGUAGE[language] ?? 'RW';
      const place = samplePlace(country, language);
      const today = todayOf(ctx, { country, province: place.province });
      const { associationId, treasurer } = insertAssociationBooks(ctx, {
        name: messageIn(language, 'practice-group-name', {}), country, ...place,
        currency: COUNTRY_PLACES[country].currency, language, foundedOn: today, treasurer: input.treasurer,
      }, true);
      // The members and the cycle go in through their own commands' rules, in this same transaction.
      const asTreasurer: CallContext = { ...ctx, actorName: input.treasurer.name };
      const addMember = memberHandlers['member-add'];
      for (const member of sampleMembers(country)) addMember.run(asTreasurer, addMember.input.parse({ associationId, ...member, joinedOn: today }));
      const createCycle = cycleHandlers['cycle-create'];
      createCycle.run(asTreasurer, createCycle.input.parse({
        associationId, name: messageIn(language, 'practice-cycle-name', {}), startsOn: today, endsOn: addDays(today, 363), rules: sampleRules(country),
      }));
      return { ...getAssociation(ctx, associationId), treasurerId: treasurer.id };
    },
  }),

  'practice-delete': handler({
    // The server deletes once the call is allowed (it lifts the append-only guards and
    // tells the heads kept outside the file); the laptop's own history records it.
    kind: 'read',
    effect: 'delete-practice',
    // Its own officers; and the laptop's administrator, for a practice whose PIN was forgotten (it has no recovery code).
    access: { roles: [...RECORDERS, ...LAPTOP_ADMIN], administratorAnyAssociation: true },
    summary: 'Delete a practice group and everything in it (confirm: true); real books cannot be deleted',
    input: z.strictObject({ associationId: id, confirm: z.literal(true, { error: 'practice-delete-needs-confirmation' }) }),
    run(ctx, input): DeletedPractice {
      const association = refuseUnlessPractice(ctx, input.associationId);
      return { associationId: association.id, name: association.name };
    },
  }),
};
