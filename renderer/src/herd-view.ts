// How the livestock screens name a member and choose which animals to list. Two
// members may share a name (two Uwase Claudine), so a name always goes with the
// member's number in the register.

import type { AnimalView } from '../../electron/server/contract';

type T = (key: string, options?: Record<string, unknown>) => string;

/** "Uwase Claudine (no. 7)"; the name alone when the number is not known. */
export function memberLabel(t: T, name: string | null | undefined, no: number | null | undefined): string {
  if (!name) return '';
  return no === null || no === undefined ? name : t('livestock.member', { name, no });
}

/** Which animals the herd lists: by where each one is on the day. */
export const HERD_FILTERS = ['alive', 'passed_on', 'sold', 'dead', 'all'] as const;
export type HerdFilter = (typeof HERD_FILTERS)[number];

export function inFilter(filter: HerdFilter, a: Pick<AnimalView, 'status' | 'passedOn'>): boolean {
  if (filter === 'all') return true;
  if (filter === 'passed_on') return a.passedOn;
  return a.status === filter;
}
