// End to end: a cycle of two meetings, an expense and a loan still owed, then the
// share-out page — the pool and each part as worked by hand below, the cash counted,
// the chair confirming with her own PIN — and the cycle closed, offering the next.
//
//   Shares 5/3/2 then 5/2/1 at 500 (9,000 saved), social fund 200 each time (1,200, kept),
//   a late fine of 100, a padlock of 300, and 2,000 lent to Member 02 ten days ago (nothing due yet).
//   Profit 100 − 300 = −200: pool 8,800, divided by 18 shares and paid in 100 Frw notes:
//   Member 01 8,800 × 10/18 = 4,888.89 → 4,800; Member 02 × 5/18 = 2,444.44 → 2,400, less the
//   2,000 loan = 400; Member 03 × 3/18 = 1,466.67 → 1,400; 200 left over.
//   Box: 5,600 + 4,700 − 300 − 2,000 = 8,000; paid 6,600.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppSession } from './harness';
import { SECOND_OFFICER, signedInActor } from '../helpers/ledger';
import { cat, frw, must, openSeededApp, signInTreasurer, type SeededApp } from './seed';

let seeded: SeededApp;
let app: AppSession;
let page: Page;
let associationId: string;

beforeAll(async () => {
  seeded = await openSeededApp();
  ({ app, page } = seeded);
  const a = seeded.associationId;
  associationId = a;
  const { actor } = seeded;
  const ids = ['01', '02', '03'].map((n) => must(app.server.call('member-add', { associationId: a, fullName: `Member ${n}`, gender: 'female', joinedOn: '2025-01-10' }, actor)).id);
  must(app.server.call('cycle-create', {
    associationId: a, name: 'Cycle One', startsOn: cat(-60), endsOn: cat(300),
    rules: {
      savingMode: 'shares', sharePrice: '500', minShares: 0, maxShares: 5, socialFund: '200', fineLate: '100',
      loanMethod: 'flat', loanMonthlyRatePercent: '5', loanFrequency: 'monthly', loanMaxInstalments: 12, loanMaxMultiple: '3',
      shareOutRoundingUnit: '100', shareOutLoans: 'net',
    },
  }, actor));
  const row = (i: number, shares: number, extra: object = {}) => ({ memberId: ids[i]!, attendance: 'present' as const, shares, socialFund: '200', ...extra });
  must(app.server.call('meeting-close', { associationId: a, date: cat(-28), rows: [row(0, 5), row(1, 3), row(2, 2)], cashCount: { box: '5,600' } }, actor));
  must(app.server.call('meeting-close', { associationId: a, date: cat(-14), rows: [row(0, 5), row(1, 2), row(2, 1, { fineLate: '100' })], cashCount: { box: '10,300' } }, actor));
  must(app.server.call('journal-entry-post', { associationId: a, date: cat(-12), memo: 'Padlock', lines: [{ account: '5010', debit: '300' }, { account: '1010', credit: '300' }] }, actor));
  const loan = must(app.server.call('loan-apply', { associationId: a, memberId: ids[1]!, principal: '2,000', instalments: 1, date: cat(-10), purpose: 'Seeds' }, actor));
  must(app.server.call('loan-approve', { associationId: a, loanId: loan.id, date: cat(-10) }, actor));
  must(app.server.call('loan-disburse', { associationId: a, loanId: loan.id, date: cat(-10) }, actor));
  must(app.server.call('user-create', { associationId: a, name: SECOND_OFFICER.name, role: SECOND_OFFICER.role, pin: SECOND_OFFICER.pin }, actor));
  await signInTreasurer(page);
});
afterAll(() => seeded?.close());

describe('the share-out', () => {
  it('shows the pool and every member’s part, worked out from the books', async () => {
    await page.getByRole('link', { name: 'Meetings', exact: true }).click();
    await page.getByRole('button', { name: 'Share-out' }).click();
    await expect.poll(() => page.getByTestId('share-out-pool').textContent()).toBe(frw('8,800'));
    expect(await page.getByTestId('share-out-remainder').textContent()).toBe(`− ${frw('200')}`);
    const rows = await page.getByTestId('share-out-members').locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
    expect(rows.map((r) => [r[1], r[2], r[4], r[5], r[6]])).toEqual([
      ['Member 01', '10', frw('4,800'), '', frw('4,800')],
      ['Member 02', '5', frw('2,400'), frw('2,000'), frw('400')],
      ['Member 03', '3', frw('1,400'), '', frw('1,400')],
    ]);
  });

  it('is done once the cash is counted and the chair confirms with her PIN; the cycle closes', async () => {
    await page.getByLabel('Counted in the box').fill('8,000');
    await page.getByLabel('Who confirms').selectOption({ label: `${SECOND_OFFICER.name} (Chair)` });
    await page.getByLabel('Their PIN').fill(SECOND_OFFICER.pin);
    await page.getByRole('button', { name: 'Do the share-out' }).click();
    await expect.poll(() => page.getByTestId('share-out-done').textContent()).toContain(`confirmed by ${SECOND_OFFICER.name}`);
    // The books: everyone's savings paid out, the loan repaid from Member 02's part, balanced.
    const actor = signedInActor(app.server, associationId, 'Mukamana Aline', '2580');
    const tb = must(app.server.call('trial-balance-get', { associationId }, actor));
    expect(tb.difference).toBe('0');
    const byCode = new Map(tb.rows.map((r) => [r.code, BigInt(r.debit) - BigInt(r.credit)]));
    expect([byCode.get('2010'), byCode.get('1100'), byCode.get('1010')]).toEqual([0n, 0n, 1_400n]);
    // Printed: the report, then one slip per member with what they get, to sign.
    const dir = mkdtempSync(join(tmpdir(), 'ikimina-share-out-'));
    try {
      const pdf = join(dir, 'share-out.pdf');
      writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('Share-out of Cycle One');
      expect(text.match(/Received: _+/g)).toHaveLength(3);
      expect(text).toMatch(/No\. 2 Member 02[\s\S]*Loan repaid from it\s+− 2,000 Frw[\s\S]*Paid out\s+400 Frw/);
      // The share-out report as a workbook: each member's part, amounts as numbers.
      app.chosenPath = join(dir, 'share-out.xlsx');
      await page.getByRole('button', { name: 'Excel' }).click();
      await page.getByTestId('statement-saved').waitFor();
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(app.chosenPath);
      const parts: unknown[][] = [];
      book.getWorksheet('parts')!.eachRow((row, n) => { if (n > 1) parts.push([row.getCell(2).value, row.getCell(4).value, row.getCell(5).value, row.getCell(6).value]); });
      expect(parts).toEqual([['Member 01', 4800, 0, 4800], ['Member 02', 2400, 2000, 400], ['Member 03', 1400, 0, 1400], ['Total', 8600, 2000, 6600]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await page.getByRole('button', { name: 'Back' }).click();
    await expect.poll(() => page.getByTestId('cycle-closed').textContent()).toContain('Cycle One was shared out');
    // The next cycle starts from this one's rules, the share-out's included.
    expect(await page.locator('input[name=sharePrice]').inputValue()).toBe('500');
    expect(await page.locator('input[name=shareOutRoundingUnit]').inputValue()).toBe('100');
    expect(await page.locator('input[name=shareOutLoans][value=net]').isChecked()).toBe(true);
  });
});
