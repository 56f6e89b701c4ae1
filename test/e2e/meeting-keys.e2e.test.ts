// A usual meeting on the keyboard alone (issue 17): from Home to closed, everyone at
// the usual amounts but three exceptions — an absence, a late fine, an extra share —
// in at most 40 keystrokes, each one counted here.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { must, openSeededApp, signInTreasurer, type SeededApp } from './seed';

let seeded: SeededApp;
let keystrokes = 0;

beforeAll(async () => {
  seeded = await openSeededApp();
  const { app, associationId, actor } = seeded;
  for (let i = 1; i <= 25; i++) must(app.server.call('member-add', { associationId, fullName: `Member ${String(i).padStart(2, '0')}`, gender: i % 3 ? 'female' : 'male', joinedOn: '2025-01-10' }, actor));
  must(app.server.call('cycle-create', {
    associationId, name: 'Cycle 2026', startsOn: '2026-01-01', endsOn: '2026-12-31',
    rules: { savingMode: 'shares', sharePrice: '500', minShares: 1, maxShares: 5, socialFund: '200', fineLate: '100' },
  }, actor));
  await signInTreasurer(seeded.page);
});

afterAll(() => seeded?.close());

async function press(key: string, times = 1) {
  for (let i = 0; i < times; i++) {
    await seeded.page.keyboard.press(key);
    keystrokes++;
  }
}

async function type(text: string) {
  await seeded.page.keyboard.type(text);
  keystrokes += [...text].length;
}

it('goes from Home to a closed meeting with three exceptions in at most 40 keystrokes, without the mouse', async () => {
  const { page, app, associationId } = seeded;
  await page.locator('.todo').waitFor();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // Skip to the content, then the first action: Record a meeting.
  await press('Tab');
  await press('Enter');
  await press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Record a meeting');
  await press('Enter');
  // The sheet opens on member 01's attendance.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('0-0');
  // Member 04 absent.
  await press('ArrowDown', 3);
  await type('a');
  // Member 08 came late: the late fine, three cells to the right.
  await press('ArrowDown', 4);
  await press('ArrowRight', 3);
  await type('100');
  // Member 11 buys a second share.
  await press('ArrowDown', 3);
  await press('ArrowLeft', 2);
  await type('2');
  // On to the cash count. Money in: 24 members present × (one share 500 + social fund 200) = 16,800, + member 11's second
  // share 500, + member 08's late fine 100 = 17,400; the box held nothing before.
  await press('Control+Enter');
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('cashCount.box');
  await expect.poll(() => page.getByTestId('expected-box').textContent()).toBe('17,400\u00a0Frw');
  await type('17400');
  await press('Enter');
  await expect.poll(() => page.getByRole('heading', { level: 1, name: /^Meeting of/ }).count()).toBe(1);
  expect(must(app.server.call('meeting-list', { associationId }, seeded.actor))).toHaveLength(1);
  console.log(`a usual meeting, Home to closed: ${keystrokes} keystrokes`);
  expect(keystrokes).toBeLessThanOrEqual(40);
}, 60_000);
