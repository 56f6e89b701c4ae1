// End to end: keeping the laptop's books safe. A file changed behind Ikimina's back
// is shown to the treasurer as a warning at the top of the screen until they say
// what was done; the first start names the laptop's administrator, who backs up
// and restores the whole file from their own screen; a treasurer backs up and
// restores their own association; and the page cannot name a file of its own.

import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, serveRenderer, type AppSession } from './harness';
import { must, seedAssociation, signInTreasurer, TREASURER, walkWizardToAdministrator } from './seed';
import { ADMINISTRATOR, administratorDoor, door, signedInActor } from '../helpers/ledger';
import { messageIn } from '../../electron/server/messages/render';
import type { Actor } from '../../electron/server/context';
import type { IntegrityProblem } from '../../electron/server/contract';

let web: Awaited<ReturnType<typeof serveRenderer>>;

beforeAll(async () => {
  web = await serveRenderer();
});
afterAll(async () => {
  await web?.close();
});

/** The sentence the warning shows for a finding (the server's catalog; its code until the catalog has it). */
const sentence = (p: IntegrityProblem) => messageIn('en', p.code, p.params);

/** The warning at the top of the screen about the books (not the one about backups, nor a form's error). */
const warning = (page: Page) => page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Warning: the books must be checked' }) });

/** Runs SQL on the file with the append-only guards named here lifted, then puts them back exactly as they were. */
function withoutGuards(file: string, guards: readonly string[], sql: string): void {
  const db = new Database(file);
  try {
    const saved = guards.map((name) => db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck().get(name) as string);
    for (const name of guards) db.exec(`DROP TRIGGER "${name}"`);
    db.exec(sql);
    for (const create of saved) db.exec(create);
  } finally {
    db.close();
  }
}

describe('a file changed behind Ikimina’s back', () => {
  let app: AppSession;
  let associationId: string;

  beforeAll(async () => {
    app = await openApp({ url: web.url });
    const seeded = seedAssociation(app);
    associationId = seeded.associationId;
    const member = must(app.server.call('member-add', { associationId, fullName: 'Uwase Claudine', gender: 'female', joinedOn: '2025-02-01' }, seeded.actor));
    for (const [amount, date] of [['1000', '2025-02-01'], ['700', '2025-02-08'], ['300', '2025-02-15']] as const) {
      must(app.server.call('savings-brought-in', { associationId, date, members: [{ memberId: member.id, amount }] }, seeded.actor));
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Closes the app, changes the file as another program would, and starts the app again. */
  async function tamper(guards: readonly string[], sql: string): Promise<void> {
    await app.page.goto('about:blank');
    app.server.close();
    withoutGuards(app.ledgerFile, guards, sql);
    await app.restart();
  }

  /** What the server finds now, as the treasurer would be told. */
  function findings(): IntegrityProblem[] {
    const actor = signedInActor(app.server, associationId, TREASURER.name, TREASURER.pin);
    return must(app.server.call('ledger-health-get', {}, actor)).problems.filter((p) => p.associationId === associationId);
  }

  it('warns the treasurer at the top of the screen, in words, with what to do', async () => {
    await tamper([], "UPDATE accounts SET name = 'x' WHERE code = '2010'");
    const page = app.page;
    await signInTreasurer(page);
    const changed = findings().find((p) => p.code === 'integrity-books-changed');
    expect(changed).toBeDefined();
    await expect.poll(() => warning(page).locator('li').first().textContent()).toBe(sentence(changed!));
    const text = await warning(page).textContent();
    expect(text).toContain('Do not record anything new until this has been checked.');
    expect(text).toContain('If entries are missing or were changed, restore the association from a backup made before that.');
    expect(text).toContain('Ask the laptop administrator for help.');
    // It stays on every screen, not only on Home.
    await page.getByRole('link', { name: 'Members', exact: true }).click();
    await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
    expect(await warning(page).count()).toBe(1);
  });

  it('goes away once the treasurer says what was done, and stays away after a restart', async () => {
    const page = app.page;
    await warning(page).getByRole('button', { name: 'I have looked into this' }).click();
    const dialog = page.getByRole('dialog', { name: 'What was done?' });
    // A note is needed.
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.locator('.field__error').count()).toBe(1);
    await dialog.getByLabel('What you found and did').fill('The secretary renamed the account with another program; we agreed it at the meeting.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => warning(page).count()).toBe(0);
    expect(await page.getByRole('dialog').count()).toBe(0);
    // The history keeps both the finding and what was done.
    await page.getByRole('link', { name: 'History', exact: true }).click();
    await expect.poll(() => page.locator('tbody').textContent()).toContain("Check's warning looked into");
    expect(await page.locator('tbody').textContent()).toContain('Problems found');

    await app.page.goto('about:blank');
    await app.restart();
    await signInTreasurer(app.page);
    await app.page.getByRole('heading', { name: 'Twiyubake', level: 1 }).waitFor();
    expect(findings()).toEqual([]);
    // Give the first health answer time to arrive: it must not bring the warning back.
    await expect.poll(() => app.calls.some((c) => c.name === 'ledger-health-get' && c.ok)).toBe(true);
    expect(await warning(app.page).count()).toBe(0);
  });

  it('says entries are missing when the last entry is removed', async () => {
    const last = (() => {
      const db = new Database(app.ledgerFile, { readonly: true });
      try {
        return db.prepare('SELECT id FROM journal_entries WHERE association_id = ? ORDER BY seq DESC LIMIT 1').pluck().get(associationId) as string;
      } finally {
        db.close();
      }
    })();
    await tamper(['journal_entries_no_delete', 'postings_no_delete'], `DELETE FROM postings WHERE entry_id = '${last}'; DELETE FROM journal_entries WHERE id = '${last}';`);
    await signInTreasurer(app.page);
    const missing = findings().find((p) => p.code === 'integrity-entries-missing');
    expect(missing).toBeDefined();
    await expect.poll(() => warning(app.page).locator('li').allTextContents()).toContain(sentence(missing!));
  });

  it('shows a finding about the whole file to the laptop administrator, who says what was done', async () => {
    // Books from before there were administrators: the treasurer names one.
    const aline = door(() => app.server, signedInActor(app.server, associationId, TREASURER.name, TREASURER.pin).session);
    administratorDoor(() => app.server, aline);
    await tamper([], 'DROP TRIGGER journal_entries_no_update');
    const page = app.page;
    await page.evaluate(() => localStorage.setItem('ikimina.language', 'en'));
    await page.reload();
    await page.getByRole('button', { name: 'Laptop administrator' }).click();
    await page.getByLabel('PIN or password').fill(ADMINISTRATOR.pin);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Laptop administrator', level: 1 }).waitFor();
    const admin = administratorDoor(() => app.server);
    const changed = must(admin.call('ledger-health-get', {})).problems.find((p: IntegrityProblem) => p.code === 'integrity-schema-changed');
    expect(changed?.associationId).toBeNull();
    await expect.poll(() => warning(page).locator('li').allTextContents()).toContain(sentence(changed!));
    await warning(page).getByRole('button', { name: 'I have looked into this' }).click();
    const dialog = page.getByRole('dialog', { name: 'What was done?' });
    await dialog.getByLabel('What you found and did').fill('A technician removed a guard while repairing the laptop; the backup of Monday was checked and is whole.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    // What is left concerns the association, for its treasurer or chair to look into.
    await expect.poll(() => warning(page).locator('li').allTextContents()).not.toContain(sentence(changed!));
    expect(await warning(page).getByRole('button', { name: 'I have looked into this' }).count()).toBe(0);
  });
});

describe('the laptop’s administrator', () => {
  let app: AppSession;
  let page: Page;
  const usb = mkdtempSync(join(tmpdir(), 'ikimina-usb-'));

  beforeAll(async () => {
    app = await openApp({ url: web.url });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
    rmSync(usb, { recursive: true, force: true });
  });

  it('is named at the first start, after the treasurer', async () => {
    await walkWizardToAdministrator(page, { village: 'Kabeza', treasurerPin: '2580' });
    // The last step says what the administrator does, in one sentence.
    expect(await page.locator('[aria-current=step]').textContent()).toBe('5. Laptop administrator');
    expect(await page.locator('.wizard__form').textContent()).toContain(
      'The laptop administrator keeps the whole laptop\'s books safe: they back up and restore them, and add another association. They cannot see any group\'s accounts.',
    );
    await page.getByLabel('The administrator\'s name').fill('Habimana Eric');
    await page.getByLabel('The administrator\'s PIN').fill('1234');
    await page.getByLabel('The same PIN again').fill('1234');
    await page.getByRole('button', { name: 'Create the association' }).click();
    // The server's refusal, next to the administrator's PIN.
    const adminPin = page.getByLabel('The administrator\'s PIN');
    await expect.poll(() => adminPin.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field--invalid .field__error').textContent()).toBe(messageIn('en', 'pin-too-easy', {}));
    expect(must(app.server.call('association-list', {}, { channel: 'test', locale: 'en' }))).toEqual([]);
    await adminPin.fill('8642');
    await page.getByLabel('The same PIN again').fill('8642');
    await page.getByRole('button', { name: 'Create the association' }).click();
    await page.getByRole('button', { name: 'I have written it down' }).click();
    await expect.poll(() => page.locator('.topbar__user').textContent()).toBe('Mukamana Aline · Treasurer');
    expect(must(app.server.call('administrator-list', {}, { channel: 'test', locale: 'en' })).map((a) => a.name)).toEqual(['Habimana Eric']);
  });

  it('signs in from the sign-in screen and sees the whole file, not the books', async () => {
    await page.getByRole('button', { name: 'Switch user' }).click();
    await page.getByRole('button', { name: 'Laptop administrator' }).click();
    await page.getByRole('heading', { name: 'Laptop administrator', level: 1 }).waitFor();
    await page.getByLabel('PIN or password').fill('8642');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('.topbar__user').textContent()).toBe('Habimana Eric · Laptop administrator');
    expect(await page.getByRole('navigation').count()).toBe(0);
    await expect.poll(() => page.locator('main').textContent()).toContain('Twiyubake Kabeza');
    // The books themselves stay closed to the administrator.
    const associationId = must(app.server.call('association-list', {}, { channel: 'test', locale: 'en' }))[0]!.id;
    const r = await page.evaluate((id) => window.ikimina.call('member-list', { associationId: id }), associationId);
    expect(r.ok ? 'read' : r.error.code).toBe('role-refused');
  });

  it('checks the whole file now', async () => {
    await page.getByRole('button', { name: 'Check the whole file now' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Checked on' }).textContent()).toMatch(/^Checked on .+: everything matches\.$/);
  });

  it('backs up the whole file to a USB stick and restores it after showing what it holds', async () => {
    app.chosenPath = usb;
    await page.getByRole('button', { name: 'Back up to a USB stick…' }).click();
    const made = page.getByRole('status').filter({ hasText: 'Backup saved and checked' });
    await made.waitFor();
    const [name] = readdirSync(usb);
    expect(await made.textContent()).toBe(`Backup saved and checked: ${name}, in ${basename(usb)}`);

    // A member added after the backup…
    const associationId = must(app.server.call('association-list', {}, { channel: 'test', locale: 'en' }))[0]!.id;
    const aline: Actor = signedInActor(app.server, associationId, 'Mukamana Aline', '2580');
    must(app.server.call('member-add', { associationId, fullName: 'Added After Backup', gender: 'male', joinedOn: '2025-03-01' }, aline));

    // …is gone once the whole file is restored from it.
    app.chosenPath = join(usb, name!);
    await page.getByRole('button', { name: 'Restore from a file…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore the books from a backup' });
    // The backup's name, never a full path.
    expect(await dialog.locator('.backup-name').textContent()).toBe(name);
    expect(await dialog.textContent()).not.toContain(usb);
    expect(await dialog.locator('li').allTextContents()).toEqual(['Twiyubake Kabeza: 0 members, 0 entries, the last on —']);
    const replace = dialog.getByRole('button', { name: 'Replace the books' });
    expect(await replace.isDisabled()).toBe(true);
    await dialog.getByLabel('I understand: replace the books with this backup.').check();
    await replace.click();

    // Back to signing in, saying where the books as they were are kept.
    await page.getByRole('heading', { name: 'Twiyubake Kabeza', level: 1 }).waitFor();
    const notice = page.getByRole('status');
    expect(await notice.locator('p').first().textContent()).toBe(`The books were restored from the backup ${name}. Everyone signs in again.`);
    const keptAside = (await notice.locator('.file-path').textContent())!;
    expect(dirname(keptAside)).toBe(dirname(app.ledgerFile));
    expect(existsSync(keptAside)).toBe(true);
    const members = must(app.server.call('member-list', { associationId }, signedInActor(app.server, associationId, 'Mukamana Aline', '2580')));
    expect(members.map((m) => m.fullName)).toEqual([]);
    // The treasurer signs in again; the notice has done its job.
    await page.getByLabel('PIN or password').fill('2580');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('.topbar__user').textContent()).toBe('Mukamana Aline · Treasurer');
  });
});

describe('a treasurer’s own backups', () => {
  let app: AppSession;
  let page: Page;
  let associationId: string;
  let actor: Actor;
  const usb = mkdtempSync(join(tmpdir(), 'ikimina-usb-'));

  beforeAll(async () => {
    app = await openApp({ url: web.url });
    page = app.page;
    ({ associationId, actor } = seedAssociation(app));
    await signInTreasurer(page);
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { name: 'Backups' }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(usb, { recursive: true, force: true });
  });

  it('backs up this association only, to a USB stick', async () => {
    expect(await page.locator('main').textContent()).toContain('These backups hold the books of Twiyubake only.');
    app.chosenPath = usb;
    await page.getByRole('button', { name: 'Back up to a USB stick…' }).click();
    const made = page.getByRole('status').filter({ hasText: 'Backup saved and checked' });
    await made.waitFor();
    const [name] = readdirSync(usb);
    expect(name).toMatch(new RegExp(`^ikimina-association-${associationId}-.+\\.sqlite$`));
    expect(await made.textContent()).toBe(`Backup saved and checked: ${name}, in ${basename(usb)}`);
  });

  it('restores from the list of backups, and says where the books as they were are kept', async () => {
    await page.getByRole('button', { name: 'Back up now' }).click();
    const backups = page.getByRole('table', { name: 'Backups of Twiyubake on this laptop' });
    await backups.locator('tbody tr').first().waitFor();
    const name = (await backups.locator('tbody th[scope=row]').first().textContent())!;
    must(app.server.call('member-add', { associationId, fullName: 'Added After Backup', gender: 'male', joinedOn: '2025-03-01' }, actor));

    await page.getByRole('button', { name: `Restore ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore the books from a backup' });
    expect(await dialog.locator('.backup-name').textContent()).toBe(name);
    expect(await dialog.locator('li').allTextContents()).toEqual(['Twiyubake: 0 members, 0 entries, the last on —']);
    expect(await dialog.textContent()).toContain('Other associations are not touched.');
    await dialog.getByLabel('I understand: replace the books with this backup.').check();
    await dialog.getByRole('button', { name: 'Replace the books' }).click();

    await page.getByRole('heading', { name: 'Twiyubake', level: 1 }).waitFor();
    const notice = (await page.getByRole('status').textContent())!;
    const kept = /kept as the backup (\S+\.sqlite), in the list of backups/.exec(notice)?.[1];
    expect(notice).toBe(`The books of Twiyubake were restored from ${name}. The books as they were before are kept as the backup ${kept}, in the list of backups. Sign in again.`);
    await page.getByLabel('PIN or password').fill(TREASURER.pin);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.topbar').waitFor();
    await page.getByRole('link', { name: 'Members', exact: true }).click();
    await expect.poll(() => page.getByText('No member matches.').isVisible()).toBe(true);
    // The books as they were are one of the backups now.
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await expect.poll(() => backups.locator('tbody th[scope=row]').allTextContents()).toContain(kept);
  });

  it('names the laptop’s administrator on books from before there was one', async () => {
    const section = page.getByRole('heading', { name: 'Name the laptop\'s administrator' });
    await section.scrollIntoViewIfNeeded();
    await page.getByLabel('The administrator\'s name').fill('Habimana Eric');
    await page.getByLabel('The administrator\'s PIN').fill('8642');
    await page.locator('input[name=administrator-pin-again]').fill('8642');
    await page.getByRole('button', { name: 'Name the administrator' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Habimana Eric' }).textContent()).toBe(
      'Habimana Eric is now a laptop administrator. They sign in from the sign-in screen, with “Laptop administrator”.',
    );
    expect(must(app.server.call('administrator-list', {}, { channel: 'test', locale: 'en' })).map((a) => a.name)).toEqual(['Habimana Eric']);
  });

  it('refuses a path the page typed itself', async () => {
    const answers = await page.evaluate(async (id) => [
      await window.ikimina.call('backup-inspect', { associationId: id, file: '/etc/passwd' }),
      await window.ikimina.call('backup-create', { associationId: id, folder: '/tmp' }),
    ], associationId);
    expect(answers.map((r) => (r.ok ? 'done' : r.error.code))).toEqual(['file-not-chosen', 'file-not-chosen']);
  });
});
