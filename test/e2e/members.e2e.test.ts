// End to end in real Chromium over the real server and a real SQLite file: the
// first-run wizard, members (add, edit, search, filter, exit), languages, a
// restart on the same file, and a server error shown next to its field.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fillDate, openApp, serveRenderer, type AppSession } from './harness';
import { walkWizardToAdministrator } from './seed';
import { signedInActor } from '../helpers/ledger';

let web: Awaited<ReturnType<typeof serveRenderer>>;
let app: AppSession;
let page: Page;

beforeAll(async () => {
  web = await serveRenderer();
  app = await openApp({ url: web.url });
  page = app.page;
});
afterAll(async () => {
  await app?.close();
  await web?.close();
});

async function addMember(name: string, gender: 'Female' | 'Male', joined: string, extra: { role?: string; phone?: string } = {}) {
  await page.getByRole('button', { name: 'Add a member' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Full name').fill(name);
  await dialog.getByLabel(gender, { exact: true }).check();
  if (extra.role) await dialog.getByLabel('Role').selectOption({ label: extra.role });
  if (extra.phone) await dialog.getByLabel('Phone').fill(extra.phone);
  await fillDate(dialog, 'Date joined', joined);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toBe(`${name} was added.`);
}

function rowNames() {
  return page.locator('tbody th[scope=row]').allTextContents();
}

describe('first run and members', () => {
  it('walks a first-time user through creating the association', async () => {
    // Village left empty: the wizard goes on, and the server will say so later.
    await walkWizardToAdministrator(page, { village: '', treasurerPin: '1234' });
    // At the first start, the laptop's administrator is named too.
    await page.getByLabel('The administrator\'s name').fill('Habimana Eric');
    await page.getByLabel('The administrator\'s PIN').fill('8642');
    await page.getByLabel('The same PIN again').fill('8642');
    await page.getByRole('button', { name: 'Create the association' }).click();
    // The server refuses; the wizard goes back to the step with the village, says why next to it.
    const village = page.getByLabel('Village');
    await expect.poll(() => village.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field--invalid .field__error').textContent()).toBe('This is required.');
    expect(await app.server.call('association-list', {}, { channel: 'test', locale: 'en' })).toMatchObject({ ok: true, value: [] });
    await village.fill('Kabeza');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();

    // The treasurer's access: a PIN anyone would guess is refused, in words, back on the treasurer's step.
    await page.getByRole('button', { name: 'Create the association' }).click();
    await expect.poll(() => page.locator('.field--invalid .field__error').textContent()).toBe('This PIN is too easy to guess (like 1111 or 1234). Choose another.');
    expect(await page.locator('[aria-current=step]').textContent()).toBe('4. Your access');
    await page.locator('input[name="treasurer.pin"]').fill('2580');
    await page.getByLabel('The same PIN again').fill('2580');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Create the association' }).click();
    // The recovery code is shown once, to be written down.
    await expect.poll(() => page.locator('.recovery-code').textContent()).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    await page.getByRole('button', { name: 'I have written it down' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Twiyubake Kabeza');
    expect(await page.locator('.topbar__user').textContent()).toBe('Mukamana Aline · Treasurer');
    expect(await page.locator('.lead').textContent()).toBe('Kabeza, Cyarwa, Tumba, Huye, Southern Province');
    const list = app.server.call('association-list', {}, { channel: 'test', locale: 'en' });
    expect(list.ok && list.value.map((a) => [a.name, a.currency, a.district, a.language])).toEqual([['Twiyubake Kabeza', 'RWF', 'Huye', 'en']]);
  });

  it('adds, edits, searches, filters and exits members', async () => {
    await page.getByRole('link', { name: 'Members', exact: true }).click();
    await page.getByRole('heading', { name: 'Members' }).waitFor();
    await page.getByText('No member matches.').waitFor();

    await addMember('Mukamana Aline', 'Female', '2025-01-10', { role: 'Treasurer', phone: '0788123456' });
    await addMember('Habimana Eric', 'Male', '2025-01-10');
    await addMember('Uwase Claudine', 'Female', '2025-02-14');
    await expect.poll(rowNames).toEqual(['Mukamana Aline', 'Habimana Eric', 'Uwase Claudine']);
    expect(await page.locator('tbody tr').first().locator('td').nth(2).textContent()).toBe('Treasurer');

    // Correct Eric's name.
    await page.getByRole('button', { name: 'Edit Habimana Eric' }).click();
    const name = page.getByRole('dialog').getByLabel('Full name');
    await name.fill('Habimana Eric Jean');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(rowNames).toEqual(['Mukamana Aline', 'Habimana Eric Jean', 'Uwase Claudine']);

    // Search by name, by phone; filter by gender and role.
    await page.getByLabel('Search').fill('uwase');
    await expect.poll(rowNames).toEqual(['Uwase Claudine']);
    await page.getByLabel('Search').fill('0788');
    await expect.poll(rowNames).toEqual(['Mukamana Aline']);
    await page.getByLabel('Search').fill('');
    await page.getByLabel('Gender').selectOption('male');
    await expect.poll(rowNames).toEqual(['Habimana Eric Jean']);
    await page.getByLabel('Gender').selectOption('');
    await page.getByLabel('Role', { exact: true }).selectOption('treasurer');
    await expect.poll(rowNames).toEqual(['Mukamana Aline']);
    await page.getByLabel('Role', { exact: true }).selectOption('');

    // Exit does not look like Edit beside it, and it asks first: the dialog says what
    // leaving means, and Cancel (or Escape) leaves Eric where he was.
    const exitButton = page.getByRole('button', { name: 'Record that Habimana Eric Jean left' });
    const looks = (l: typeof exitButton) => l.evaluate((el) => { const c = getComputedStyle(el); return `${c.color} ${c.borderColor} ${c.backgroundColor}`; });
    expect(await looks(exitButton)).not.toBe(await looks(page.getByRole('button', { name: 'Edit Habimana Eric Jean' })));
    await exitButton.click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByRole('button', { name: 'Record the exit' }).getAttribute('class')).toContain('button--danger');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await rowNames()).toContain('Habimana Eric Jean');
    await exitButton.click();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await rowNames()).toContain('Habimana Eric Jean');

    // Eric leaves; he disappears from the active list but stays in the books.
    await exitButton.click();
    await fillDate(dialog, 'Date of leaving', '2025-06-30');
    await dialog.getByLabel('Reason').fill('Moved to Kigali');
    await dialog.getByRole('button', { name: 'Record the exit' }).click();
    await expect.poll(rowNames).toEqual(['Mukamana Aline', 'Uwase Claudine']);
    await page.getByLabel('Status').selectOption('exited');
    await expect.poll(rowNames).toEqual(['Habimana Eric Jean']);
    expect(await page.locator('tbody .table__note').textContent()).toBe('Left on 30 June 2025');
    await page.getByLabel('Status').selectOption('active');
  });

  it('shows a server error next to the field it concerns, and saves nothing', async () => {
    await page.getByRole('button', { name: 'Add a member' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Full name').fill('Too Early');
    await dialog.getByLabel('Female', { exact: true }).check();
    await fillDate(dialog, 'Date joined', '2020-05-01');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const error = dialog.locator('.field--invalid .field__error');
    await expect.poll(() => error.textContent()).toBe('A member cannot join before the association was founded (2025-01-10).');
    expect(await dialog.getByRole('group', { name: 'Date joined' }).getByLabel('Year').getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(rowNames).toEqual(['Mukamana Aline', 'Uwase Claudine']);
  });

  it('switches language at once, and remembers it', async () => {
    await page.getByLabel('Language').selectOption('fr');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).not.toBe('Members');
    const french = await page.getByRole('navigation').textContent();
    await page.getByRole('navigation').getByRole('link').first().click();
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('navigation').textContent()).toBe(french);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.locator('.language-switch select').selectOption('rw');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('rw');
    await page.locator('.language-switch select').selectOption('en');
    await expect.poll(() => page.getByRole('navigation').getByRole('link').first().textContent()).toBe('Home');
  });

  it('finds everything again after the app restarts on the same file', async () => {
    await app.restart();
    page = app.page;
    // A restart asks for the PIN again.
    await page.getByLabel('PIN or password').fill('2580');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Twiyubake Kabeza' }).waitFor();
    // Home shows the members counted by the server.
    const active = page.locator('.card', { hasText: 'Active members' });
    await expect.poll(() => active.locator('dd').first().textContent()).toBe('2');
    expect(await active.locator('.card__note').textContent()).toBe('2 women');
    await page.getByRole('link', { name: 'Members', exact: true }).click();
    await expect.poll(rowNames).toEqual(['Mukamana Aline', 'Uwase Claudine']);
    await page.getByLabel('Status').selectOption('all');
    await expect.poll(rowNames).toEqual(['Mukamana Aline', 'Habimana Eric Jean', 'Uwase Claudine']);
  });

  it('can be driven by keyboard alone', async () => {
    await page.getByLabel('Status').selectOption('active');
    await page.getByRole('button', { name: 'Add a member' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Nyiraneza Grace'); // focus starts in the name field
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // first gender choice: Female
    await page.keyboard.press('Tab'); // role
    await page.keyboard.press('Tab'); // phone
    await page.keyboard.press('Tab'); // national id
    await page.keyboard.press('Tab'); // day joined
    await page.keyboard.type('15');
    await page.keyboard.press('Tab'); // month: typing selects by name
    await page.keyboard.type('March');
    await page.keyboard.press('Tab'); // year
    await page.keyboard.type('2025');
    await page.keyboard.press('Enter');
    await expect.poll(rowNames).toEqual(['Mukamana Aline', 'Uwase Claudine', 'Nyiraneza Grace']);
    // Focus is visible on whatever has it.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
  });

  it('starts a savings cycle with its lending rules', async () => {
    await page.getByRole('link', { name: 'Meetings', exact: true }).click();
    await page.getByLabel('Name of the cycle').fill('Cycle 2026');
    await fillDate(page, 'First day', '2026-01-01');
    await fillDate(page, 'Last day', '2026-12-31');
    await page.getByLabel('Price of one share').fill('500');
    await page.getByLabel('Social fund at each meeting').fill('200');
    await page.getByLabel('declining balance').check();
    await page.getByLabel('Interest rate, percent per month').fill('2');
    await page.getByLabel('Day count').selectOption('actual/365');
    await page.getByRole('button', { name: 'Start the cycle' }).click();
    await page.getByRole('button', { name: 'Hold a meeting' }).waitFor();
    expect(await page.getByText('Cycle 2026: 1 January 2026 to 31 December 2026', { exact: true }).count()).toBe(1);
    const list = app.server.call('association-list', {}, { channel: 'test', locale: 'en' });
    const associationId = list.ok ? list.value[0]!.id : '';
    const treasurer = signedInActor(app.server, associationId, 'Mukamana Aline', '2580');
    const cycles = app.server.call('cycle-list', { associationId }, treasurer);
    expect(cycles.ok && cycles.value[0]!.rules[0]!.rules).toMatchObject({
      savingMode: 'shares', sharePrice: '500', socialFund: '200',
      loans: { method: 'declining', monthlyRatePercent: '2', dayCount: 'actual/365', maxInstalments: 12, maxMultipleOfSavings: '3' },
    });
  });
});
