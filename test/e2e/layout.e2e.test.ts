// Every screen fits (issue 17): each of the books' screens, in all five languages,
// at 1366×768 and at 200 % zoom (the same window seen through a 683×384 CSS
// viewport), on an association with members, a cycle, a loan, the district's grant and
// its herd. Nothing may reach past the window unless it is inside a frame that scrolls
// (and visibly can), and no text may be cut off inside its box. The same goes for the
// forms and dialogs opened from them: the meeting sheet, a passbook, a member's exit,
// a loan application and buying animals.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must, openSeededApp, signInTreasurer, type SeededApp } from './seed';
import { buildGrantFixture } from '../helpers/grant-fixture';
import { problems } from './overflow';

const LANGUAGES = ['rw', 'en', 'fr', 'sw', 'rn'] as const;
const SCREENS = ['home', 'members', 'meetings', 'loans', 'livestock', 'grants', 'reports', 'history', 'settings'] as const;
/** Forms and dialogs opened from a screen: found by their place in the page, not their words (the same in every language). */
const OPENED = [
  { name: 'meeting sheet', screen: 'meetings/new', wait: '.sheet' },
  { name: 'passbook', screen: 'members', click: 'main tbody tr:first-child .row-actions button:first-child', wait: 'dialog[open]' },
  { name: 'member exit', screen: 'members', click: 'main tbody tr:first-child .row-actions .button--danger-quiet', wait: 'dialog[open]' },
  { name: 'loan application', screen: 'loans', click: 'main .section-head__actions > .button', wait: 'main form' },
  { name: 'buying animals', screen: 'livestock', click: 'main .section-head > .button', wait: 'main form' },
] as const;
const SIZES = [{ name: '1366×768', width: 1366, height: 768 }, { name: '200 %', width: 683, height: 384 }] as const;

let seeded: SeededApp;

beforeAll(async () => {
  seeded = await openSeededApp();
  const { app, associationId, actor } = seeded;
  const run = (name: string, input: Record<string, unknown>) => must(app.server.call(name as never, { associationId, ...input } as never, actor));
  const f = buildGrantFixture((name, input) => run(name, input), associationId);
  run('cycle-create', { name: 'Cycle 2025-2026', startsOn: '2025-01-15', endsOn: '2026-12-31', rules: { savingMode: 'savings' } });
  const loan = run('loan-apply', { memberId: f.m.habimana, principal: '20,000', instalments: 2, date: '2026-01-05', purpose: 'Seeds for the long rains' }) as { id: string };
  run('loan-approve', { loanId: loan.id, date: '2026-01-05' });
  run('loan-disburse', { loanId: loan.id, date: '2026-01-05' });
  await signInTreasurer(seeded.page);
}, 120_000);

afterAll(async () => {
  await seeded?.close();
});

describe('every screen fits', () => {
  for (const size of SIZES) {
    for (const language of LANGUAGES) {
      it(`in ${language} at ${size.name}`, async () => {
        const { page } = seeded;
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.evaluate((l) => localStorage.setItem('ikimina.language', l), language);
        const found: string[] = [];
        for (const screen of SCREENS) {
          await page.evaluate((s) => (window.location.hash = `#/${s}`), screen);
          await page.reload();
          await page.locator('main h1').first().waitFor();
          await page.waitForTimeout(200);
          found.push(...(await page.evaluate(problems)).map((p) => `${screen}: ${p}`));
        }
        for (const opened of OPENED) {
          // A fresh page first, then the screen ('#/meetings/new' opens the sheet once, then reads '#/meetings').
          await page.reload();
          await page.locator('main h1').first().waitFor();
          await page.evaluate((s) => (window.location.hash = `#/${s}`), opened.screen);
          await page.locator('main h1').first().waitFor();
          if ('click' in opened) await page.locator(opened.click).first().click();
          await page.locator(opened.wait).first().waitFor();
          await page.waitForTimeout(200);
          found.push(...(await page.evaluate(problems)).map((p) => `${opened.name}: ${p}`));
        }
        expect(found).toEqual([]);
      }, 120_000);
    }
  }

  it('would notice a box past the window, and a text cut short (the check itself)', async () => {
    const { page } = seeded;
    await page.setViewportSize({ width: 683, height: 384 });
    await page.evaluate(() => (window.location.hash = '#/home'));
    await page.reload();
    await page.locator('main h1').first().waitFor();
    await page.evaluate(() => {
      const wide = document.createElement('p');
      wide.textContent = 'A line far too wide';
      wide.style.width = '2000px';
      const cut = document.createElement('p');
      cut.textContent = 'A sentence that cannot fit in forty pixels';
      cut.style.width = '40px';
      cut.style.overflow = 'hidden';
      cut.style.whiteSpace = 'nowrap';
      document.querySelector('main')!.append(wide, cut);
    });
    const found = await page.evaluate(problems);
    expect(found.some((p) => p.startsWith('past the window: p'))).toBe(true);
    expect(found.some((p) => p.startsWith('text cut: p'))).toBe(true);
  });
});
