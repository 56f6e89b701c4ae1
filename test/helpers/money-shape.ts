// One money shape in every result (issue 12, item 3): an amount leaves the server as
// a string of minor units, never a number. This finds the fields that break it: a
// number under a name that says money. Counts that share such a name are listed.

const MONEY_NAME = /amount|principal|interest|payment|penalty|price|cost|proceeds|balance|fee|fine|fund|savings|total|spent|unspent|owed|outstanding|arrears|cash|box|bank|limit|repaid|covered|above/i;

/** Numbers under a money-like name that are counts or days, by handler (or any handler: '*'). */
const COUNTS = new Set(['* loansOutstanding', '* daysOverdue', '* sharesHeld', 'audit-list total', '* minShares', '* maxShares', '* maxInstalments', '* entries', '* members',
  'programme-view loansOutstandingCount', 'programme-view cashDifferences']);

export function numericMoneyFields(handler: string, value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => numericMoneyFields(handler, v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const here = `${path}.${key}`;
    // A fine is money whatever it is called (fines.late, fines.absent …).
    const money = MONEY_NAME.test(key) || path.endsWith('.fines');
    if (typeof v === 'number' && money && !COUNTS.has(`* ${key}`) && !COUNTS.has(`${handler} ${key}`)) return [`${handler} ${here}`];
    return numericMoneyFields(handler, v, here);
  });
}
