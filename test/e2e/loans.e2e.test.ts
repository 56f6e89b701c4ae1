// End to end: apply for a loan with its schedule shown live, approve it, pay it
// out, receive two repayments (the second partial and late), and see the loan in
// arrears and the portfolio at risk change on screen. And how the screens are laid
// out (issue 17): the rate said, the amount in a narrow box with its currency, the
// schedule above the button, a late loan said to be late, ten borrowers on one screen.

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
    // The cycle's rate and method, said before anything is typed.
    await expect.poll(() => page.getByTestId('loan-terms').textContent()).toContain('interest 5\u00a0% a month, flat; at most 12 instalments, paid monthly');
    await page.getByLabel('Member').selectOption({ label: '1. Uwase Claudine' });
    await page.getByLabel('Amount lent').fill('30,000');
    await page.getByLabel('Number of instalments').fill('3');
    await fillDate(page, 'Date', DISBURSED);
    await page.getByLabel('What is it for?').fill('Seeds and fertiliser');
    // Flat 5 % a month: 10,000 principal + 1,500 interest a month.
    const preview = page.getByTestId('schedule-preview');
    await expect.poll(() => preview.locator('tbody tr').count()).toBe(3);
    expect(await preview.locator('tfoot').textContent()).toContain('34,500\u00a0Frw');
    // The schedule is read before the button that records it.
    const scheduleBox = (await preview.boundingBox())!;
    const submitBox = (await page.getByRole('button', { name: 'Record the application' }).boundingBox())!;
    expect(scheduleBox.y + scheduleBox.height).toBeLessThanOrEqual(submitBox.y);
    // The amount: a narrow box, its figures to the right, the currency beside it on the same line.
    const amount = page.getByLabel('Amount lent');
    const amountBox = (await amount.boundingBox())!;
    expect(amountBox.width).toBeLessThan(250);
    expect(await amount.evaluate((el) => getComputedStyle(el).textAlign)).toMatch(/^(end|right)$/);
    const currency = page.locator('.money-input__currency', { hasText: 'Frw' });
    expect(await currency.isVisible()).toBe(true);
    const currencyBox = (await currency.boundingBox())!;
    expect(currencyBox.x).toBeGreaterThanOrEqual(amountBox.x + amountBox.width);
    expect(currencyBox.x).toBeLessThan(amountBox.x + amountBox.width + 40);
    expect(Math.abs(currencyBox.y + currencyBox.height / 2 - (amountBox.y + amountBox.height / 2))).toBeLessThan(8);
    // More than three times her savings is refused, in words, before applying.
    await page.getByLabel('Amount lent').fill('60,001');
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/more than the member may borrow: 3 times their savings, so at most 60,000|60000/);
    await page.getByLabel('Amount lent').fill('30,000');
    await page.getByRole('button', { name: 'Record the application' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Loan of Uwase Claudine \(Nº \d+\)$/);
    expect(await page.getByText('Waiting for approval').count()).toBe(1);
    expect(await page.getByTestId('loan-terms').textContent()).toBe('30,000\u00a0Frw in 3 instalments (monthly), 5\u00a0% a month, flat interest.');
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
    // Each borrower with their number: two members may share a name.
    await expect.poll(() => page.locator('tbody th').filter({ hasText: 'Uwase Claudine' }).first().textContent()).toMatch(/^Nº \d+ Uwase Claudine$/);
    await page.getByRole('button', { name: 'Loan of Uwase Claudine' }).click();
    await expect.poll(() => page.getByTestId('loan-outstanding').textContent()).toBe('16,000\u00a0Frw');
    expect(await page.locator('li', { hasText: 'penalty 500' }).count()).toBe(1);
    const daysLate = Number(await page.getByTestId('loan-days-overdue').textContent());
    expect(daysLate).toBeGreaterThan(1);
    // Late, said in words: since the day it fell behind, and how long ago.
    expect(await page.getByTestId('loan-status').textContent()).toMatch(new RegExp(`^Late since \\d{1,2} [A-Z][a-z]+ \\d{4} \\(${daysLate}\\sdays\\)$`));
  });

  it('shows the loan in arrears and the portfolio at risk', async () => {
    await page.getByRole('button', { name: 'Back' }).click();
    await expect.poll(() => page.getByTestId('indicator-par1').textContent()).toBe('100.0\u00a0%');
    expect(await page.getByTestId('indicator-outstanding').textContent()).toBe('16,000\u00a0Frw');
    // The register and account 1100 say the same.
    expect(await page.getByTestId('loans-reconcile').textContent()).toBe('The loan register and account 1100 agree: 16,000\u00a0Frw lent and not yet repaid.');
    expect(await page.locator('tbody .late').count()).toBe(1);
    // The row says the loan is late (not "next due" a day long past), and the rate it was lent at.
    const row = page.locator('tbody tr', { hasText: 'Uwase Claudine' });
    expect(await row.locator('.late').textContent()).toMatch(/^Late since \d{1,2} [A-Z][a-z]+ \d{4} \(\d+\sdays\)$/);
    expect(await row.textContent()).toContain('5\u00a0% a month, flat');
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

describe('the loans screen at 1366×768', () => {
  it('shows ten borrowers without scrolling: the figures in one row, their definitions a click away', async () => {
    const year = Number(cat().slice(0, 4));
    const actor = signedInActor(app.server, associationId, 'Mukamana Aline', '2580');
    must(app.server.call('journal-entry-post', {
      associationId, date: cat(-20), memo: 'More of the group’s own money',
      lines: [{ account: '1010', debit: '200,000' }, { account: '3010', credit: '200,000' }],
    }, actor));
    for (let i = 2; i <= 10; i++) {
      const member = must(app.server.call('member-add', { associationId, fullName: `Borrower Number ${i}`, gender: 'female', joinedOn: `${year - 1}-03-01` }, actor));
      must(app.server.call('savings-brought-in', { associationId, date: cat(-20), members: [{ memberId: member.id, amount: '10,000' }] }, actor));
      const loan = must(app.server.call('loan-apply', { associationId, memberId: member.id, principal: '5,000', instalments: 2, date: cat(-10), purpose: 'Seeds' }, actor));
      must(app.server.call('loan-approve', { associationId, loanId: loan.id, date: cat(-10) }, actor));
      must(app.server.call('loan-disburse', { associationId, loanId: loan.id, date: cat(-10) }, actor));
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: 'Back' }).click();
    const rows = page.locator('.loans-table tbody tr');
    await expect.poll(() => rows.count()).toBe(10);
    await page.evaluate(() => window.scrollTo(0, 0));
    for (let i = 0; i < 8; i++) {
      const box = (await rows.nth(i).boundingBox())!;
      expect(box.y + box.height, `row ${i + 1}`).toBeLessThanOrEqual(768);
      expect(box.x + box.width, `row ${i + 1}`).toBeLessThanOrEqual(1366);
    }
    // A loan not yet behind says when it is next due.
    expect(await page.locator('tbody tr', { hasText: 'Borrower Number 2' }).textContent()).toMatch(/Next due \d{1,2} [A-Z][a-z]+ \d{4}/);
    // The six figures on one line, small; the formulas folded away until asked for.
    const figures = page.getByTestId('loan-figures').locator(':scope > div');
    expect(await figures.count()).toBe(6);
    const tops = await figures.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    const definition = page.getByText('Principal still owed on loans with an instalment unpaid more than 1 day');
    expect(await definition.isVisible()).toBe(false);
    await page.getByText('How these figures are worked out').click();
    expect(await definition.isVisible()).toBe(true);
  });

  it('cuts nothing at the right edge in Kinyarwanda: no table to scroll sideways, every button in the window', async () => {
    /** Buttons past the window's right edge, and tables that must be scrolled sideways to be read whole. */
    const cut = () => page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const buttons = [...document.querySelectorAll('main button')].filter((b) => b.getBoundingClientRect().right > width).map((b) => `button "${b.textContent}"`);
      const tables = [...document.querySelectorAll('main .table-wrap')].filter((w) => w.scrollWidth > w.clientWidth).map((w) => `table "${w.querySelector('th')?.textContent}"`);
      return [...buttons, ...tables];
    });
    await page.locator('.language-switch select').selectOption('rw');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Inguzanyo');
    expect(await cut()).toEqual([]);
    // The application with its schedule (for a member with no loan yet)…
    const actor = signedInActor(app.server, associationId, 'Mukamana Aline', '2580');
    const member = must(app.server.call('member-add', { associationId, fullName: 'Mukeshimana Alice', gender: 'female', joinedOn: cat(-30) }, actor));
    must(app.server.call('savings-brought-in', { associationId, date: cat(-20), members: [{ memberId: member.id, amount: '10,000' }] }, actor));
    await page.locator('.section-head__actions > .button').click();
    await page.locator('select[name=memberId]').selectOption(member.id);
    await page.locator('input[name=principal]').fill('5,000');
    await page.getByTestId('schedule-preview').waitFor();
    expect(await cut()).toEqual([]);
    // …and a loan's statement.
    await page.locator('form .actions .button--secondary').click();
    await page.locator('.loans-table tbody .link').first().click();
    await page.getByTestId('loan-outstanding').waitFor();
    expect(await cut()).toEqual([]);
    await page.locator('.language-switch select').selectOption('en');
  });
});
