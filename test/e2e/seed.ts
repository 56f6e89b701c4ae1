// Books set up straight through the server before a browser test, and the
// treasurer signed in on screen: what several end-to-end tests start from.

import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { fillDate, openApp, serveRenderer } from './harness';
import type { Actor } from '../../electron/server/context';
import type { Result } from '../../electron/server/errors';
import { KABEZA, signedInActor } from '../helpers/ledger';
import type { AppSession } from './harness';

export const TREASURER = { name: 'Mukamana Aline', pin: '2580' } as const;

/** A date in Kigali (UTC+2), offset by whole days from today: the tests' dates move with the clock. */
export function cat(offsetDays = 0): string {
  return new Date(Date.now() + 2 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** An amount in francs as the app writes it in English (a no-break space before Frw). */
export const frw = (text: string) => `${text}\u00a0Frw`;

/** Fails the test setup with the server's words when a call is refused. */
export function must<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** An association "Twiyubake" with its treasurer; returns its id and the treasurer's door. */
export function seedAssociation(app: AppSession): { associationId: string; actor: Actor } {
  const anonymous: Actor = { channel: 'test', locale: 'en' };
  const created = must(app.server.call('association-create', { ...KABEZA, name: 'Twiyubake', treasurer: TREASURER }, anonymous));
  return { associationId: created.id, actor: signedInActor(app.server, created.id, TREASURER.name, TREASURER.pin) };
}

/** The real renderer served, the app opened on a new ledger, and one association in it with its treasurer's door for seeding. */
export interface SeededApp {
  readonly app: AppSession;
  readonly page: Page;
  readonly associationId: string;
  readonly actor: Actor;
  close(): Promise<void>;
}

export async function openSeededApp(): Promise<SeededApp> {
  const web = await serveRenderer();
  const app = await openApp({ url: web.url });
  const { associationId, actor } = seedAssociation(app);
  return {
    app, page: app.page, associationId, actor,
    async close() {
      await app.close();
      await web.close();
    },
  };
}

/** Reloads the page in English and signs the treasurer in. */
export async function signInTreasurer(page: Page): Promise<void> {
  await page.evaluate(() => localStorage.setItem('ikimina.language', 'en'));
  await page.reload();
  // Other officers may have users too: choose the treasurer by name.
  await page.getByRole('radio', { name: new RegExp(`^${TREASURER.name} `) }).check();
  await page.getByLabel('PIN or password').fill(TREASURER.pin);
  await page.keyboard.press('Enter');
  await page.locator('.topbar').waitFor();
}

/**
 * The first-start wizard in English, from the language to the treasurer's PIN (the
 * step after is the laptop administrator's). `village` empty leaves that field blank.
 */
export async function walkWizardToAdministrator(page: Page, options: { readonly village: string; readonly treasurerPin: string }): Promise<void> {
  // The first screen speaks Kinyarwanda; the user picks English.
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByLabel('English').check();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to Ikimina');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Name of the association').fill('Twiyubake Kabeza');
  await fillDate(page, 'Date founded', '2025-01-10');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Province').selectOption({ label: 'Southern Province' });
  await page.getByLabel('District').selectOption('Huye');
  await page.getByLabel('Sector').fill('Tumba');
  await page.getByLabel('Cell').fill('Cyarwa');
  if (options.village) await page.getByLabel('Village').fill(options.village);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Your name').fill(TREASURER.name);
  await page.locator('input[name="treasurer.pin"]').fill(options.treasurerPin);
  await page.getByLabel('The same PIN again').fill(options.treasurerPin);
  await page.getByRole('button', { name: 'Next' }).click();
}
