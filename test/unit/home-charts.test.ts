// Home's loans by days late (issue 17): each open loan in one bucket, the principal
// still owed added exactly, closed loans left out.

import { describe, expect, it } from 'vitest';
import { loansByLateness } from '../../renderer/src/home-charts';

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
