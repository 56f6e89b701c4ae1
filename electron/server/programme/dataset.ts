// The programme's dataset: one row per group per quarter (as SAVIX lays out its
// group data), with the group's place and notes, its additive figures and the
// indicators worked out from them. Every export (CSV, XLSX, PDF, Parquet) writes
// these columns; their names are stable (the README lists them).

import { eq } from 'drizzle-orm';
import { associations, exchangeSources, programmeGroups, programmeQuarters } from '../../../db/schema';
import type { CallContext } from '../context';
import { typedQuery } from '../prepared';
import { COUNT_FIELDS, indicatorsOf, MONEY_FIELDS, type Figures, type IndicatorId } from './measures';

export interface DatasetRow {
  readonly country: string;
  readonly province: string;
  readonly district: string;
  readonly sector: string;
  readonly project: string | null;
  readonly facilitator: string | null;
  readonly groupId: string;
  readonly groupName: string;
  readonly currency: string;
  readonly quarter: string;
  readonly asOf: string;
  readonly partial: boolean;
  readonly cycleNo: number | null;
  readonly cycleStart: string | null;
  readonly cycleWeeks: number | null;
  readonly exportedAt: string;
  readonly figures: Figures;
}

/** How a column is written: text, a date, a yes/no, a count, whole minor units of the row's currency, or a percentage ("12.5"). */
export type DatasetKind = 'text' | 'date' | 'flag' | 'count' | 'money' | 'percent';

export interface DatasetColumn {
  /** snake_case, stable: CSV headers, Parquet columns, the XLSX's second header row. */
  readonly key: string;
  readonly kind: DatasetKind;
  /** The message (server catalogs) that names it, or the indicator it is. */
  readonly indicator?: IndicatorId;
  readonly value: (row: DatasetRow) => string | null;
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const text = (key: string, value: (row: DatasetRow) => string | null, kind: DatasetKind = 'text'): DatasetColumn => ({ key, kind, value });

/** The indicators a row adds to its figures (those not already a figure of the same name). */
const DERIVED: readonly { key: string; indicator: IndicatorId; kind: DatasetKind }[] = [
  { key: 'women_share_pct', indicator: 'womenShare', kind: 'percent' },
  { key: 'attendance_rate_pct', indicator: 'attendanceRate', kind: 'percent' },
  { key: 'savings_per_member', indicator: 'savingsPerMember', kind: 'money' },
  { key: 'average_loan', indicator: 'averageLoan', kind: 'money' },
  { key: 'loan_fund_utilisation_pct', indicator: 'loanFundUtilisation', kind: 'percent' },
  { key: 'par30_pct', indicator: 'par30', kind: 'percent' },
  { key: 'return_on_savings_pct', indicator: 'returnOnSavings', kind: 'percent' },
  { key: 'return_on_assets_pct', indicator: 'returnOnAssets', kind: 'percent' },
  { key: 'grants_spent', indicator: 'grantsSpent', kind: 'money' },
];

export const DATASET_COLUMNS: readonly DatasetColumn[] = [
  text('country', (r) => r.country),
  text('province', (r) => r.province),
  text('district', (r) => r.district),
  text('sector', (r) => r.sector),
  text('project', (r) => r.project),
  text('facilitator', (r) => r.facilitator),
  text('group_id', (r) => r.groupId),
  text('group_name', (r) => r.groupName),
  text('currency', (r) => r.currency),
  text('quarter', (r) => r.quarter),
  text('as_of', (r) => r.asOf, 'date'),
  text('partial', (r) => (r.partial ? 'true' : 'false'), 'flag'),
  text('cycle_no', (r) => (r.cycleNo === null ? null : String(r.cycleNo)), 'count'),
  text('cycle_start', (r) => r.cycleStart, 'date'),
  text('cycle_weeks', (r) => (r.cycleWeeks === null ? null : String(r.cycleWeeks)), 'count'),
  // The figures themselves, additive: a funder's engine sums them and divides as the README says.
  ...COUNT_FIELDS.filter((f) => f !== 'groups').map((f): DatasetColumn => ({ key: snake(f), kind: 'count', value: (r) => String(r.figures[f]) })),
  ...MONEY_FIELDS.map((f): DatasetColumn => ({ key: snake(f), kind: 'money', value: (r) => r.figures[f] })),
  ...DERIVED.map(({ key, indicator, kind }): DatasetColumn => ({ key, kind, indicator, value: (r) => {
    const v = indicatorsOf(r.figures)[indicator];
    return v === null ? null : String(v);
  } })),
  text('books_exported_on', (r) => r.exportedAt.slice(0, 10), 'date'),
];

const queries = typedQuery((db) => ({
  rows: db.select({
    country: associations.country, province: associations.province, district: associations.district, sector: associations.sector,
    project: programmeGroups.project, facilitator: programmeGroups.facilitator, groupName: associations.name, exportedAt: exchangeSources.exportedAt,
    row: programmeQuarters,
  }).from(programmeQuarters)
    .innerJoin(associations, eq(associations.id, programmeQuarters.associationId))
    .innerJoin(exchangeSources, eq(exchangeSources.associationId, programmeQuarters.associationId))
    .leftJoin(programmeGroups, eq(programmeGroups.associationId, programmeQuarters.associationId))
    .orderBy(associations.country, programmeQuarters.quarter, associations.province, associations.district, associations.sector, associations.name, associations.id)
    .prepare(),
}));

/** Every imported group's quarters, in country, quarter and place order. */
export function datasetRows(ctx: Pick<CallContext, 'ledger'>): DatasetRow[] {
  return queries(ctx.ledger).rows.all().map(({ row, ...g }) => {
    const figures: Record<string, number | string> = { groups: 1 };
    for (const f of COUNT_FIELDS) if (f !== 'groups') figures[f] = row[f];
    for (const f of MONEY_FIELDS) figures[f] = String(row[f]);
    return {
      ...g, groupId: row.associationId, currency: row.currency, quarter: row.quarter, asOf: row.asOf, partial: row.partial,
      cycleNo: row.cycleNo, cycleStart: row.cycleStart, cycleWeeks: row.cycleWeeks, figures: figures as unknown as Figures,
    };
  });
}
