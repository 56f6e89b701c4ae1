// The coordinator's programme view: every imported group's figures for a quarter,
// the programme's totals quarter by quarter, the flags of groups needing a visit,
// and each indicator's definition in the reader's language. Read from the summary
// table only (summary.ts): the journal is never read here.

import { and, asc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { associations, exchangeConflicts, exchangeSources, programmeGroups, programmeQuarters } from '../../../db/schema';
import { handler } from '../registry';
import type { CallContext } from '../context';
import { typedQuery } from '../prepared';
import { PROGRAMME } from '../auth/access';
import { id, optionalText } from '../validation';
import { LedgerError } from '../errors';
import { messageIn } from '../messages/render';
import { daysBetween } from '../locale/dates';
import { CURRENCY_CODES } from '../money/currency';
import { decimal } from '../money/money';
import { COUNT_FIELDS, DEFAULT_PAR_THRESHOLD, INDICATORS, MONEY_FIELDS, indicatorsOf, type Figures, type Flag, type IndicatorKind } from './measures';
import { isQuarter, quarterOf, shiftQuarter } from './quarters';
import { rebuildSummary } from './summary';
import { datasetRows } from './dataset';
import { PROGRAMME_EXPORT_FORMATS, type ProgrammeExportData } from './export';

export interface ProgrammeGroupRow {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly province: string;
  readonly district: string;
  readonly sector: string;
  readonly project: string | null;
  readonly facilitator: string | null;
  readonly exportedAt: string;
  readonly lastImportedAt: string;
  readonly daysSinceImport: number;
  readonly openConflicts: number;
  /** The group's figures for the quarter looked at; null when its books do not reach it. */
  readonly figures: Figures | null;
  readonly partial: boolean;
  readonly asOf: string | null;
  readonly cycleNo: number | null;
  readonly cycleStart: string | null;
  readonly cycleWeeks: number | null;
  readonly flags: readonly Flag[];
}

export interface ProgrammeView {
  readonly today: string;
  /** The currencies the imported groups keep their books in, with how many groups each: the page shows one at a time. */
  readonly currencies: readonly { code: string; groups: number }[];
  readonly currency: string | null;
  readonly quarters: readonly string[];
  readonly quarter: string | null;
  readonly parThreshold: string;
  /** The programme's totals (of the groups shown), quarter by quarter. */
  readonly trend: readonly { quarter: string; figures: Figures }[];
  readonly groups: readonly ProgrammeGroupRow[];
}

const columns = getTableColumns(programmeQuarters);
const sums = {
  ...Object.fromEntries(COUNT_FIELDS.filter((f) => f !== 'groups').map((f) => [f, sql<number>`sum(${columns[f as keyof typeof columns]})`])),
  ...Object.fromEntries(MONEY_FIELDS.map((f) => [f, sql<number>`sum(${columns[f as keyof typeof columns]})`])),
} as Record<string, SQL<number>>;

/** The places and notes a view may be narrowed to. */
const filter = z.strictObject({
  country: optionalText(80), province: optionalText(80), district: optionalText(80), sector: optionalText(80), project: optionalText(120), facilitator: optionalText(120),
});
type Filter = Partial<z.output<typeof filter>>;

const queries = typedQuery((db) => ({
  currencies: db.select({ code: programmeQuarters.currency, groups: sql<number>`count(DISTINCT ${programmeQuarters.associationId})` }).from(programmeQuarters)
    .groupBy(programmeQuarters.currency).orderBy(sql`2 DESC`, programmeQuarters.currency).prepare(),
  quarters: db.selectDistinct({ quarter: programmeQuarters.quarter }).from(programmeQuarters).where(eq(programmeQuarters.currency, sql.placeholder('currency')))
    .orderBy(asc(programmeQuarters.quarter)).prepare(),
  groups: db.select({
    id: associations.id, name: associations.name, country: associations.country, province: associations.province, district: associations.district,
    sector: associations.sector, currency: associations.currency, project: programmeGroups.project, facilitator: programmeGroups.facilitator,
    exportedAt: exchangeSources.exportedAt, lastImportedAt: exchangeSources.lastImportedAt,
    openConflicts: sql<number>`(SELECT count(*) FROM ${exchangeConflicts} c WHERE c.association_id = ${associations.id} AND c.resolved_at IS NULL)`,
  }).from(exchangeSources).innerJoin(associations, eq(associations.id, exchangeSources.associationId))
    .leftJoin(programmeGroups, eq(programmeGroups.associationId, associations.id))
    .where(eq(associations.currency, sql.placeholder('currency')))
    .orderBy(associations.country, associations.province, associations.district, associations.sector, sql`${associations.name} COLLATE NOCASE`).prepare(),
  quarterRows: db.select().from(programmeQuarters)
    .where(and(eq(programmeQuarters.quarter, sql.placeholder('quarter')), eq(programmeQuarters.currency, sql.placeholder('currency')))).prepare(),
  currencyRows: db.select().from(programmeQuarters).where(eq(programmeQuarters.currency, sql.placeholder('currency'))).prepare(),
  trendAll: db.select({ quarter: programmeQuarters.quarter, groups: sql<number>`count(*)`, ...sums }).from(programmeQuarters)
    .where(eq(programmeQuarters.currency, sql.placeholder('currency')))
    .groupBy(programmeQuarters.quarter).orderBy(asc(programmeQuarters.quarter)).prepare(),
  isImported: db.select({ id: exchangeSources.associationId }).from(exchangeSources).where(eq(exchangeSources.associationId, sql.placeholder('id'))).prepare(),
  note: db.insert(programmeGroups).values({
    associationId: sql.placeholder('associationId'), project: sql.placeholder('project'), facilitator: sql.placeholder('facilitator'),
    updatedAt: sql.placeholder('now'), updatedBy: sql.placeholder('by'),
  }).onConflictDoUpdate({
    target: programmeGroups.associationId,
    set: { project: sql`excluded.project`, facilitator: sql`excluded.facilitator`, updatedAt: sql`excluded.updated_at`, updatedBy: sql`excluded.updated_by` },
  }).prepare(),
}));

/** A summed row as figures: counts as numbers, money as whole minor units in text. */
function figuresOf(row: Record<string, unknown>): Figures {
  const out: Record<string, number | string> = {};
  for (const f of COUNT_FIELDS) out[f] = Number(row[f] ?? 0);
  for (const f of MONEY_FIELDS) out[f] = String(row[f] ?? 0);
  return out as unknown as Figures;
}

const matches = (g: Record<string, unknown>, f: Filter) =>
  (Object.keys(f) as (keyof Filter)[]).every((k) => f[k] === undefined || (g[k] ?? '') === f[k]);

function flagsOf(figures: Figures | null, group: { exportedAt: string; openConflicts: number }, today: string, threshold: string): Flag[] {
  const flags: Flag[] = [];
  const par = figures ? indicatorsOf(figures).par30 : null;
  if (par !== null && decimal(par).gt(threshold)) flags.push('par30');
  if (figures && figures.cashDifferences > 0) flags.push('cashDifference');
  if (quarterOf(group.exportedAt.slice(0, 10)) <= shiftQuarter(quarterOf(today), -2)) flags.push('noImport');
  if (figures && figures.grantReportsOverdue > 0) flags.push('grantReportOverdue');
  if (group.openConflicts > 0) flags.push('conflict');
  return flags;
}

export function programmeView(ctx: CallContext, input: { currency?: string | undefined; quarter?: string | undefined; parThreshold?: string | undefined; filter?: Filter | undefined }): ProgrammeView {
  const q = queries(ctx.ledger);
  const today = ctx.now().toISOString().slice(0, 10);
  const currencies = q.currencies.all();
  const currency = input.currency ?? currencies[0]?.code ?? null;
  const parThreshold = input.parThreshold ?? DEFAULT_PAR_THRESHOLD;
  if (!currency) return { today, currencies, currency, quarters: [], quarter: null, parThreshold, trend: [], groups: [] };
  const quarters = q.quarters.all({ currency }).map((r) => r.quarter);
  // Unless asked for, the last quarter that has ended (today's is still partial for every group), or the newest there is.
  const ended = quarters.filter((q) => q < quarterOf(today));
  const quarter = input.quarter ?? ended.at(-1) ?? quarters.at(-1) ?? null;
  const wanted = input.filter ?? {};
  const groups = q.groups.all({ currency }).filter((g) => matches(g, wanted));
  const shown = new Set(groups.map((g) => g.id));
  const byGroup = new Map(quarter ? q.quarterRows.all({ quarter, currency }).map((r) => [r.associationId, r]) : []);
  const rows: ProgrammeGroupRow[] = groups.map((g) => {
    const r = byGroup.get(g.id);
    const figures = r ? figuresOf({ ...r, groups: 1 }) : null;
    return {
      id: g.id, name: g.name, country: g.country, province: g.province, district: g.district, sector: g.sector, project: g.project, facilitator: g.facilitator,
      exportedAt: g.exportedAt, lastImportedAt: g.lastImportedAt, daysSinceImport: Math.max(0, daysBetween(g.lastImportedAt.slice(0, 10), today)),
      openConflicts: g.openConflicts, figures, partial: r?.partial ?? false, asOf: r?.asOf ?? null,
      cycleNo: r?.cycleNo ?? null, cycleStart: r?.cycleStart ?? null, cycleWeeks: r?.cycleWeeks ?? null,
      flags: flagsOf(figures, g, today, parThreshold),
    };
  });
  // The whole programme's trend is summed by SQLite; a narrowed view's, from its groups' rows.
  const narrowed = Object.values(wanted).some((v) => v !== undefined);
  const trend = narrowed ? narrowedTrend(q.currencyRows.all({ currency }).filter((r) => shown.has(r.associationId))) : q.trendAll.all({ currency }).map((r) => ({ quarter: r.quarter, figures: figuresOf(r) }));
  return { today, currencies, currency, quarters, quarter, parThreshold, trend, groups: rows };
}

function narrowedTrend(rows: readonly (typeof programmeQuarters.$inferSelect)[]): { quarter: string; figures: Figures }[] {
  const byQuarter = new Map<string, Record<string, unknown>[]>();
  for (const r of rows) (byQuarter.get(r.quarter) ?? byQuarter.set(r.quarter, []).get(r.quarter)!).push({ ...r, groups: 1 });
  return [...byQuarter.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([quarter, list]) => {
    const total: Record<string, unknown> = {};
    for (const f of COUNT_FIELDS) total[f] = list.reduce((s, r) => s + Number(r[f] ?? 0), 0);
    // Whole minor units summed as BigInt: exact whatever the programme's size.
    for (const f of MONEY_FIELDS) total[f] = list.reduce((s, r) => s + BigInt(r[f] as number), 0n).toString();
    return { quarter, figures: figuresOf(total) };
  });
}

export interface IndicatorDefinition {
  readonly id: string;
  readonly kind: IndicatorKind;
  readonly name: string;
  readonly definition: string;
}

/** Each indicator's name and definition in the reader's language (the page and every export show them). */
export function definitions(locale: CallContext['actor']['locale']): IndicatorDefinition[] {
  return INDICATORS.map((i) => ({
    id: i.id, kind: i.kind, name: messageIn(locale, `programme.indicator.${i.id}`, {}), definition: messageIn(locale, `programme.definition.${i.id}`, { days: 30 }),
  }));
}

const threshold = z.string().trim().regex(/^\d{1,2}(\.\d)?$/, { error: 'programme-threshold-invalid' });

export const programmeHandlers = {
  'programme-view': handler({
    kind: 'read',
    access: PROGRAMME,
    summary: 'The programme for a quarter: every imported group’s figures and flags, and the totals quarter by quarter (one currency at a time)',
    input: z.strictObject({
      currency: z.enum(CURRENCY_CODES, { error: 'field-not-allowed' }).optional(),
      quarter: z.string().refine(isQuarter, { error: 'programme-quarter-invalid' }).optional(),
      parThreshold: threshold.optional(),
      filter: filter.optional(),
    }),
    run: (ctx, input): ProgrammeView => programmeView(ctx, input),
  }),

  'programme-definitions': handler({
    kind: 'read',
    access: PROGRAMME,
    summary: 'Each programme indicator’s name and definition, in the reader’s language',
    input: z.strictObject({}),
    run: (ctx): IndicatorDefinition[] => definitions(ctx.actor.locale),
  }),

  'programme-rebuild': handler({
    kind: 'write',
    access: PROGRAMME,
    summary: 'Work the programme’s summary out again from every imported group’s books',
    input: z.strictObject({}),
    audit: () => ({ associationId: null, targetId: null }),
    run: (ctx): { groups: number; quarters: number } => rebuildSummary(ctx),
  }),

  'programme-group-note': handler({
    kind: 'write',
    access: PROGRAMME,
    summary: 'Note the project and the facilitator of an imported group (the programme view groups by them)',
    input: z.strictObject({ groupId: id, project: optionalText(120), facilitator: optionalText(120) }),
    audit: (input) => ({ associationId: null, targetId: input.groupId }),
    run(ctx, input): { id: string } {
      const q = queries(ctx.ledger);
      if (!q.isImported.get({ id: input.groupId })) throw new LedgerError('exchange-group-not-imported', {}, 'groupId');
      q.note.run({ associationId: input.groupId, project: input.project ?? null, facilitator: input.facilitator ?? null, now: ctx.now().toISOString(), by: ctx.actorName });
      return { id: input.groupId };
    },
  }),

  'programme-export-data': handler({
    kind: 'read',
    internal: true,
    logged: true,
    access: PROGRAMME,
    summary: 'What an export of the programme holds: every group-quarter, the definitions, and the view of the report’s quarter',
    input: z.strictObject({
      format: z.enum(PROGRAMME_EXPORT_FORMATS, { error: 'field-not-allowed' }),
      currency: z.enum(CURRENCY_CODES, { error: 'field-not-allowed' }).optional(),
      quarter: z.string().refine(isQuarter, { error: 'programme-quarter-invalid' }).optional(),
    }),
    run(ctx, input): ProgrammeExportData {
      const view = programmeView(ctx, { currency: input.currency, quarter: input.quarter });
      if (!view.currency) throw new LedgerError('programme-nothing-to-export');
      return {
        rows: datasetRows(ctx), definitions: definitions(ctx.actor.locale), view, printedBy: ctx.actorName, printedAt: ctx.now().toISOString(), locale: ctx.actor.locale,
      };
    },
  }),
};
