// End to end: two associations on one laptop, each with its own users; signing in,
// locking (by hand and when idle), switching user; an officer who can read but
// whose every write is refused; a backup of one association made and then restored.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dirname, join } from 'node:path';
import { openApp, serveRenderer, type AppSession } from './harness';
import type { Actor } from '../../electron/server/context';
import { administratorDoor, door, KABEZA, signedInActor } from '../helpers/ledger';

let web: Awaited<ReturnType<typeof serveRenderer>>;
let app: AppSession;
let page: Page;
let twiyubake: string;

const anonymous: Actor = { channel: 'test', locale: 'en' };

beforeAll(async () => {
  web = await serveRenderer();
  app = await openApp({ url: web.url });
  page = app.page;
  // Two associations keep their books on this laptop, each with its own people; the
  // second is added by the laptop's administrator (whom the first treasurer names).
  const server = app.server;
  const a = server.call('association-create', { ...KABEZA, name: 'Twiyubake', treasurer: { name: 'Mukamana Aline', pin: '2580' } }, anonymous);
  if (!a.ok) throw new Error('setup failed');
  twiyubake = a.value.id;
  const aline = signedInActor(server, twiyubake, 'Mukamana Aline', '2580');
  const administrator = administratorDoor(() => app.server, door(() => app.server, aline.session));
  administrator.ok('association-create', { ...KABEZA, name: 'Abakundakurima', village: 'Rango', treasurer: { name: 'Kamanzi Paul', pin: '7391' } });
  server.call('user-create', { associationId: twiyubake, name: 'Officer Jean', role: 'officer', pin: '3916' }, aline);
  server.call('member-add', { associationId: twiyubake, fullName: 'Uwase Claudine', gender: 'female', joinedOn: '2025-02-01' }, aline);
  await page.evaluate(() => localStorage.setItem('ikimina.language', 'en'));
  await page.reload();
});
afterAll(async () => {
  await app?.close();
  await web?.close();
});

const heading = () => page.getByRole('heading', { level: 1 }).textContent();

async function signIn(name: RegExp, pin: string) {
  await page.getByRole('radio', { name }).check();
  await page.getByLabel('PIN or password').fill(pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('a shared laptop', () => {
  it('asks which association, then who you are; a wrong PIN is refused in words', async () => {
    await page.getByRole('heading', { name: /Which association/ }).waitFor();
    await page.getByRole('button', { name: /Twiyubake/ }).click();
    await signIn(/Mukamana Aline/, '1111');
    await expect.poll(() => page.locator('.field--invalid .field__error').textContent()).toBe('Wrong PIN. 2 tries left before a pause.');
    await signIn(/Mukamana Aline/, '2580');
    await expect.poll(heading).toBe('Twiyubake');
    expect(await page.locator('.topbar__user').textContent()).toBe('Mukamana Aline · Treasurer');
  });

  it('locks, and asks only for the PIN to carry on', async () => {
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByText('The books were locked. Type your PIN to carry on.').waitFor();
    expect(await page.getByRole('radio', { name: /Mukamana Aline/ }).isChecked()).toBe(true);
    // Locked means locked: the page's own calls are refused now.
    const r = await page.evaluate(() => window.ikimina.call('member-list', { associationId: localStorage.getItem('ikimina.association')! }));
    expect(r.ok ? 'read' : r.error.code).toBe('sign-in-required');
    await page.getByLabel('PIN or password').fill('2580');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(heading).toBe('Twiyubake');
  });

  it('lets an officer read everything, shows no way to change it, and refuses every write', async () => {
    await page.getByRole('button', { name: 'Switch user' }).click();
    await signIn(/Officer Jean/, '3916');
    await expect.poll(() => page.locator('.topbar__user').textContent()).toBe('Officer Jean · Local-authority officer');
    await page.getByRole('link', { name: 'Members', exact: true }).click();
    await expect.poll(() => page.locator('tbody th[scope=row]').allTextContents()).toEqual(['Uwase Claudine']);
    expect(await page.getByRole('button', { name: 'Add a member' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Edit|Exit/ }).count()).toBe(0);
    // Even going round the screens, straight to the API: refused by the server.
    const attempts = await page.evaluate(async (associationId) => {
      const api = window.ikimina;
      return Promise.all([
        api.call('member-add', { associationId, fullName: 'Ghost', gender: 'male', joinedOn: '2025-03-01' }),
        api.call('journal-entry-post', { associationId, date: '2025-03-01', memo: 'x', lines: [{ account: '1010', debit: '1' }, { account: '4090', credit: '1' }] }),
        api.call('user-create', { associationId, name: 'Sneaky', role: 'treasurer', pin: '4826' }),
        api.call('backup-create', { associationId }),
      ]);
    }, twiyubake);
    expect(attempts.map((r) => (r.ok ? 'done' : r.error.code))).toEqual(['role-refused', 'role-refused', 'role-refused', 'role-refused']);
    // The history of changes is open to officers.
    await page.getByRole('link', { name: 'History', exact: true }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(3);
    expect(await page.locator('tbody').textContent()).toContain('Member added');
    // Its dates are day, month and year like every other date: from a day after today, nothing is listed.
    const from = page.getByRole('group', { name: 'From' });
    await from.getByLabel('Day').fill('1');
    await from.getByLabel('Month').selectOption({ label: 'January' });
    await from.getByLabel('Year').fill('2099');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(0);
  });

  it('keeps each association’s books behind its own users', async () => {
    await page.getByRole('button', { name: 'Switch user' }).click();
    await page.getByRole('button', { name: 'Switch association' }).click();
    await page.getByRole('button', { name: /Abakundakurima/ }).click();
    const names = () => page.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.parentElement!.textContent));
    await expect.poll(names).toEqual(['Kamanzi Paul (Treasurer)']);
    await signIn(/Kamanzi Paul/, '7391');
    await expect.poll(heading).toBe('Abakundakurima');
    const other = await page.evaluate((associationId) => window.ikimina.call('member-list', { associationId }), twiyubake);
    expect(other.ok ? 'read' : other.error.code).toBe('other-association');
  });

  it('makes a backup of the association and restores it, after showing what it holds', async () => {
    await page.getByRole('button', { name: 'Switch user' }).click();
    await page.getByRole('button', { name: 'Switch association' }).click();
    await page.getByRole('button', { name: /Twiyubake/ }).click();
    await signIn(/Mukamana Aline/, '2580');
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    const made = await page.getByRole('status').filter({ hasText: 'Backup saved and checked' }).textContent();
    const backupName = made!.replace('Backup saved and checked: ', '');

    // A member added after the backup…
    await page.getByRole('link', { name: 'Members', exact: true }).click();
    await page.getByRole('button', { name: 'Add a member' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Full name').fill('Added After Backup');
    await dialog.getByLabel('Male', { exact: true }).check();
    const joined = dialog.getByRole('group', { name: 'Date joined' });
    await joined.getByLabel('Day').fill('3');
    await joined.getByLabel('Month').selectOption('3');
    await joined.getByLabel('Year').fill('2025');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('tbody th[scope=row]').allTextContents()).toEqual(['Uwase Claudine', 'Added After Backup']);

    // …is gone once the backup is restored.
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    app.chosenPath = join(dirname(app.ledgerFile), 'backups', backupName);
    await page.getByRole('button', { name: 'Restore from a file…' }).click();
    const restore = page.getByRole('dialog');
    // The backup holds this association's books only, as they were.
    await expect.poll(() => restore.locator('li').allTextContents()).toEqual(['Twiyubake: 1 members, 0 entries, the last on —']);
    const replace = restore.getByRole('button', { name: 'Replace the books' });
    expect(await replace.isDisabled()).toBe(true);
    await restore.getByLabel('I understand: replace the books with this backup.').check();
    await replace.click();
    // Everyone of the association signs in again on the restored books.
    await page.getByText(`The books of Twiyubake were restored from ${backupName}.`, { exact: false }).waitFor();
    await signIn(/Mukamana Aline/, '2580');
    await page.getByRole('link', { name: 'Members', exact: true }).click();
    await expect.poll(() => page.locator('tbody th[scope=row]').allTextContents()).toEqual(['Uwase Claudine']);
  });

  it('locks itself after five minutes without use', async () => {
    await page.clock.install();
    await page.reload();
    await expect.poll(heading).toBe('Members');
    await page.clock.fastForward('04:00');
    expect(await page.getByText('The books were locked').count()).toBe(0);
    await page.keyboard.press('Shift'); // someone is still there: the count starts again
    await page.clock.fastForward('04:00');
    expect(await page.getByText('The books were locked').count()).toBe(0);
    await page.clock.fastForward('01:05');
    await page.getByText('The books were locked. Type your PIN to carry on.').waitFor();
  });
});
