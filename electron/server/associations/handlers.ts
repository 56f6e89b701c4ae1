// Associations: the savings groups whose books these are. Creating one also opens
// its standard chart of accounts, in the same transaction.

import { and, eq, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { accounts, associations, members } from '../../../db/schema';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import { todayOf } from '../context';
import { getAssociation, listAssociations, writableAssociation, type AssociationView } from '../association-record';
export type { AssociationView } from '../association-record';
import { CURRENCY_CODES } from '../money/currency';
import { UI_LOCALES } from '../locale/numbers';
import { STANDARD_CHART } from '../journal/chart';
import { insertUser, renewRecoveryCode, type UserView } from '../access/users';
import type { CallContext } from '../context';
import { authorOf, recordChange } from '../audit-log';
import { administratorCount, associationCount, insertAdministrator } from '../access/administrators';
import { accountBalance, accountByPurpose } from '../journal/balances';
import { clearableText, isoDate, optionalText, requiredText, id } from '../validation';
import { typedQuery } from '../prepared';
import { EVERYONE, PUBLIC, READERS, RECORDERS } from '../auth/access';
import { freeCash, grantLabel, grantsOf } from '../funds/funds';
import { addDays } from '../locale/dates';
import { COUNTRY_CODES, isCountryCode, placeProblems, type CountryCode, type PlaceColumn } from '../locale/places';
import { loadHerd, stateOf } from '../livestock/herd';

/** A place's five columns; which are required, and from which list, depends on the country (locale/places.ts). */
const placeText = z.string({ error: 'field-invalid' }).trim().max(100, { error: 'field-too-long' });
const location = {
  country: z.enum(COUNTRY_CODES, { error: 'country-unknown' }).default('RW'),
  province: placeText.default(''),
  district: placeText.default(''),
  sector: placeText.default(''),
  cell: placeText.default(''),
  village: placeText.default(''),
};

/** Refuses a place its country does not have, in words, at the first field that is wrong. */
function checkPlace(country: CountryCode, place: Readonly<Record<PlaceColumn, string>>): void {
  const problem = placeProblems(country, place)[0];
  if (!problem) return;
  const code = problem.problem === 'required' ? 'field-required' : problem.problem === 'not-used' ? 'place-not-used' : 'place-not-in-list';
  throw new LedgerError(code, { value: place[problem.column] }, problem.column);
}

const createInput = z.strictObject({
  name: requiredText(120),
  registrationNo: optionalText(60),
  ...location,
  currency: z.enum(CURRENCY_CODES, { error: 'currency-unknown' }),
  language: z.enum(UI_LOCALES, { error: 'language-unknown' }).default('rw'),
  foundedOn: isoDate,
  /** The first user: the association's treasurer, with the PIN they chose. */
  treasurer: z.strictObject({ name: requiredText(80), pin: z.string({ error: 'field-required' }).min(1, { error: 'field-required' }).max(64) }, { error: 'field-required' }),
  /** At first start: the laptop's administrator, with their own PIN (who backs up and restores the whole file). */
  administrator: z.strictObject({ name: requiredText(80), pin: z.string({ error: 'field-required' }).min(1, { error: 'field-required' }).max(64) }).optional(),
});

const updateInput = z.strictObject({
  associationId: id,
  name: requiredText(120).optional(),
  registrationNo: clearableText(60),
  province: placeText.optional(),
  district: placeText.optional(),
  sector: placeText.optional(),
  cell: placeText.optional(),
  village: placeText.optional(),
  language: z.enum(UI_LOCALES, { error: 'language-unknown' }).optional(),
});

/** A new association, its first treasurer, and its recovery code (shown this once). */
export interface CreatedAssociation extends AssociationView {
  readonly treasurerId: string;
  readonly recoveryCode: string;
  /** The laptop's administrator, when named with this first association. */
  readonly administratorId: string | null;
}

export interface AssociationSummary {
  readonly asOf: string;
  readonly activeMembers: number;
  readonly activeWomen: number;
  readonly exitedMembers: number;
  /** Minor units. */
  readonly cashBox: string;
  readonly bank: string;
  readonly savings: string;
  readonly socialFund: string;
  /** Of the cash and bank, the unspent money of grants (restricted), and what is the group's own. */
  readonly grantsUnspent: string;
  readonly groupCash: string;
  /** Head of livestock alive (a batch of poultry counts each bird). */
  readonly livestockHeads: number;
  /** Head alive by kind (cows and chickens are not added up on screen), most first. */
  readonly livestockByKind: readonly { readonly species: string; readonly heads: number }[];
  /** Reports grantors expect within the next 30 days. */
  readonly reportsDue: readonly { readonly grant: string; readonly date: string }[];
}

/** A member still in the group on `asOf` (they had not left by then). */
const stillMember = sql`(${members.exitedOn} IS NULL OR ${members.exitedOn} > ${sql.placeholder('asOf')})`;

const associationQueries = typedQuery((db) => ({
  insert: db.insert(associations).values({
    id: sql.placeholder('id'), name: sql.placeholder('name'), registrationNo: sql.placeholder('registrationNo'),
    country: sql.placeholder('country'), province: sql.placeholder('province'), district: sql.placeholder('district'),
    sector: sql.placeholder('sector'), cell: sql.placeholder('cell'), village: sql.placeholder('village'),
    currency: sql.placeholder('currency'), language: sql.placeholder('language'), foundedOn: sql.placeholder('foundedOn'),
    createdAt: sql.placeholder('now'), createdBy: sql.placeholder('createdBy'), practice: sql.placeholder('practice'),
  }).prepare(),
  insertAccount: db.insert(accounts).values({
    id: sql.placeholder('id'), associationId: sql.placeholder('associationId'), code: sql.placeholder('code'),
    purpose: sql.placeholder('purpose'), type: sql.placeholder('type'), name: sql.placeholder('name'),
    perMember: sql.placeholder('perMember'), createdAt: sql.placeholder('now'),
  }).prepare(),
  /** Members who had joined by `asOf`: still in the group (and of them, women), and gone. */
  people: db.select({
    active: sql<number>`count(*) FILTER (WHERE ${stillMember})`,
    women: sql<number>`count(*) FILTER (WHERE ${stillMember} AND ${eq(members.gender, 'female')})`,
    exited: sql<number>`count(*) FILTER (WHERE ${members.exitedOn} IS NOT NULL AND ${members.exitedOn} <= ${sql.placeholder('asOf')})`,
  }).from(members)
    .where(and(eq(members.associationId, sql.placeholder('associationId')), lte(members.joinedOn, sql.placeholder('asOf')))).prepare(),
}));

/** What a new association's books start from: the association, its standard accounts and its treasurer. */
export type NewBooks = Omit<z.output<typeof createInput>, 'administrator' | 'registrationNo'> & { readonly registrationNo?: string | undefined };

/**
 * Writes a new association with its standard chart of accounts and its first
 * treasurer (shared by association-create and practice-create). `practice` marks
 * made-up books: set here, once, and never changed (a trigger keeps it).
 */
export function insertAssociationBooks(ctx: CallContext, input: NewBooks, practice: boolean): { associationId: string; treasurer: UserView } {
  checkPlace(input.country, input);
  const q = associationQueries(ctx.ledger);
  const associationId = ctx.newId();
  const now = ctx.now().toISOString();
  q.insert.run({
    id: associationId, name: input.name, registrationNo: input.registrationNo ?? null, country: input.country, province: input.province,
    district: input.district, sector: input.sector, cell: input.cell, village: input.village, currency: input.currency,
    language: input.language, foundedOn: input.foundedOn, now, createdBy: input.treasurer.name, practice: practice ? 1 : null,
  });
  for (const a of STANDARD_CHART) {
    q.insertAccount.run({ id: ctx.newId(), associationId, code: a.code, purpose: a.purpose, type: a.type, name: a.name, perMember: a.perMember, now });
  }
  try {
    return { associationId, treasurer: insertUser(ctx, { associationId, name: input.treasurer.name, role: 'treasurer', pin: input.treasurer.pin }, input.treasurer.name) };
  } catch (err) {
    // The PIN or name problems concern the treasurer's part of this form.
    throw err instanceof LedgerError && err.field ? err.atField(`treasurer.${err.field}`) : err;
  }
}

export const associationHandlers = {
  'association-create': handler({
    kind: 'write',
    // Anyone at a laptop that holds no books yet (first start); after that only the
    // laptop's administrator may add an association.
    access: PUBLIC,
    summary: 'Create an association with its location, currency and standard accounts (at first start, with the laptop’s administrator)',
    input: createInput,
    eventDate: 'foundedOn',
    audit: (_input, created: CreatedAssociation) => ({ associationId: created.id, targetId: created.id }),
    run(ctx, input): CreatedAssociation {
      const firstStart = associationCount(ctx) === 0 && administratorCount(ctx) === 0;
      if (!firstStart && ctx.user?.role !== 'administrator') throw new LedgerError('association-create-administrator-only');
      if (input.administrator && administratorCount(ctx) > 0) throw new LedgerError('administrator-exists', {}, 'administrator');
      const { associationId, treasurer } = insertAssociationBooks(ctx, input, false);
      let administratorId: string | null = null;
      if (input.administrator) {
        try {
          administratorId = insertAdministrator(ctx, input.administrator, input.treasurer.name).id;
          // The administrator belongs to the laptop, whose own history records them.
          recordChange(ctx, authorOf(ctx, input.treasurer.name), { associationId: null, command: 'administrator-create', input: { name: input.administrator.name }, targetId: administratorId });
        } catch (err) {
          throw err instanceof LedgerError && err.field ? err.atField(`administrator.${err.field}`) : err;
        }
      }
      return { ...getAssociation(ctx, associationId), treasurerId: treasurer.id, recoveryCode: renewRecoveryCode(ctx, associationId), administratorId };
    },
  }),

  'association-update': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Correct an association’s name, registration number, location or language',
    input: updateInput,
    run(ctx, input): AssociationView {
      const before = writableAssociation(ctx, input.associationId);
      // The place is checked when it is corrected: a new name alone never fails on a place written before the lists.
      const placeGiven = [input.province, input.district, input.sector, input.cell, input.village].some((v) => v !== undefined);
      const place = { province: input.province ?? before.province, district: input.district ?? before.district, sector: input.sector ?? before.sector, cell: input.cell ?? before.cell, village: input.village ?? before.village };
      if (placeGiven && isCountryCode(before.country)) checkPlace(before.country, place);
      const changes = {
        name: input.name, registrationNo: input.registrationNo, province: input.province, district: input.district,
        sector: input.sector, cell: input.cell, village: input.village, language: input.language,
      };
      // Only the fields given change (drizzle leaves out the undefined ones).
      if (Object.values(changes).some((v) => v !== undefined)) {
        ctx.ledger.db.update(associations).set(changes).where(eq(associations.id, input.associationId)).run();
      }
      return getAssociation(ctx, input.associationId);
    },
  }),

  'association-get': handler({
    kind: 'read',
    access: { roles: EVERYONE },
    summary: 'One association',
    input: z.strictObject({ associationId: id }),
    run: (ctx, input): AssociationView => getAssociation(ctx, input.associationId),
  }),

  'association-summary-get': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'Headline figures for the home screen: members (and women), cash, bank, savings, social fund, grant money unspent, livestock alive',
    input: z.strictObject({ associationId: id, asOf: isoDate.optional() }),
    run(ctx, input): AssociationSummary {
      getAssociation(ctx, input.associationId);
      const { sqlite } = ctx.ledger;
      const asOf = input.asOf ?? todayOf(ctx, input.associationId);
      const people = associationQueries(ctx.ledger).people.get({ asOf, associationId: input.associationId })!;
      const balanceOf = (purpose: string) =>
        accountBalance(sqlite, input.associationId, accountByPurpose(sqlite, input.associationId, purpose).id, { asOf });
      const grants = freeCash(ctx, input.associationId, 'group-spending', asOf);
      const herd = loadHerd(ctx, input.associationId);
      return {
        asOf,
        activeMembers: people.active,
        activeWomen: people.women,
        exitedMembers: people.exited,
        cashBox: String(balanceOf('cash_box')),
        bank: String(balanceOf('bank')),
        // Liabilities have credit balances: shown as what the group holds for members.
        savings: String(-balanceOf('member_savings')),
        socialFund: String(-balanceOf('social_fund')),
        grantsUnspent: String(grants.held),
        groupCash: String(grants.free),
        livestockHeads: [...herd.values()].reduce((n, a) => n + (stateOf(a, asOf)?.heads ?? 0), 0),
        livestockByKind: byKind(herd, asOf),
        reportsDue: grantsOf(ctx, input.associationId)
          .flatMap((g) => g.reportingDates.filter((d) => d >= asOf && d <= addDays(asOf, 30)).map((date) => ({ grant: grantLabel(g), date })))
          .sort((x, y) => x.date.localeCompare(y.date)),
      };
    },
  }),

  'association-list': handler({
    kind: 'read',
    access: PUBLIC,
    summary: 'Every association whose people sign in on this laptop (imported groups open from the programme page)',
    input: z.strictObject({}),
    run(ctx): AssociationView[] {
      return listAssociations(ctx).filter((a) => !a.readOnly);
    },
  }),
};

/** Head alive on the day, by kind, most first. */
function byKind(herd: ReturnType<typeof loadHerd>, asOf: string): { species: string; heads: number }[] {
  const heads = new Map<string, number>();
  for (const a of herd.values()) {
    const alive = stateOf(a, asOf)?.heads ?? 0;
    if (alive > 0) heads.set(a.species, (heads.get(a.species) ?? 0) + alive);
  }
  return [...heads.entries()].map(([species, n]) => ({ species, heads: n })).sort((x, y) => y.heads - x.heads || x.species.localeCompare(y.species));
}
