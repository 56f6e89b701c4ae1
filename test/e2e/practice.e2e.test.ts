// "Try it with a practice group", end to end on a laptop's first start: offered on the
// wizard's first screen, made with a name and a PIN, a first meeting held on the sheet
// with the guide on Home ticking its steps, then deleted in one step — after which the
// laptop is back at its first start, the real set-up still open to anyone, and the
// file holds nothing of the practice.

import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openApp, serveRenderer } from './harness';
import { frw, must, TREASURER } from './seed';
import { ADMINISTRATOR, KABEZA } from '../helpers/ledger';
import { problems } from './overflow';

const TRYING = { name: 'Nyiramana Odette', pin: '4826' };
let web: Awaited<ReturnType<typeof serveRenderer>>;

/** The practice form (on its own screen or in the administrator's dialog): the name, the PIN, and the PIN again as given. */
async function fillPractice(where: Page | Locator, pinAgain: string): Promise<void> {
  await where.getByLabel('Your name').fill(TRYING.name);
  await where.locator('input[name="treasurer.pin"]').fill(TRYING.pin);
  await where.getByLabel('The same PIN again').fill(pinAgain);
}

beforeAll(async () => {
  web = await serveRenderer();
});
afterAll(async () => {
  await web?.close();
});

describe('a practice group on a new laptop', () => {
  it('is offered first, holds a guided first meeting, and is deleted in one step back to the first start', async () => {
    const app = await openApp({ url: web.url });
    const { page } = app;
    const anyone = { channel: 'test', locale: 'en' } as const;
    try {
      await page.getByRole('heading', { level: 1 }).waitFor();
      // Offered on the first screen in the laptop's first language (Kinyarwanda), under the languages.
      await expect.poll(() => page.locator('.practice-offer button').textContent()).toBe('Gerageza n’itsinda ry’imyitozo');
      await page.screenshot({ path: '/tmp/practice-offer-rw.png' });
      await page.getByLabel('English').check();
      await page.getByRole('button', { name: 'Try with a practice group' }).click();
      await fillPractice(page, TRYING.pin);
      await page.getByRole('button', { name: 'Start practising' }).click();
      await page.locator('.topbar').waitFor();

      // Marked as practice wherever one looks: the bar, the banner, the guide with its first step to do.
      await expect.poll(() => page.locator('.topbar .badge').textContent()).toBe('Practice');
      await expect.poll(() => page.getByTestId('practice-banner').locator('p').textContent()).toBe('Practice group: its members and money are made up. Nothing here touches real books.');
      expect(await page.locator('main .lead').first().textContent()).toBe('Made-up books, for practice');
      const steps = page.locator('.practice-guide li');
      await expect.poll(() => steps.count()).toBe(5);
      expect(await page.locator('.practice-guide li.is-done').count()).toBe(0);
      expect(await page.locator('.practice-guide li[aria-current="step"]').textContent()).toBe('Open the meeting sheet with “Record a meeting” above.');
      await page.screenshot({ path: '/tmp/practice-home-before.png' });

      // The meeting, as the guide says: ten members, 1 to 5 shares each, the social fund already filled in.
      await page.getByRole('link', { name: 'Record a meeting' }).click();
      await expect.poll(() => page.locator('.practice-hint').textContent()).toContain('Practice: type 1 to 5 shares');
      await page.locator('[data-cell="0-1"]').focus();
      for (let i = 0; i < 10; i++) {
        await page.keyboard.type(String((i % 5) + 1));
        await page.keyboard.press('Enter');
      }
      // 30 shares × 500 = 15,000; the social fund 10 × 200 = 2,000: 17,000 Frw.
      await expect.poll(() => page.getByTestId('sheet-total').textContent()).toBe(frw('17,000'));
      await page.keyboard.type('17,000');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('meeting-total').textContent()).toBe(frw('17,000'));
      // Printed, the summary says it is practice: made-up books never pass for a real meeting's.
      await page.emulateMedia({ media: 'print' });
      const pdf = join(tmpdir(), `practice-summary-${process.pid}.pdf`);
      writeFileSync(pdf, await page.pdf({ format: 'A4' }));
      await page.emulateMedia({ media: 'screen' });
      const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      if (!process.env.KEEP_PDF) rmSync(pdf);
      expect(printed).toContain('PRACTICE: made-up books, not real');
      expect(printed).toContain('Uwimana Claudine');
      // The screen's banner and its button are not on the paper.
      expect(printed).not.toContain('Delete the practice group');

      // Home ticks the meeting's four steps; the passbook and cash book are next.
      await page.evaluate(() => (window.location.hash = '#/home'));
      await expect.poll(() => page.locator('.practice-guide li.is-done').count()).toBe(4);
      expect(await page.locator('.practice-guide li[aria-current="step"]').textContent()).toBe('Open a member’s passbook and the cash book: the meeting is in them.');
      await page.screenshot({ path: '/tmp/practice-home-after.png' });

      // Deleting asks first, says what goes, and Cancel keeps everything.
      await page.getByRole('button', { name: 'Delete the practice group' }).click();
      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.textContent()).toContain('Everything in “Practice group”');
      await page.screenshot({ path: '/tmp/practice-delete.png' });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect(must(app.server.call('association-list', {}, anyone))).toHaveLength(1);
      await page.getByRole('button', { name: 'Delete the practice group' }).click();
      await dialog.getByRole('button', { name: 'Delete it' }).click();

      // Back at the laptop's first start: nothing of the practice is left, and no administrator was named.
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to Ikimina');
      expect(must(app.server.call('association-list', {}, anyone))).toEqual([]);
      expect(must(app.server.call('administrator-list', {}, anyone))).toEqual([]);
      const left = app.server.ledger.sqlite.prepare("SELECT count(*) FROM change_log WHERE association_id IS NOT NULL").pluck().get();
      expect(left).toBe(0);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('is started by the laptop’s administrator for a treasurer in training, and deleted by them when its PIN is forgotten', async () => {
    const app = await openApp({ url: web.url });
    const { page } = app;
    const anyone = { channel: 'test', locale: 'en' } as const;
    try {
      // A laptop that already keeps a group's real books, with its administrator.
      const real = must(app.server.call('association-create', { ...KABEZA, treasurer: TREASURER, administrator: { ...ADMINISTRATOR } }, anyone));
      await page.evaluate(() => localStorage.setItem('ikimina.language', 'en'));
      await page.reload();
      // Nobody without the administrator's PIN starts a practice here any more: the offer is not on the sign-in screen.
      await page.getByRole('heading', { name: KABEZA.name }).waitFor();
      expect(await page.getByRole('button', { name: 'Set up your group’s real books' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Laptop administrator' }).click();
      await page.getByLabel('PIN or password').fill(ADMINISTRATOR.pin);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Practice groups' }).waitFor();
      await page.getByRole('button', { name: 'Start a practice group' }).click();
      const form = page.getByRole('dialog');
      await fillPractice(form, TRYING.pin);
      await form.getByRole('button', { name: 'Make the practice group' }).click();
      await expect.poll(() => page.locator('section[aria-labelledby="practice-groups-title"] .notice').textContent()).toContain('“Practice group” is ready');
      await expect.poll(() => page.locator('.practice-row strong').allTextContents()).toEqual(['Practice group']);
      // Several trainees' groups share the name: each says whose it is.
      expect(await page.locator('.practice-row .muted').textContent()).toContain(`for ${TRYING.name}, made on`);
      // The real books are listed apart, as before.
      expect(await page.locator('section[aria-labelledby="associations-title"] li').allTextContents()).toEqual([expect.stringContaining(KABEZA.name)]);
      await page.screenshot({ path: '/tmp/practice-administrator.png', fullPage: true });

      // The trainee forgot the PIN: the administrator deletes the practice, the real books stay.
      await page.locator('.practice-row').getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete it' }).click();
      await expect.poll(() => page.locator('.practice-row').count()).toBe(0);
      expect(must(app.server.call('association-list', {}, anyone)).map((a) => a.id)).toEqual([real.id]);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('fits in Swahili and Kirundi at 1366×768 and 200 %: the offer, the banner, the guide, the sheet’s hint and the delete dialog', async () => {
    const app = await openApp({ url: web.url });
    const { page } = app;
    try {
      const found: string[] = [];
      // The first start's first screen, with the offer under the languages.
      for (const language of ['sw', 'rn'] as const) {
        for (const size of [{ width: 1366, height: 768 }, { width: 683, height: 384 }]) {
          await page.setViewportSize(size);
          await page.evaluate((l) => localStorage.setItem('ikimina.language', l), language);
          await page.reload();
          await page.locator('.practice-offer button').waitFor();
          found.push(...(await page.evaluate(problems)).map((p) => `${language} ${size.width} offer: ${p}`));
        }
      }
      const made = must(app.server.call('practice-create', { language: 'rn', treasurer: TRYING }, { channel: 'test', locale: 'en' }));
      for (const language of ['sw', 'rn'] as const) {
        for (const size of [{ width: 1366, height: 768 }, { width: 683, height: 384 }]) {
          await page.setViewportSize(size);
          await page.evaluate((l) => localStorage.setItem('ikimina.language', l), language);
          const where = `${language} ${size.width}`;
          // The practice group's sign-in, then its Home.
          await page.evaluate(() => (window.location.hash = '#/home'));
          await page.reload();
          await page.locator('input[name="pin"]').fill(TRYING.pin);
          await page.locator('form button[type="submit"]').click();
          await page.locator('.practice-guide li').first().waitFor();
          found.push(...(await page.evaluate(problems)).map((p) => `${where} home: ${p}`));
          await page.getByTestId('practice-banner').locator('button').click();
          await page.locator('dialog[open]').waitFor();
          found.push(...(await page.evaluate(problems)).map((p) => `${where} delete dialog: ${p}`));
          await page.keyboard.press('Escape');
          await page.evaluate(() => (window.location.hash = '#/meetings/new'));
          await page.locator('.practice-hint').waitFor();
          found.push(...(await page.evaluate(problems)).map((p) => `${where} sheet: ${p}`));
          if (language === 'rn' && size.width === 683) await page.screenshot({ path: '/tmp/practice-home-rn-200.png' });
          await page.locator('.topbar button').nth(1).click();
          await page.locator('input[name="pin"]').waitFor();
        }
      }
      expect(found).toEqual([]);
      expect(must(app.server.call('association-list', {}, { channel: 'test', locale: 'en' })).map((a) => a.id)).toEqual([made.id]);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('keeps the real set-up open from the practice group’s sign-in, and back again', async () => {
    const app = await openApp({ url: web.url });
    const { page } = app;
    try {
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByLabel('English').check();
      await page.getByRole('button', { name: 'Try with a practice group' }).click();
      // A slip in the second PIN is caught before anything is made.
      await fillPractice(page, '4827');
      await page.getByRole('button', { name: 'Start practising' }).click();
      await expect.poll(() => page.getByText('The two PINs are not the same.').count()).toBe(1);
      expect(must(app.server.call('association-list', {}, { channel: 'test', locale: 'en' }))).toEqual([]);
      await page.getByLabel('The same PIN again').fill(TRYING.pin);
      await page.getByRole('button', { name: 'Start practising' }).click();
      await page.locator('.topbar').waitFor();
      await page.getByRole('button', { name: 'Switch user' }).click();

      // The practice group's sign-in: no recovery code to offer, and the real set-up one click away.
      await page.getByRole('heading', { name: 'Practice group' }).waitFor();
      expect(await page.locator('details.forgot').count()).toBe(0);
      await page.screenshot({ path: '/tmp/practice-sign-in.png' });
      await page.getByRole('button', { name: 'Set up your group’s real books' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to Ikimina');
      // Changed their mind: back to the practice.
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('heading', { name: 'Practice group' }).waitFor();
    } finally {
      await app.close();
    }
  }, 120_000);
});
