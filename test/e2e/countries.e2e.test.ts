// Beyond Rwanda, end to end (issue 18): a Burundian group set up in Kirundi and a
// Congolese group in Swahili, each on a laptop's first start, through the wizard as a
// treasurer meets it — the language chosen by its own name, the country and currency
// following from it, the place asked by the country's own levels — then each holds a
// meeting on the sheet, and its minutes, printed to PDF, carry its place and its money
// as the language writes them. Found by place in the page (names, not words), so the
// same steps work in any language.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, serveRenderer, type AppSession } from './harness';
import { cat, must } from './seed';
import { signedInActor } from '../helpers/ledger';

interface Group {
  readonly language: 'rn' | 'sw';
  readonly languageName: string;
  readonly country: string;
  readonly currency: string;
  readonly name: string;
  /** The country's levels, column by column, as typed (the first from its list). */
  readonly place: Readonly<Record<string, string>>;
  readonly labels: { readonly province: string; readonly district: string };
  readonly placeLine: string;
  readonly sharePrice: string;
  /** 2 + 3 shares at the share price, as the language writes money. */
  readonly total: string;
}

const GROUPS: readonly Group[] = [
  {
    language: 'rn', languageName: 'Ikirundi', country: 'BI', currency: 'BIF', name: 'Twiteze imbere Kibimba',
    place: { province: 'Gitega', district: 'Gitega', sector: 'Mubuga', village: 'Kibimba' },
    labels: { province: 'Intara', district: 'Komine' }, placeLine: 'Kibimba, Mubuga, Gitega, Gitega',
    // 5 shares × 1,000 = 5,000 Burundian francs, grouped with a dot.
    sharePrice: '1000', total: '5.000\u00a0FBu',
  },
  {
    language: 'sw', languageName: 'Kiswahili', country: 'CD', currency: 'CDF', name: 'Tujikaze Katana',
    place: { province: 'Sud-Kivu', district: 'Kabare', sector: 'Bugorhe', cell: 'Irhambi', village: 'Katana' },
    labels: { province: 'Jimbo', district: 'Eneo au mji' }, placeLine: 'Katana, Irhambi, Bugorhe, Kabare, Sud-Kivu',
    // 5 shares × 2,500 = 12,500 Congolese francs (with their centimes).
    sharePrice: '2500', total: '12,500.00\u00a0FC',
  },
];

const TREASURER = { name: 'Ndayishimiye Claude', pin: '4826' };
let web: Awaited<ReturnType<typeof serveRenderer>>;
let dir: string;

beforeAll(async () => {
  web = await serveRenderer();
  dir = mkdtempSync(join(tmpdir(), 'ikimina-countries-'));
});
afterAll(async () => {
  await web?.close();
  rmSync(dir, { recursive: true, force: true });
});

const next = (page: Page) => page.locator('.wizard__form button[type="submit"]').click();

async function walkWizard(page: Page, g: Group): Promise<void> {
  // The first screen offers every language in its own name.
  await page.locator('input[name="language"]').first().waitFor();
  const offered = await page.locator('input[name="language"]').evaluateAll((inputs) => inputs.map((i) => i.parentElement?.textContent?.trim()));
  expect(offered).toEqual(['Ikinyarwanda', 'English', 'Français', 'Kiswahili', 'Ikirundi']);
  await page.getByLabel(g.languageName).check();
  await next(page);
  await page.locator('input[name="name"]').fill(g.name);
  await page.locator('input[name="foundedOn-day"]').fill('1');
  await page.locator('select[name="foundedOn-month"]').selectOption('3');
  await page.locator('input[name="foundedOn-year"]').fill('2025');
  // The language said where the group is; the country says its money.
  expect(await page.locator('select[name="country"]').inputValue()).toBe(g.country);
  expect(await page.locator('select[name="currency"]').inputValue()).toBe(g.currency);
  await next(page);
  // The place, by the country's own levels, in the group's language.
  const label = (name: string) => page.locator(`[name="${name}"]`).evaluate((el) => document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '');
  expect(await label('province')).toContain(g.labels.province);
  expect(await label('district')).toContain(g.labels.district);
  expect(await page.locator('[name="cell"]').count()).toBe('cell' in g.place ? 1 : 0);
  await page.locator('select[name="province"]').selectOption(g.place.province!);
  for (const [column, value] of Object.entries(g.place)) if (column !== 'province') await page.locator(`input[name="${column}"]`).fill(value);
  await next(page);
  await page.locator('input[name="treasurer.name"]').fill(TREASURER.name);
  await page.locator('input[name="treasurer.pin"]').fill(TREASURER.pin);
  await page.locator('input[name="pinAgain"]').fill(TREASURER.pin);
  await next(page);
  await page.locator('input[name="administrator.name"]').fill('Niyonzima Alice');
  await page.locator('input[name="administrator.pin"]').fill('7395');
  await page.locator('input[name="administratorPinAgain"]').fill('7395');
  await next(page);
  await page.locator('.recovery-code').waitFor();
  await page.locator('main .actions .button').click();
  await page.locator('.topbar').waitFor();
}

describe('a group beyond Rwanda', () => {
  for (const g of GROUPS) {
    it(`is set up in ${g.languageName}, holds a meeting, and prints minutes with its place and money (${g.country})`, async () => {
      const app: AppSession = await openApp({ url: web.url });
      try {
        const { page } = app;
        await walkWizard(page, g);
        expect(await page.locator('html').getAttribute('lang')).toBe(g.language);
        await expect.poll(() => page.locator('main .lead').textContent()).toBe(g.placeLine);
        // Two members and a cycle, straight into the books; the meeting itself on the sheet.
        const associationId = must(app.server.call('association-list', {}, { channel: 'test', locale: 'en' }))[0]!.id;
        const actor = signedInActor(app.server, associationId, TREASURER.name, TREASURER.pin);
        for (const fullName of ['Irakoze Aline', 'Hakizimana Jean']) must(app.server.call('member-add', { associationId, fullName, gender: 'female', joinedOn: '2025-03-01' }, actor));
        must(app.server.call('cycle-create', { associationId, name: '2026', startsOn: cat(-30), endsOn: cat(300), rules: { savingMode: 'shares', sharePrice: g.sharePrice, minShares: 1, maxShares: 5 } }, actor));
        await page.evaluate(() => (window.location.hash = '#/meetings/new'));
        await page.locator('[data-cell="0-1"]').focus();
        await page.keyboard.type('2');
        await page.keyboard.press('Enter');
        await page.keyboard.type('3');
        await expect.poll(() => page.getByTestId('sheet-total').textContent()).toBe(g.total);
        await page.keyboard.press('Control+Enter');
        await page.keyboard.type(g.language === 'rn' ? '5.000' : '12,500');
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByTestId('meeting-total').textContent()).toBe(g.total);
        // The minutes as PDF, from the summary's own export button.
        app.chosenPath = join(dir, `${g.country}-minutes.pdf`);
        await page.locator('.export-buttons button').first().click();
        await page.getByTestId('statement-saved').waitFor();
        const text = execFileSync('pdftotext', ['-layout', app.chosenPath, '-'], { encoding: 'utf8' });
        expect(text).toContain(g.name);
        expect(text).toContain(g.placeLine);
        expect(text).toContain('Irakoze Aline');
        expect(text.replace(/\u00a0/g, ' ')).toContain(g.total.replace(/\u00a0/g, ' ').replace(/ (FBu|FC)$/, ''));
        // Settings correct the place by the same levels: the smallest place moves, Home says so.
        await page.evaluate(() => (window.location.hash = '#/settings'));
        const form = page.locator('form', { has: page.locator('select[name="province"]') });
        await form.waitFor();
        expect(await form.locator('select[name="province"]').inputValue()).toBe(g.place.province);
        expect(await form.locator('[name="cell"]').count()).toBe('cell' in g.place ? 1 : 0);
        await form.locator('input[name="village"]').fill('Rutegama');
        await form.locator('button[type="submit"]').click();
        await form.locator('.notice').waitFor();
        await page.evaluate(() => (window.location.hash = '#/home'));
        await expect.poll(() => page.locator('main .lead').textContent()).toBe(g.placeLine.replace(g.place.village!, 'Rutegama'));
      } finally {
        await app.close();
      }
    }, 120_000);
  }

  it('opens its first screen in the installer’s language, until someone picks another', async () => {
    const app = await openApp({ url: `${web.url}?lang=fr` });
    try {
      await expect.poll(() => app.page.getByRole('heading', { level: 1 }).textContent()).toBe('Bienvenue dans Ikimina');
      expect(await app.page.getByLabel('Français').isChecked()).toBe(true);
      await app.page.getByLabel('Kiswahili').check();
      await app.page.reload();
      expect(await app.page.getByLabel('Kiswahili').isChecked()).toBe(true);
    } finally {
      await app.close();
    }
  });
});
