// End to end, a plain-savings group whose rules give a leaving member her part of the
// profit: three meetings and a loan repaid, Member 04 leaves (the form shows what she
// takes), then the share-out — Member 01 leaves part in as next cycle's savings,
// Member 02 is paid by mobile money — the chair confirms, the slips say how each was
// paid, and the next cycle opens with what was left in. Worked by hand:
//
//   Savings 5,000/3,000/2,000/5,000, then 5,000/3,000/2,000/0 (a 400 fine on Member 02),
//   then 2,000/0/1,000/0: 12,000 / 6,000 / 5,000 / 5,000 = 28,000 saved.
//   Member 03 borrows 4,000 at 5 % a month, one instalment, and repays 4,200: interest 200.
//   Box 28,600 = 28,000 + 400 + 200. Paid in 100 Frw notes.
//   Member 04 leaves: her part 28,600 × 5/28 = 5,107.14 → 5,100: savings 5,000 + 100 profit.
//   6,100 taken to the bank / mobile money account. Share-out: pool 23,000 + 600 − 100 = 23,500:
//   Member 01 23,500 × 12/23 = 12,260.87 → 12,200 (leaves 5,000 in: 7,200 paid in cash);
//   Member 02 × 6/23 = 6,130.43 → 6,100 (mobile money); Member 03 × 5/23 = 5,108.70 → 5,100; 100 left.
//   Box 17,400 − 7,200 − 5,100 = 5,100 (the 5,000 left in + the 100 remainder); bank 0.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fillDate, type AppSession } from './harness';
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
  const ids = ['01', '02', '03', '04'].map((n) => must(app.server.call('member-add', {
    associationId: a, fullName: `Member ${n}`, gender: 'female', joinedOn: '2025-01-10', ...(n === '02' ? { phone: '+250 788 123 456' } : {}),
  }, actor)).id);
  must(app.server.call('cycle-create', {
    associationId: a, name: 'Cycle One', startsOn: cat(-90), endsOn: cat(300),
    rules: { savingMode: 'savings', fineLate: '400', loanMethod: 'flat', loanMonthlyRatePercent: '5', loanFrequency: 'monthly', shareOutRoundingUnit: '100', shareOutOnExit: 'savings_and_profit' },
  }, actor));
  const meeting = (date: string, saved: string[], box: string, extra: Record<number, object> = {}) => must(app.server.call('meeting-close', {
    associationId: a, date, cashCount: { box }, rows: ids.map((memberId, i) => ({ memberId, attendance: 'present' as const, savings: saved[i]!, ...extra[i] })),
  }, actor));
  meeting(cat(-63), ['5,000', '3,000', '2,000', '5,000'], '15,000');
  meeting(cat(-49), ['5,000', '3,000', '2,000', '0'], '25,400', { 1: { fineLate: '400' } });
  const loan = must(app.server.call('loan-apply', { associationId: a, memberId: ids[2]!, principal: '4,000', instalments: 1, date: cat(-48), purpose: 'Seeds' }, actor));
  must(app.server.call('loan-approve', { associationId: a, loanId: loan.id, date: cat(-48) }, actor));
  must(app.server.call('loan-disburse', { associationId: a, loanId: loan.id, date: cat(-48) }, actor));
  must(app.server.call('loan-repay', { associationId: a, loanId: loan.id, date: cat(-17), amount: '4,200' }, actor));
  meeting(cat(-14), ['2,000', '0', '1,000', '0'], '28,600');
  must(app.server.call('user-create', { associationId: a, name: SECOND_OFFICER.name, role: SECOND_OFFICER.role, pin: SECOND_OFFICER.pin }, actor));
  await signInTreasurer(page);
});
afterAll(() => seeded?.close());

describe('a plain-savings group’s year, end to end', () => {
  it('shows a leaving member her savings and her part of the profit, and pays them', async () => {
    await page.getByRole('link', { name: 'Members', exact: true }).click();
    await page.getByRole('button', { name: 'Record that Member 04 left' }).click();
    const dialog = page.getByRole('dialog');
    await fillDate(dialog, 'Date of leaving', cat(-7));
    await dialog.getByLabel('Reason').fill('Moved to Musanze');
    await expect.poll(() => dialog.getByTestId('exit-takes').textContent())
      .toBe(`On that day Member 04 takes her savings, ${frw('5,000')}, and her part of the profit of Cycle One so far, ${frw('100')}. Paid from the cash box: ${frw('5,100')}.`);
    await dialog.getByRole('button', { name: 'Record the exit' }).click();
    await dialog.waitFor({ state: 'detached' });
    const actor = signedInActor(app.server, associationId, 'Mukamana Aline', '2580');
    expect(must(app.server.call('account-balance-get', { associationId, account: '1010' }, actor)).balance).toBe('23500');
    must(app.server.call('journal-entry-post', { associationId, date: cat(-5), memo: 'Deposit at the SACCO', lines: [{ account: '1020', debit: '6,100' }, { account: '1010', credit: '6,100' }] }, actor));
  });

  it('pays one member by mobile money, keeps what another leaves in, and the slips say so', async () => {
    await page.getByRole('link', { name: 'Meetings', exact: true }).click();
    await page.getByRole('button', { name: 'Share-out' }).click();
    await expect.poll(() => page.getByTestId('share-out-pool').textContent()).toBe(frw('23,500'));
    const paying = page.getByTestId('share-out-paying');
    await paying.getByLabel(/^Member 01 \(gets 12,200.Frw\): leaves$/).fill('5,000');
    await paying.getByLabel('How Member 02 is paid').selectOption('mobile_money');
    // Her number in the register is there to start with.
    expect(await paying.getByLabel('Mobile money number of Member 02').inputValue()).toBe('+250 788 123 456');
    await page.getByLabel('Counted in the box').fill('17,400');
    await page.getByLabel('At the bank / mobile money').fill('6,100');
    await page.getByLabel('Who confirms').selectOption({ label: `${SECOND_OFFICER.name} (Chair)` });
    await page.getByLabel('Their PIN').fill(SECOND_OFFICER.pin);
    await page.getByRole('button', { name: 'Do the share-out' }).click();
    await expect.poll(() => page.getByTestId('share-out-done').textContent()).toContain(`confirmed by ${SECOND_OFFICER.name}`);

    const actor = signedInActor(app.server, associationId, 'Mukamana Aline', '2580');
    const balance = (account: string) => must(app.server.call('account-balance-get', { associationId, account }, actor)).balance;
    expect([balance('1010'), balance('1020'), balance('3010')]).toEqual(['5100', '0', '-100']);
    const dir = mkdtempSync(join(tmpdir(), 'ikimina-share-out-'));
    try {
      const pdf = join(dir, 'share-out.pdf');
      writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text.match(/Received: _+/g)).toHaveLength(3);
      expect(text).toMatch(/Member 01[\s\S]*Left in as savings for the next cycle\s+5,000 Frw[\s\S]*Paid\s+7,200 Frw in cash/);
      expect(text).toMatch(/Member 02[\s\S]*Paid\s+6,100 Frw sent by mobile money to \+250 788 123 456/);
      expect(text).toContain('Member 04 (');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts the next cycle, which opens with the savings left in and the remainder', async () => {
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByTestId('cycle-closed').waitFor();
    await page.getByLabel('Name of the cycle').fill('Cycle Two');
    await fillDate(page, 'First day', cat(1));
    await fillDate(page, 'Last day', cat(360));
    await page.getByRole('button', { name: 'Start the cycle' }).click();
    const opening = page.getByTestId('cycle-opening');
    await opening.locator('summary', { hasText: 'Brought forward from Cycle One' }).click();
    const rows = await opening.locator('tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '').join(' | ')));
    expect(rows).toEqual([
      expect.stringContaining(`reserve ${frw('0')} and remainder ${frw('100')} kept`),
      `Social fund | ${frw('0')}`,
      `Group fund (reserve, remainder and earlier) | ${frw('100')}`,
      `Savings left in by members | ${frw('5,000')}`,
      `Member 01 | ${frw('5,000')}`,
    ]);
    // The new cycle has no meetings yet; the last one's are a choice away.
    await page.getByText('No meeting has been recorded yet.').waitFor();
    const earlier = await page.getByLabel('Meetings of').locator('option', { hasText: 'Cycle One' }).getAttribute('value');
    await page.getByLabel('Meetings of').selectOption(earlier!);
    await expect.poll(() => page.getByRole('table', { name: 'Meetings', exact: true }).locator('tbody tr').count()).toBe(3);
  });
});
