// The programme's table and charts, worked out here (not in the components): the
// imported groups rolled up by a place, a project or a facilitator — each grouped
// row's ratios worked out from its groups' sums (programme/measures.ts) — and the
// trend's figures as the charts draw them.

import type { Figures, IndicatorId, IndicatorKind, IndicatorValue, ProgrammeGroupRow, ProgrammeView } from '../../electron/server/contract';
import { addUp, indicatorsOf, INDICATORS } from '../../electron/server/programme/measures';
import { minorToMajor } from '../../electron/server/money/money';
import type { CurrencyCode } from '../../electron/server/money/currency';
import { isCountryCode, placeLevels } from '../../electron/server/locale/places';

export const GROUPINGS = ['none', 'country', 'province', 'district', 'sector', 'project', 'facilitator'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** The indicators the table shows as columns (the rest are in the definitions and the exports). */
export const TABLE_INDICATORS: readonly IndicatorId[] = [
  'members', 'womenShare', 'attendanceRate', 'savings', 'savingsPerMember', 'loansOutstandingValue', 'par30', 'loanFundUtilisation',
  'returnOnSavings', 'socialFund', 'grantsUnspent', 'animalsAlive',
];

export const KIND: Readonly<Record<IndicatorId, IndicatorKind>> = Object.fromEntries(INDICATORS.map((i) => [i.id, i.kind])) as Record<IndicatorId, IndicatorKind>;

/** A line of the table: one group, or a place (project, facilitator) with its groups under it. */
export interface TableLine {
  readonly id: string;
  readonly label: string;
  /** The group, for a line of one group. */
  readonly group: ProgrammeGroupRow | null;
  readonly values: Readonly<Record<IndicatorId, IndicatorValue>> | null;
  readonly flags: readonly string[];
  readonly subRows?: TableLine[];
}

function lineOf(group: ProgrammeGroupRow): TableLine {
  return { id: group.id, label: group.name, group, values: group.figures ? indicatorsOf(group.figures) : null, flags: group.flags, subRows: undefined };
}

/**
 * The i18n key naming a grouping: a place level by the country's own name when every
 * group shown is of one country (Burundi's "commune", Liberia's "county"), else the
 * general name ("province", "district").
 */
export function groupingLabelKey(grouping: Grouping, groups: readonly Pick<ProgrammeGroupRow, 'country'>[]): string {
  const countries = new Set(groups.map((g) => g.country));
  const only = countries.size === 1 ? [...countries][0]! : null;
  if ((grouping === 'province' || grouping === 'district' || grouping === 'sector') && only && isCountryCode(only)) {
    const level = placeLevels(only).find((l) => l.column === grouping);
    if (level) return `place.${only}.${level.key}`;
  }
  return `programme.grouping.${grouping}`;
}

/** The place (or project, facilitator) a group is counted under; '' when the coordinator has not noted one. */
export function keyOf(group: ProgrammeGroupRow, grouping: Exclude<Grouping, 'none'>): string {
  return group[grouping] ?? '';
}

/** The groups as the table's lines: one each, or rolled up under the chosen grouping (the groups behind each line under it). */
export function tableLines(groups: readonly ProgrammeGroupRow[], grouping: Grouping): TableLine[] {
  if (grouping === 'none') return groups.map(lineOf);
  const byKey = new Map<string, ProgrammeGroupRow[]>();
  for (const g of groups) (byKey.get(keyOf(g, grouping)) ?? byKey.set(keyOf(g, grouping), []).get(keyOf(g, grouping))!).push(g);
  return [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, list]) => {
    const reporting = list.map((g) => g.figures).filter((f): f is Figures => f !== null);
    return {
      id: `${grouping}:${key}`,
      label: key,
      group: null,
      values: reporting.length > 0 ? indicatorsOf(addUp(reporting)) : null,
      flags: [...new Set(list.flatMap((g) => g.flags))],
      subRows: list.map(lineOf),
    };
  });
}

/** A value to sort by: numbers as numbers (money and percentages too), a missing value last. */
export function sortValue(value: IndicatorValue): number {
  if (value === null) return Number.NEGATIVE_INFINITY;
  return typeof value === 'number' ? value : Number(value);
}

/** The trend as the charts draw it: money in major units (for drawing only), percentages as numbers. */
export function chartPoints(view: ProgrammeView): { quarter: string; savings: number; loans: number; par30: number | null; members: number; attendance: number | null }[] {
  const code = (view.currency ?? 'RWF') as CurrencyCode;
  return view.trend.map((t) => {
    const v = indicatorsOf(t.figures);
    return {
      quarter: t.quarter,
      savings: minorToMajor(String(v.savings), code).toNumber(),
      loans: minorToMajor(String(v.loansOutstandingValue), code).toNumber(),
      par30: v.par30 === null ? null : Number(v.par30),
      members: t.figures.members,
      attendance: v.attendanceRate === null ? null : Number(v.attendanceRate),
    };
  });
}

/** The groups needing a visit in the quarter (at least one flag). */
export function flagged(groups: readonly ProgrammeGroupRow[]): ProgrammeGroupRow[] {
  return groups.filter((g) => g.flags.length > 0);
}
