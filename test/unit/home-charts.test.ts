// Home's loans by days late (issue 17): each open loan in one bucket, the principal
// still owed added exactly, closed loans left out.

import { describe, expect, it } from 'vitest';
import { fundSeries, loansByLateness } from '../../renderer/src/home-charts';

describe('loans by days late', () => {
  it('puts each open loan in its bucket and adds what they owe', () => {
    const loans = [
      { status: 'disbursed', daysOverdue: 0, principalOutstanding: '10000' },
      { status: 'disbursed', daysOverdue: 30, principalOutstanding: '2500' },
      { status: 'disbursed', daysOverdue: 31, principalOutstanding: '1000' },
      { status: 'disbursed', daysOverdue: 91, principalOutstanding: '700' },
      { status: 'disbursed', daysOverdue: 400, principalOutstanding: '300' },
      { status: 'closed', daysOverdue: 0, principalOutstanding: '0' },
    ] as const;
    expect(loansByLateness(loans as never, 'RWF')).toEqual([
      { key: 'onTime', loans: 1, outstanding: 10000 },
      { key: 'late1to30', loans: 1, outstanding: 2500 },
      { key: 'late31to60', loans: 1, outstanding: 1000 },
      { key: 'late61to90', loans: 0, outstanding: 0 },
      { key: 'lateOver90', loans: 2, outstanding: 1000 },
    ]);
    // Dollars keep their cents.
    expect(loansByLateness([{ status: 'disbursed', daysOverdue: 5, principalOutstanding: '150050' }] as never, 'USD')[1]).toEqual({ key: 'late1to30', loans: 1, outstanding: 1500.5 });
  });
});

describe('the fund over the cycle', () => {
  it('labels each day day/month (and year, across a new year) and draws major units, cents kept', () => {
    expect(fundSeries([{ date: '2026-01-09', savings: '900050', lentOut: '0', cash: '900050' }, { date: '2026-12-31', savings: '1', lentOut: '250000', cash: '-5' }], 'USD')).toEqual([
      { day: '9/1', date: '2026-01-09', savings: 9000.5, lentOut: 0, cash: 9000.5 },
      { day: '31/12', date: '2026-12-31', savings: 0.01, lentOut: 2500, cash: -0.05 },
    ]);
    expect(fundSeries([{ date: '2025-12-26', savings: '0', lentOut: '0', cash: '0' }, { date: '2026-01-02', savings: '0', lentOut: '0', cash: '0' }], 'RWF').map((p) => p.day)).toEqual(['26/12/25', '2/1/26']);
    expect(fundSeries([{ date: '2026-03-01', savings: '10500', lentOut: '2000', cash: '8500' }], 'RWF')[0]).toMatchObject({ savings: 10500, lentOut: 2000, cash: 8500 });
  });
});
