// Home as a to-do list end to end (issue 17): the treasurer signs in on an association
// with the grant fixture and a loan left unpaid, reads what needs doing today — the
// late loan first, the grant reports overdue, the receipts missing — and each line
// opens the screen to act on.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { must, openSeededApp, signInTreasurer, type SeededApp } from './seed';
import { buildGrantFixture } from '../helpers/grant-fixture';

let seeded: SeededApp;

beforeAll(async () => {
  seeded = await openSeededApp();
  const { app, associationId, actor } = seeded;
  const run = (name: string, input: Record<string, unknown>) => must(app.server.call(name as never, { associationId, ...input } as never, actor));
  const f = buildGrantFixture((name, input) => run(name, input), associationId);
  run('cycle-create', { name: 'Cycle 2025', startsOn: '2025-01-15', endsOn: '2026-12-31', rules: { savingMode: 'savings' } });
  const loan = run('loan-apply', { memberId: f.m.habimana, principal: '2,000', instalments: 1, date: '2026-01-05', purpose: 'Seeds' }) as { id: string };
  run('loan-approve', { loanId: loan.id, date: '2026-01-05' });
  run('loan-disburse', { loanId: loan.id, date: '2026-01-05' });
}, 120_000);

afterAll(async () => {
  await seeded?.close();
});

it('lists what needs doing today, the most pressing first, each line opening its screen', async () => {
  const { page } = seeded;
  await signInTreasurer(page);
  const items = page.locator('.todo__item');
  await items.first().waitFor();
  const texts = await items.allTextContents();
  // The late loan, with the member's number, before anything that is not late.
  expect(texts[0]).toMatch(/^Nº 2 Habimana Jean: loan \d+ days late, 2,100\sFrw in arrears$/);
  expect(texts.some((x) => x.startsWith('Grant report overdue: Huye District'))).toBe(true);
  expect(texts.some((x) => /^9 spendings without a receipt/.test(x))).toBe(true);
  // Then what is not late: the first meeting to record, the backup never made.
  expect(texts.slice(-2)).toEqual([expect.stringMatching(/No meeting recorded yet/), expect.stringMatching(/never been backed up/)]);
  // Overdue lines are marked, and the list comes before the figures.
  expect(await page.locator('.todo__item--urgent').count()).toBe(texts.length - 2);
  const todoTop = (await page.locator('.todo').boundingBox())!.y;
  expect(todoTop).toBeLessThan((await page.locator('.cards').first().boundingBox())!.y);
  // The pictures: the late loan in the last bucket, the herd by kind (five cows, three goats).
  await page.getByTestId('chart-herd').locator('.recharts-bar-rectangle').first().waitFor();
  await expect.poll(() => page.getByTestId('chart-loans').textContent()).toContain('1 loan');
  // The fund over the cycle: three lines told apart by dash and marker, from the cycle's first day to today.
  const fund = page.getByTestId('chart-fund');
  expect(await fund.locator('figcaption').textContent()).toBe('Savings and loan fund over Cycle 2025 (RWF)');
  expect(await fund.locator('.recharts-legend-item-text').allTextContents()).toEqual(["Members' savings", 'Lent out', 'Cash in the box and the bank']);
  expect(await fund.locator('.recharts-line-dots circle').count()).toBe(3 * 2);
  expect(new Set(await fund.locator('.recharts-line-curve').evaluateAll((paths) => paths.map((p) => p.getAttribute('stroke-dasharray') ?? 'solid'))).size).toBe(3);
  const herd = await page.getByTestId('chart-herd').textContent();
  expect(herd).toMatch(/Cows/);
  expect(herd).toMatch(/Goats/);
  // The figure counts by kind, never one sum of cows and goats (issue 17).
  expect(await page.getByTestId('home-livestock').textContent()).toBe('5 cows · 3 goats');
  await page.locator('[data-todo="report"] a').first().click();
  await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Grants' }).count()).toBe(1);
  await page.goBack();
  await page.locator('[data-todo="loan"] a').click();
  await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Loans' }).count()).toBe(1);
}, 60_000);
