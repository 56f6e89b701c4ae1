// End to end: the treasurer exports the statement of financial position as a PDF from
// Reports (the save dialog answered by the harness, as the main process would), reads
// where it went and its fingerprint, then checks the file against the books — and,
// once the books have moved on, is told the figures on its day changed.
//
//   A meeting: Member 01 saves 6,000, Member 02 4,000. The group has 10,000 in the box
//   and owes its members 10,000; its own funds are 0.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fillDate, openApp, serveRenderer, type AppSession } from './harness';
import { cat, must, seedAssociation, signInTreasurer } from './seed';

let web: Awaited<ReturnType<typeof serveRenderer>>;
let app: AppSession;
let page: Page;
let dir: string;
let associationId: string;
let actor: ReturnType<typeof seedAssociation>['actor'];

beforeAll(async () => {
  web = await serveRenderer();
  app = await openApp({ url: web.url });
  page = app.page;
  dir = mkdtempSync(join(tmpdir(), 'ikimina-statements-e2e-'));
  const seeded = seedAssociation(app);
  associationId = seeded.associationId;
  actor = seeded.actor;
  const ids = ['01', '02'].map((n) => must(app.server.call('member-add', { associationId, fullName: `Member ${n}`, gender: 'female', joinedOn: '2025-01-10' }, actor)).id);
  must(app.server.call('cycle-create', { associationId, name: 'Cycle One', startsOn: cat(-60), endsOn: cat(300), rules: { savingMode: 'savings' } }, actor));
  must(app.server.call('meeting-close', {
    associationId, date: cat(-7), cashCount: { box: '10,000' },
    rows: [{ memberId: ids[0]!, attendance: 'present', savings: '6,000' }, { memberId: ids[1]!, attendance: 'present', savings: '4,000' }],
  }, actor));
  await signInTreasurer(page);
});
afterAll(async () => {
  await app?.close();
  await web?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('statements from Reports', () => {
  it('exports the financial position as a PDF that shows the figures and the fingerprint', async () => {
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByLabel('Statement', { exact: true }).selectOption('financial-position');
    await fillDate(page, 'As of', cat(-1));
    app.chosenPath = join(dir, 'position.pdf');
    await page.getByRole('button', { name: 'PDF (to print)' }).click();
    const saved = await page.getByTestId('statement-saved').textContent();
    const short = /fingerprint (\S+)\./.exec(saved ?? '')?.[1];
    expect(saved).toMatch(/^Saved position\.pdf\. Books' fingerprint \d+-[0-9a-f]{12}-[0-9a-f]{8}\.$/);
    const text = execFileSync('pdftotext', ['-layout', app.chosenPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('Statement of financial position');
    expect(text).toMatch(/1010\s+Cash box\s+10,000/);
    expect(text).toMatch(/2010\s+Members’ savings\s+10,000/);
    expect(text).toContain(`Books' fingerprint ${short}`);
    
  });

  it('checks the file against the books, then tells when the books changed since', async () => {
    await page.getByRole('button', { name: 'Check a statement…' }).click();
    await expect.poll(() => page.getByTestId('statement-verdict').textContent()).toContain('position.pdf: This statement matches the books');
    // A forgotten expense, dated before the statement's day: its figures on that day change.
    must(app.server.call('journal-entry-post', { associationId, date: cat(-2), memo: 'Soap', lines: [{ account: '5010', debit: '500' }, { account: '1010', credit: '500' }] }, actor));
    await page.getByRole('button', { name: 'Check a statement…' }).click();
    await expect.poll(() => page.getByTestId('statement-verdict').textContent()).toContain('entries recorded since then change this statement');
  });

  it('shows the cash book by the day money moved, with each entry’s number beside it', async () => {
    // A gift written last but dated first: it heads the cash book, and its entry number says it was written last.
    must(app.server.call('journal-entry-post', { associationId, date: cat(-10), memo: 'Gift from the sector', lines: [{ account: '1010', debit: '1,000' }, { account: '4090', credit: '1,000' }] }, actor));
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    const rows = page.locator('table').first().locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    const cells = await rows.evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    const entries = must(app.server.call('journal-entry-list', { associationId }, actor));
    const seqOf = (memo: string) => String(entries.find((e) => e.memo.startsWith(memo))!.seq);
    // Opening 0; +1,000 = 1,000; +10,000 (the meeting) = 11,000; −500 (soap) = 10,500.
    expect(cells.map((c) => [c[1], c[3], c[4], c[5]])).toEqual([
      [seqOf('Gift'), '1,000\u00a0Frw', '', '1,000\u00a0Frw'],
      [seqOf('Meeting'), '10,000\u00a0Frw', '', '11,000\u00a0Frw'],
      [seqOf('Soap'), '', '500\u00a0Frw', '10,500\u00a0Frw'],
    ]);
    expect(cells[0]![2]).toBe('Gift from the sector');
    expect(Number(seqOf('Gift'))).toBeGreaterThan(Number(seqOf('Soap')));
  });

  it('says so in words when there is nothing to write to', async () => {
    app.chosenPath = join(dir, 'no-such-folder', 'position.xlsx');
    await page.getByRole('button', { name: 'Excel' }).click();
    await expect.poll(() => page.locator('.export-buttons .form-error').textContent()).toContain('the folder does not exist');
  });
});
