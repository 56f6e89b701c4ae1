// The programme view end to end (issue 16): a coordinator with three imported groups
// opens the programme, reads the quarter's totals, changes the grouping (and the
// quarter), and follows a flag to the group behind it and into its books.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, serveRenderer, type AppSession } from './harness';
import { must } from './seed';
import { PINNED_NOW, type TestLedger } from '../helpers/ledger';
import { COORDINATOR, COORDINATOR_ADMIN, importInto } from '../helpers/exchange';
import { buildProgrammeFixture, type ProgrammeFixture } from '../helpers/programme-fixture';

let web: Awaited<ReturnType<typeof serveRenderer>>;
let app: AppSession;
let page: Page;
let dir: string;
let fixture: ProgrammeFixture;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ikimina-programme-e2e-'));
  fixture = await buildProgrammeFixture(dir);
  web = await serveRenderer();
  // The coordinator's laptop on the day the groups' files were written (1 March 2026).
  app = await openApp({ url: web.url, now: () => PINNED_NOW });
  page = app.page;
  await page.evaluate(() => localStorage.setItem('ikimina.language', 'en'));
  const setup = must(app.server.call('laptop-setup-coordinator', { administrator: { ...COORDINATOR_ADMIN }, coordinator: { ...COORDINATOR } }, { channel: 'test', locale: 'en' })) as { token: string };
  await importInto({ server: app.server, session: setup.token } as unknown as TestLedger, { files: [...fixture.files] });
  await page.reload();
}, 120_000);

afterAll(async () => {
  await app?.close();
  await web?.close();
  fixture?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const tableNames = () => page.locator('.programme__table tbody tr td:first-child').allTextContents();

it('shows the quarter’s totals, regroups the groups, and follows a flag to the group and its books', async () => {
  await page.getByRole('button', { name: 'Programme coordinator' }).click();
  await page.getByLabel('PIN').fill(COORDINATOR.pin);
  await page.getByRole('button', { name: /sign in/i }).click();
  // The last quarter that has ended opens first (2026-Q1 is today's, still partial).
  await expect.poll(() => page.getByRole('heading', { name: /The programme in 2025-Q4/ }).count()).toBe(1);
  // Savings on 31 December 2025: A 7,000 + B 300,000 (C's books stop in June 2025).
  expect(await page.locator('[data-indicator="savings"] dd').textContent()).toContain('307,000');
  expect(await page.locator('[data-indicator="groups"] dd').textContent()).toBe('2');
  // Rolled up by district (the default): one line per district, each opening its group.
  await expect.poll(tableNames).toEqual([expect.stringContaining('Gasabo'), expect.stringContaining('Huye'), expect.stringContaining('Nyamagabe')]);
  await page.locator('.programme__rollup', { hasText: 'Huye' }).click();
  await expect.poll(() => page.locator(`tr[data-group="${fixture.ids.A}"]`).count()).toBe(1);
  // The coordinator notes A's project; grouping by project then puts A under it.
  await page.getByRole('button', { name: 'Abishyizehamwe: project and facilitator' }).click();
  await page.getByRole('dialog').getByLabel('Project').fill('Huye livestock 2025');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await page.getByLabel('Group by', { exact: true }).selectOption('project');
  await expect.poll(tableNames).toEqual([expect.stringContaining('(not noted)'), expect.stringContaining('Huye livestock 2025')]);
  // Each group on its own line.
  await page.getByLabel('Group by', { exact: true }).selectOption('none');
  await expect.poll(tableNames).toEqual([expect.stringContaining('Duterimbere'), expect.stringContaining('Abishyizehamwe'), expect.stringContaining('Twiyubake')]);
  // The quarter A's unpaid loan was at risk: two groups need a visit.
  await page.getByLabel('Quarter', { exact: true }).selectOption('2025-Q2');
  await expect.poll(() => page.getByTestId('need-visit').textContent()).toContain('2 groups need a visit');
  await page.screenshot({ path: '/tmp/programme-q2.png', fullPage: true });
  await page.getByLabel('Quarter', { exact: true }).selectOption('2026-Q1');
  await expect.poll(() => page.getByTestId('need-visit').textContent()).toContain('1 group needs a visit');
  await page.getByTestId('need-visit').click();
  await expect.poll(tableNames).toEqual([expect.stringContaining('Duterimbere')]);
  expect(await page.locator(`tr[data-group="${fixture.ids.C}"] [data-flag="noImport"]`).count()).toBe(1);
  // The group behind the flag opens its books, read-only.
  await page.getByRole('button', { name: 'Duterimbere', exact: true }).click();
  await expect.poll(() => page.getByText(/imported: they cannot be changed here/).count()).toBe(1);
  expect(app.calls.filter((c) => c.name === 'programme-view' && c.ok).length).toBeGreaterThan(2);
}, 120_000);
