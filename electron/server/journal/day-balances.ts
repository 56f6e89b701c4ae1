// An association's balances at the end of any day, by account purpose or type, from
// one read of its postings summed per day: what the programme's quarters and Home's
// picture of the fund over the cycle need at many days, without a query per day.
// Debit-positive minor units, as posted. Raw SQL: a grouped sum across two tables.

import type Database from 'better-sqlite3';
import { prepared } from '../prepared';
import { decimal, type Dec } from '../money/money';
import { addDays } from '../locale/dates';

interface Sums {
  readonly purpose: string;
  readonly type: string;
  readonly entryDate: string;
  readonly amount: number;
}

/** Sums of postings by account purpose (and type) up to a day (postings sorted by day). */
export class DayBalances {
  private readonly byPurpose = new Map<string, { dates: string[]; running: Dec[] }>();
  private readonly byType = new Map<string, { dates: string[]; running: Dec[] }>();

  constructor(rows: readonly Sums[]) {
    for (const r of rows) {
      this.add(this.byPurpose, r.purpose, r.entryDate, r.amount);
      this.add(this.byType, r.type, r.entryDate, r.amount);
    }
  }

  private add(into: Map<string, { dates: string[]; running: Dec[] }>, key: string, date: string, amount: number): void {
    let line = into.get(key);
    if (!line) into.set(key, (line = { dates: [], running: [] }));
    const before = line.running.at(-1) ?? decimal(0);
    if (line.dates.at(-1) === date) line.running[line.running.length - 1] = before.plus(amount);
    else {
      line.dates.push(date);
      line.running.push(before.plus(amount));
    }
  }

  private static at(line: { dates: string[]; running: Dec[] } | undefined, day: string): Dec {
    if (!line) return decimal(0);
    // The last running sum on or before the day (binary search: the dates are in order).
    let lo = 0;
    let hi = line.dates.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (line.dates[mid]! <= day) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? decimal(0) : line.running[found]!;
  }

  /** Debit-positive balance of the accounts of a purpose at the end of the day. */
  purpose(purpose: string, day: string): Dec {
    return DayBalances.at(this.byPurpose.get(purpose), day);
  }

  /** Debit-positive balance of the accounts of a type (asset, income …) at the end of the day. */
  type(type: string, day: string): Dec {
    return DayBalances.at(this.byType.get(type), day);
  }

  /** Debit-positive movement of a purpose's accounts over the days from `from` to `to`. */
  purposeBetween(purpose: string, from: string, to: string): Dec {
    return this.purpose(purpose, to).minus(this.purpose(purpose, addDays(from, -1)));
  }

  typeBetween(type: string, from: string, to: string): Dec {
    return this.type(type, to).minus(this.type(type, addDays(from, -1)));
  }
}

/** The association's postings, summed per purpose, type and day (up to `to` when given). */
export function dayBalances(sqlite: Database.Database, associationId: string, to = '9999-12-31'): DayBalances {
  return new DayBalances(prepared(sqlite, `SELECT a.purpose, a.type, p.entry_date AS entryDate, sum(p.amount) AS amount FROM postings p JOIN accounts a ON a.id = p.account_id
                                           WHERE p.association_id = ? AND p.entry_date <= ? GROUP BY a.purpose, a.type, p.entry_date ORDER BY p.entry_date`).all(associationId, to) as Sums[]);
}
