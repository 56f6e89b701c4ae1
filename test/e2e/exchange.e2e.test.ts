// The ledger exchange end to end (issue 15): on a coordinator's laptop, the coordinator
// signs in, imports a folder of groups' files with the progress shown, reads which
// file was refused and which was kept aside as a conflict (and why), and opens an
// imported group's grant-use statement.

import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, serveRenderer, type AppSession } from './harness';
import { must } from './seed';
import { KABEZA, PINNED_NOW, smallBook, tempLedger, type TestLedger } from '../helpers/ledger';
import { buildGrantFixture } from '../helpers/grant-fixture';
import { COORDINATOR, COORDINATOR_ADMIN, importInto } from '../helpers/exchange';
import { createServer } from '../../electron/server/server';

let web: Awaited<ReturnType<typeof serveRenderer>>;
let app: AppSession;
let page: Page;
let t: TestLedger;
let dir: string;
let folder: string;

function boxOn(l: { server: { ledger: { sqlite: import('better-sqlite3').Database } } }, a: string, asOf: string): bigint {
  return BigInt(l.server.ledger.sqlite.prepare(`SELECT coalesce(sum(p.amount), 0) FROM postings p JOIN accounts x ON x.id = p.account_id
    WHERE p.association_id = ? AND x.code = '1010' AND p.entry_date <= ?`).pluck().get(a, asOf) as number);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ikimina-exchange-e2e-'));
  folder = join(dir, 'usb');
  mkdirSync(folder);
  // The treasurer's laptop: a group with a livestock grant, exported once (imported before), then again after a meeting.
  t = tempLedger();
  const { association, members } = smallBook(t, 2);
  const a = association.id;
  buildGrantFixture((name, input) => t.ok(name as never, input as never), a);
  t.ok('cycle-create', { associationId: a, name: 'Cycle 2025', startsOn: '2025-01-15', endsOn: '2025-12-31', rules: { savingMode: 'savings', socialFund: '200' } });
  const first = t.ok('exchange-export', { associationId: a, folder: join(dir, 'first') }).file;
  t.server.close();
  const restoredDir = join(dir, 'restored');
  mkdirSync(restoredDir);
  for (const name of ['ledger.sqlite', 'ikimina-pin.key', 'ikimina-laptop.key']) copyFileSync(join(t.dir, name), join(restoredDir, name));
  t.reopen();
  const meeting = (server: TestLedger['server'], session: string | undefined, date: string, savings: string, box: bigint) => must(server.call('meeting-close', {
    associationId: a, date, cashCount: { box: String(box), reason: 'Counted as found' },
    rows: [{ memberId: members[0]!.id, attendance: 'present', savings, socialFund: '200' }, { memberId: members[1]!.id, attendance: 'absent' }],
  }, { channel: 'test', locale: 'en', session }));
  meeting(t.server, t.session, '2025-02-07', '1,000', boxOn(t, a, '2025-02-07') + 1200n);
  const newer = t.ok('exchange-export', { associationId: a, folder }).file;
  // Copies of the same newer file (a stick passed round twice): taken as unchanged, they make the import long enough to watch.
  for (let i = 0; i < 24; i++) copyFileSync(newer, join(folder, `copy-${String(i).padStart(2, '0')}.ikimina`));
  // The same laptop restored from the copy, written on again: its books part from the ones above.
  const restored = createServer(join(restoredDir, 'ledger.sqlite'), { now: () => PINNED_NOW, headsFile: null });
  const users = must(restored.call('user-sign-in-list', { associationId: a }, { channel: 'test', locale: 'en' })) as { id: string; name: string }[];
  const signIn = must(restored.call('session-sign-in', { associationId: a, userId: users.find((u) => u.name === KABEZA.treasurer.name)!.id, pin: '2580' }, { channel: 'test', locale: 'en' })) as { token: string };
  meeting(restored, signIn.token, '2025-02-14', '2,000', boxOn(t, a, '2025-01-31') + 2200n);
  const diverged = must(restored.call('exchange-export', { associationId: a, folder: join(dir, 'diverged') }, { channel: 'test', locale: 'en', session: signIn.token })) as { file: string };
  restored.close();
  copyFileSync(diverged.file, join(folder, 'zz-restored-laptop.ikimina'));
  writeFileSync(join(folder, 'photo-renamed.ikimina'), Buffer.alloc(4096, 9));

  web = await serveRenderer();
  app = await openApp({ url: web.url });
  page = app.page;
  await page.evaluate(() => localStorage.setItem('ikimina.language', 'en'));
  const setup = must(app.server.call('laptop-setup-coordinator', { administrator: { ...COORDINATOR_ADMIN }, coordinator: { ...COORDINATOR } }, { channel: 'test', locale: 'en' })) as { token: string };
  // The group's first file was imported on an earlier day.
  await importInto({ server: app.server, session: setup.token } as unknown as TestLedger, { files: [first] });
  await page.reload();
}, 120_000);

afterAll(async () => {
  await app?.close();
  await web?.close();
  t?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

it('imports a folder with progress, explains the refused file and the conflict, and opens the group’s grant-use statement', async () => {
  await page.getByRole('button', { name: 'Programme coordinator' }).click();
  await page.getByLabel('PIN').fill(COORDINATOR.pin);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'The programme', exact: true }).count()).toBe(1);
  await page.getByRole('button', { name: 'Imports', exact: true }).click();
  app.chosenPath = folder;
  await page.getByRole('button', { name: 'Import a folder…' }).click();
  // While it runs: a progress bar, its words, and a way to stop.
  await page.locator('.programme__progress progress').waitFor();
  await expect.poll(() => page.locator('.programme__progress').textContent()).toMatch(/of 27 files/);
  expect(await page.getByRole('button', { name: 'Stop after this file' }).count()).toBe(1);
  await expect.poll(() => page.getByTestId('import-counts').textContent(), { timeout: 30_000 }).toContain('1 updated');
  const counts = await page.getByTestId('import-counts').textContent();
  expect(counts).toContain('1 refused');
  expect(counts).toContain('1 kept aside');
  const refused = page.locator('li[data-outcome="refused"]');
  await expect.poll(() => refused.textContent()).toContain('photo-renamed.ikimina');
  expect(await refused.textContent()).toContain('This is not a file of a group\'s books exported by Ikimina');
  const conflict = page.locator('li[data-outcome="conflict"]');
  expect(await conflict.textContent()).toMatch(/part from the ones imported at entry \d+/);
  expect(await page.getByTestId('conflict').count()).toBe(1);
  expect(await page.getByTestId('import-counts').textContent()).toContain('24 unchanged');
  // The import went through the app's own door, and its progress was asked for while it ran.
  expect(app.calls.some((c) => c.name === 'exchange-import' && c.ok)).toBe(true);
  expect(app.calls.some((c) => c.name === 'exchange-import-progress' && c.ok)).toBe(true);

  await page.getByRole('button', { name: KABEZA.name }).click();
  await page.getByRole('link', { name: 'Grants', exact: true }).click();
  await page.getByRole('button', { name: /Grant-use statement/ }).first().click();
  await expect.poll(() => page.getByText('HUYE/AGR/2025/014').count()).toBeGreaterThan(0);
  expect(await page.getByText(/imported: they cannot be changed here/).count()).toBe(1);
  await page.screenshot({ path: join(dir, 'grant.png') });
}, 120_000);

it('decides the conflict for the file kept aside, with a reason, and the group’s books become the file’s', async () => {
  await page.getByRole('button', { name: 'Back to the programme' }).click();
  await page.getByRole('button', { name: 'Imports', exact: true }).click();
  await expect.poll(() => page.getByTestId('conflict').count()).toBe(1);
  const head = () => app.server.ledger.sqlite.prepare('SELECT journal_head FROM exchange_sources').pluck().get() as string;
  const theirHead = app.server.ledger.sqlite.prepare('SELECT their_head FROM exchange_conflicts WHERE resolved_at IS NULL').pluck().get() as string;
  expect(head()).not.toBe(theirHead);
  await page.getByRole('button', { name: 'Take the file\'s books' }).click();
  const dialog = page.getByRole('dialog');
  expect(await dialog.textContent()).toContain('copied aside');
  // No reason: said under the field, nothing decided.
  await dialog.getByRole('button', { name: 'Take the file\'s books' }).click();
  await expect.poll(() => dialog.locator('.field__error').count()).toBe(1);
  await dialog.getByLabel(/Why/).fill('The group’s laptop was restored; the treasurer confirms its books');
  await dialog.getByRole('button', { name: 'Take the file\'s books' }).click();
  await expect.poll(() => page.getByTestId('conflict').count()).toBe(0);
  expect(await page.getByRole('status').filter({ hasText: 'Decided' }).count()).toBe(1);
  // The group's books now end where the restored laptop's file ends.
  expect(head()).toBe(theirHead);
  expect(app.calls.some((c) => c.name === 'exchange-conflict-take' && c.ok)).toBe(true);
}, 60_000);
