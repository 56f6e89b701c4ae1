// End to end: apply for a loan with its schedule shown live, approve it, pay it
// out, receive two repayments (the second partial and late), and see the loan in
// arrears and the portfolio at risk change on screen.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fillDate, type AppSession } from './harness';
import { signedInActor } from '../helpers/ledger';
import { cat, must, openSeededApp, signInTreasurer, type SeededApp } from './seed';

let seeded: SeededApp;
let app: AppSession;
let page: Page;
let associationId: string;

/** Today as the server sees it (Central Africa Time), and a date shifted from it. */
const DISBURSED = cat(-70); // ten weeks ago: the first two instalments fell due about 40 and 10 days ago

beforeAll(async () => {
  seeded = await openSeededApp();
  ({ app, page } = seeded);
  const a = seeded.associationId;
  associationId = a;
  const { actor } = seeded;
  const member = must(app.server.call('member-add', { associationId: a, fullName: 'Uwase Claudine', gender: 'female', joinedOn: '2025-01-10' }, actor));
  const year = Number(cat().slice(0, 4));
  must(app.server.call('cycle-create', {
    associationId: a, name: 'Cycle', startsOn: `${year - 1}-02-01`, endsOn: `${year + 1}-12-31`,
    rules: { savingMode: 'shares', sharePrice: '500', loanMethod: 'flat', loanMonthlyRatePercent: '5', loanFrequency: 'monthly', loanMaxInstalments: 12, loanMaxMultiple: '3', loanLatePenalty: '500' },
  }, actor));
  must(app.server.call('savings-brought-in', { associationId: a, date: cat(-90), members: [{ memberId: member.id, amount: '20,000' }] }, actor));
  must(app.server.call('journal-entry-post', {
    associationId: a, date: cat(-90), memo: 'The group’s own money',
    lines: [{ account: '1010', debit: '20,000' }, { account: '3010', credit: '20,000' }],
  }, actor));
  await signInTreasurer(page);
});
afterAll(() => seeded?.close());

describe('a loan at the weekly meeting', () => {
  it('starts with nothing at risk', async () => {
    await page.getByRole('link', { name: 'Loans', exact: true }).click();
    await expect.poll(() => page.getByTestId('indicator-par1').textContent()).toBe('0.0\u00a0%');
    expect(await page.getByText('Principal still owed on loans with an instalment unpaid more than 1 day').count()).toBe(1);
  });

  it('shows the schedule while the application is typed, then records it', async () => {
    await page.getByRole('button', { name: 'New loan' }).click();
    await page.getByLabel('Member').selectOption({ label: '1. Uwase Claudine' });
    await page.getByLabel('Amount lent').fill('30,000');
    await page.getByLabel('Number of instalments').fill('3');
    await fillDate(page, 'Date', DISBURSED);
    await page.getByLabel('What is it for?').fill('Seeds and fertiliser');
    // Flat 5 % a month: 10,000 principal + 1,500 interest a month.
    const preview = page.getByTestId('schedule-preview');
    await expect.poll(() => preview.locator('tbody tr').count()).toBe(3);
    expect(await preview.locator('tfoot').textContent()).toContain('34,500\u00a0Frw');
    // More than three times her savings is refused, in words, before applying.
    await page.getByLabel('Amount lent').fill('60,001');
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/more than the member may borrow: 3 times their savings, so at most 60,000|60000/);
    await page.getByLabel('Amount lent').fill('30,000');
    await page.getByRole('button', { name: 'Record the application' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Loan of Uwase Claudine');
    expect(await page.getByText('Waiting for approval').count()).toBe(1);
  });

  it('is approved, paid out and repaid at two meetings, the second time late and in part', async () => {
    await fillDate(page, 'Date', DISBURSED);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('button', { name: 'Pay out from the box' }).waitFor();
    await fillDate(page, 'Date', DISBURSED);
    await page.getByRole('button', { name: 'Pay out from the box' }).click();
    await expect.poll(() => page.getByTestId('loan-outstanding').textContent()).toBe('30,000\u00a0Frw');

    // Repaid at two meetings: the first instalment in full on the day it fell due…
    const loans = app.server.call('loan-list', { associationId }, signedInActor(app.server, associationId, 'Mukamana Aline', '2580'));
    const firstDue = loans.ok ? loans.value[0]!.nextDue! : '';
    await page.getByRole('link', { name: 'Meetings', exact: true }).click();
    await page.getByRole('button', { name: 'Hold a meeting' }).click();
    await fillDate(page, 'Date', firstDue);
    // Her row: 1 share (500) and the loan repayment column.
    await page.getByLabel('Uwase Claudine: loan repaid').fill('11,500');
    // Box: 40,000 − 30,000 lent = 10,000; money in 500 + 11,500 = 12,000 → 22,000.
    await expect.poll(() => page.getByTestId('expected-box').textContent()).toBe('22,000\u00a0Frw');
    await page.getByLabel('Counted in the box').fill('22,000');
    await page.getByRole('button', { name: 'Close the meeting' }).click();
    await expect.poll(() => page.getByTestId('meeting-total').textContent()).toBe('12,000\u00a0Frw');
    await page.getByRole('button', { name: 'Back' }).click();

    // …and today only 6,000: the second instalment is late (500 penalty, 1,500 interest, 4,000 principal).
    await page.getByRole('button', { name: 'Hold a meeting' }).click();
    await fillDate(page, 'Date', cat());
    await page.getByLabel('Uwase Claudine: loan repaid').fill('6,000');
    await expect.poll(() => page.getByTestId('expected-box').textContent()).toBe('28,500\u00a0Frw');
    await page.getByLabel('Counted in the box').fill('28,500');
    await page.getByRole('button', { name: 'Close the meeting' }).click();
    await expect.poll(() => page.getByTestId('meeting-total').textContent()).toBe('6,500\u00a0Frw');

    await page.getByRole('link', { name: 'Loans', exact: true }).click();
    await page.getByRole('button', { name: 'Loan of Uwase Claudine' }).click();
    await expect.poll(() => page.getByTestId('loan-outstanding').textContent()).toBe('16,000\u00a0Frw');
    expect(await page.locator('li', { hasText: 'penalty 500' }).count()).toBe(1);
    expect(Number(await page.getByTestId('loan-days-overdue').textContent())).toBeGreaterThan(1);
  });

  it('shows the loan in arrears and the portfolio at risk', async () => {
    await page.getByRole('button', { name: 'Back' }).click();
    await expect.poll(() => page.getByTestId('indicator-par1').textContent()).toBe('100.0\u00a0%');
    expect(await page.getByTestId('indicator-outstanding').textContent()).toBe('16,000\u00a0Frw');
    // The register and account 1100 say the same.
    expect(await page.getByTestId('loans-reconcile').textContent()).toBe('The loan register and account 1100 agree: 16,000\u00a0Frw lent and not yet repaid.');
    expect(await page.locator('tbody .late').count()).toBe(1);
  });

  it('is rescheduled by the treasurer, keeping the old schedule', async () => {
    await page.getByRole('button', { name: 'Loan of Uwase Claudine' }).click();
    await page.getByLabel('New number of instalments').fill('4');
    await page.getByLabel('Reason (for rescheduling or a write-off)').fill('The harvest came late');
    await page.getByRole('button', { name: 'Reschedule' }).click();
    await page.getByText('rescheduled once').waitFor();
    // The 16,000 still owed, in four new monthly instalments after the ones already due.
    await expect.poll(() => page.locator('table').first().locator('tbody tr').count()).toBe(6);
    expect(await page.getByTestId('loan-outstanding').textContent()).toBe('16,000\u00a0Frw');
  });
});
