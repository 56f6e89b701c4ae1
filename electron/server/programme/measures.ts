// The programme's indicators: which figures add up across groups, and how each ratio
// is worked out from the sums. Pure (the money module only): the server's exports and
// the coordinator's page share it, so a district's PAR is the same number everywhere.
//
// A ratio for several groups is the ratio of their sums (a district's PAR 30 is its
// groups' loans at risk over their loans outstanding), never an average of ratios.

import { decimal, percentOf, roundWhole } from '../money/money';

/** The additive figures of one group-quarter, or of any set of them added up (money as whole minor units, in text). */
export interface Figures {
  readonly groups: number;
  readonly members: number;
  readonly membersWomen: number;
  readonly membersLeft: number;
  readonly meetings: number;
  readonly attendancePresent: number;
  readonly attendanceExpected: number;
  readonly savings: string;
  readonly socialFund: string;
  readonly loansOutstandingCount: number;
  readonly loansOutstandingValue: string;
  readonly loansDisbursedCount: number;
  readonly loansDisbursedValue: string;
  readonly par30Value: string;
  readonly writtenOffCount: number;
  readonly writtenOffValue: string;
  readonly loanFund: string;
  readonly assets: string;
  readonly cycleIncome: string;
  readonly annualisedIncome: string;
  readonly grantsReceived: string;
  readonly grantsUnspent: string;
  readonly grantReportsOverdue: number;
  readonly cashDifferences: number;
  readonly animalsAlive: number;
  readonly animalsBorn: number;
  readonly animalsSold: number;
  readonly animalsDied: number;
  readonly animalsPassedOn: number;
}

export const COUNT_FIELDS = [
  'groups', 'members', 'membersWomen', 'membersLeft', 'meetings', 'attendancePresent', 'attendanceExpected', 'loansOutstandingCount', 'loansDisbursedCount',
  'writtenOffCount', 'grantReportsOverdue', 'cashDifferences', 'animalsAlive', 'animalsBorn', 'animalsSold', 'animalsDied', 'animalsPassedOn',
] as const satisfies readonly (keyof Figures)[];

export const MONEY_FIELDS = [
  'savings', 'socialFund', 'loansOutstandingValue', 'loansDisbursedValue', 'par30Value', 'writtenOffValue', 'loanFund', 'assets', 'cycleIncome',
  'annualisedIncome', 'grantsReceived', 'grantsUnspent',
] as const satisfies readonly (keyof Figures)[];

/** How an indicator is shown: a count, an amount of money, or a percentage. */
export type IndicatorKind = 'count' | 'money' | 'percent';

/** The indicators, in the order the page and the exports list them. Each has a name and a definition in the message catalogs (programme.indicator.<id>). */
export const INDICATORS = [
  { id: 'groups', kind: 'count' },
  { id: 'members', kind: 'count' },
  { id: 'womenShare', kind: 'percent' },
  { id: 'attendanceRate', kind: 'percent' },
  { id: 'membersLeft', kind: 'count' },
  { id: 'savings', kind: 'money' },
  { id: 'savingsPerMember', kind: 'money' },
  { id: 'loansOutstandingCount', kind: 'count' },
  { id: 'loansOutstandingValue', kind: 'money' },
  { id: 'averageLoan', kind: 'money' },
  { id: 'loanFundUtilisation', kind: 'percent' },
  { id: 'par30', kind: 'percent' },
  { id: 'writtenOffCount', kind: 'count' },
  { id: 'writtenOffValue', kind: 'money' },
  { id: 'returnOnSavings', kind: 'percent' },
  { id: 'returnOnAssets', kind: 'percent' },
  { id: 'socialFund', kind: 'money' },
  { id: 'grantsReceived', kind: 'money' },
  { id: 'grantsSpent', kind: 'money' },
  { id: 'grantsUnspent', kind: 'money' },
  { id: 'animalsAlive', kind: 'count' },
  { id: 'animalsBorn', kind: 'count' },
  { id: 'animalsSold', kind: 'count' },
  { id: 'animalsDied', kind: 'count' },
  { id: 'animalsPassedOn', kind: 'count' },
  { id: 'cashDifferences', kind: 'count' },
  { id: 'grantReportsOverdue', kind: 'count' },
] as const satisfies readonly { id: string; kind: IndicatorKind }[];

export type IndicatorId = (typeof INDICATORS)[number]['id'];

/** An indicator's value: a count, whole minor units (text), or a percentage with one decimal (text); null when its denominator is zero. */
export type IndicatorValue = number | string | null;

export const NO_FIGURES: Figures = Object.freeze({
  ...Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0])),
  ...Object.fromEntries(MONEY_FIELDS.map((f) => [f, '0'])),
}) as unknown as Figures;

/**
 * The figures of many group-quarters added up. Money is whole minor units, added as
 * BigInt — exact for any number of groups, and regrouping 1,294 groups six ways takes
 * a fraction of what decimal objects took (`npm run bench -- --only=programme`).
 */
export function addUp(rows: readonly Figures[]): Figures {
  const sums: Record<string, number | string> = {};
  for (const f of COUNT_FIELDS) sums[f] = rows.reduce((s, r) => s + r[f], 0);
  for (const f of MONEY_FIELDS) {
    let total = 0n;
    for (const r of rows) total += BigInt(r[f]);
    sums[f] = total.toString();
  }
  return sums as unknown as Figures;
}

/** part ÷ whole as a percentage with one decimal, rounded half-up (money.ts percentOf); null when there is no whole. */
export function percent(part: string | number, whole: string | number): string | null {
  const w = decimal(whole);
  return w.lte(0) ? null : percentOf(decimal(part), w);
}

/** money ÷ count in whole minor units, rounded half-even (unbiased over many groups); null when the count is zero. */
export function perHead(money: string, count: number): string | null {
  return count <= 0 ? null : roundWhole(decimal(money).div(count), 'half-even').toFixed(0);
}

/** Every indicator of a set of figures (one group's or many added up). */
export function indicatorsOf(f: Figures): Record<IndicatorId, IndicatorValue> {
  return {
    groups: f.groups,
    members: f.members,
    womenShare: percent(f.membersWomen, f.members),
    attendanceRate: percent(f.attendancePresent, f.attendanceExpected),
    membersLeft: f.membersLeft,
    savings: f.savings,
    savingsPerMember: perHead(f.savings, f.members),
    loansOutstandingCount: f.loansOutstandingCount,
    loansOutstandingValue: f.loansOutstandingValue,
    averageLoan: perHead(f.loansDisbursedValue, f.loansDisbursedCount),
    loanFundUtilisation: percent(f.loansOutstandingValue, f.loanFund),
    par30: percent(f.par30Value, f.loansOutstandingValue),
    writtenOffCount: f.writtenOffCount,
    writtenOffValue: f.writtenOffValue,
    returnOnSavings: percent(f.annualisedIncome, f.savings),
    returnOnAssets: percent(f.annualisedIncome, f.assets),
    socialFund: f.socialFund,
    grantsReceived: f.grantsReceived,
    grantsSpent: decimal(f.grantsReceived).minus(f.grantsUnspent).toFixed(0),
    grantsUnspent: f.grantsUnspent,
    animalsAlive: f.animalsAlive,
    animalsBorn: f.animalsBorn,
    animalsSold: f.animalsSold,
    animalsDied: f.animalsDied,
    animalsPassedOn: f.animalsPassedOn,
    cashDifferences: f.cashDifferences,
    grantReportsOverdue: f.grantReportsOverdue,
  };
}

/** Why a group may need a visit, in the quarter looked at. */
export const FLAGS = ['par30', 'cashDifference', 'noImport', 'grantReportOverdue', 'conflict'] as const;
export type Flag = (typeof FLAGS)[number];

/** The PAR 30 above which a group is flagged, unless the coordinator sets another (percent). */
export const DEFAULT_PAR_THRESHOLD = '10';
