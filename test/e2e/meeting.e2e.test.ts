// End to end: a whole meeting of 25 members typed on the keyboard, closed with a
// cash difference explained, then corrected; the passbook on screen matches the
// numbers worked out by hand below.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppSession } from './harness';
import { SECOND_OFFICER, signedInActor } from '../helpers/ledger';
import { must, openSeededApp, signInTreasurer, type SeededApp } from './seed';

let seeded: SeededApp;
let app: AppSession;
let page: Page;
let associationId: string;

beforeAll(async () => {
  seeded = await openSeededApp();
  ({ app, page } = seeded);
  associationId = seeded.associationId;
  const { actor } = seeded;
  for (let i = 1; i <= 25; i++) {
    app.server.call('member-add', { associationId, fullName: `Member ${String(i).padStart(2, '0')}`, gender: i % 3 ? 'female' : 'male', joinedOn: '2025-01-10' }, actor);
  }
  must(app.server.call('cycle-create', {
    associationId, name: 'Cycle 2026', startsOn: '2026-01-01', endsOn: '2026-12-31',
    rules: { savingMode: 'shares', sharePrice: '500', minShares: 1, maxShares: 5, socialFund: '200', fineLate: '100', fineAbsent: '300' },
  }, actor));
  must(app.server.call('user-create', { associationId, name: SECOND_OFFICER.name, role: SECOND_OFFICER.role, pin: SECOND_OFFICER.pin }, actor));
  await signInTreasurer(page);
});
afterAll(() => seeded?.close());

const cell = (row: number, col: number) => page.locator(`[data-cell="${row}-${col}"]`);

describe('the weekly meeting', () => {
  it('is typed for 25 members on the keyboard alone and closed with a shortage explained', async () => {
    await page.getByRole('link', { name: 'Meetings', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Hold a meeting' }).focus();
    await page.keyboard.press('Enter');
    await cell(0, 1).waitFor();
    await cell(0, 1).focus();
    // Member k (row k-1) buys ((k-1) mod 5) + 1 shares: 1, 2, 3, 4, 5, 1, 2 …
    for (let row = 0; row < 25; row++) {
      await page.keyboard.type(String((row % 5) + 1));
      await page.keyboard.press('Enter');
    }
    // The power goes (the page reloads): what was typed is still there.
    await page.reload();
    await page.getByRole('button', { name: 'Hold a meeting' }).click();
    await expect.poll(() => cell(4, 1).inputValue()).toBe('5');
    expect(await cell(24, 1).inputValue()).toBe('5');
    // Member 04 is absent (typing "a" in the attendance cell picks Absent), member 06 represented.
    await cell(3, 1).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('a');
    await cell(5, 0).focus();
    await page.keyboard.type('r');
    // Member 08 came late: 100 in the late-fine column (two cells to the right of shares).
    await cell(7, 1).focus();
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.type('100');

    // Shares: 5 × (1+2+3+4+5) = 75, less member 04's 4 = 71 → 71 × 500 = 35,500.
    // Social fund: 24 members present or represented × 200 = 4,800. Late fine 100.
    // Money in: 35,500 + 4,800 + 100 = 40,400. The box held nothing before.
    await expect.poll(() => page.getByTestId('sheet-total').textContent()).toBe('40,400\u00a0Frw');
    expect(await page.getByTestId('expected-box').textContent()).toBe('40,400\u00a0Frw');
    // At 1366×768 the whole sheet is in view while typing: all 25 rows (each one line
    // high), the totals under them, and beside them the cash count and its buttons.
    const viewport = page.viewportSize()!;
    expect(viewport).toEqual({ width: 1366, height: 768 });
    const inView = async (selector: string) => {
      const box = (await page.locator(selector).boundingBox())!;
      return box.y >= 0 && box.y + box.height <= viewport.height && box.x >= 0 && box.x + box.width <= viewport.width;
    };
    const rowBoxes = await page.locator('.sheet tbody tr').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().toJSON() as DOMRect));
    expect(rowBoxes).toHaveLength(25);
    for (const box of rowBoxes) {
      expect(box.bottom).toBeLessThanOrEqual(viewport.height);
      expect(box.right).toBeLessThanOrEqual(viewport.width);
      expect(box.height).toBeLessThan(30);
    }
    // Nothing hides under the totals: the grid's frame holds every row without scrolling.
    expect(await page.locator('.sheet-wrap').evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
    for (const selector of ['.sheet tfoot tr', '[data-testid="expected-box"]', 'input[name="cashCount.box"]']) expect(await inView(selector), selector).toBe(true);
    expect(await page.getByRole('button', { name: 'Close the meeting' }).boundingBox().then((b) => b!.y + b!.height <= viewport.height)).toBe(true);
    await page.getByLabel('Counted in the box').focus();
    await page.keyboard.type('40,000');
    await expect.poll(() => page.getByTestId('difference').textContent()).toBe('The box is 400\u00a0Frw short. Say why below.');
    // Closing without a reason is refused, next to the reason field.
    await page.getByRole('button', { name: 'Close the meeting' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.field--invalid .field__error').textContent()).toBe('The cash counted is not what the books expect. Say why before closing.');
    await page.getByLabel('Reason for any difference').focus();
    await page.keyboard.type('Coins miscounted');
    await page.getByRole('button', { name: 'Close the meeting' }).focus();
    await page.keyboard.press('Enter');

    await expect.poll(() => page.getByTestId('meeting-total').textContent()).toBe('40,400\u00a0Frw');
    expect(await page.getByTestId('box-difference').textContent()).toBe('−400\u00a0Frw');
    // Once closed, the draft is gone.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ikimina.meeting-draft')))).toEqual([]);
    expect(await page.getByText('23 present, 1 represented, 1 absent.').count()).toBe(1);

    // The summary prints as the page alone, to be read aloud and signed: every member,
    // the totals, the cash count, who was absent and lines for those who sign.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Correct this meeting' }).isVisible()).toBe(false);
    const file = join(mkdtempSync(join(tmpdir(), 'ikimina-minutes-')), 'minutes.pdf');
    writeFileSync(file, await page.pdf({ format: 'A4' }));
    await page.emulateMedia({ media: 'screen' });
    const printed = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBe(1);
    expect(printed).toContain('Twiyubake');
    for (let i = 1; i <= 25; i++) expect(printed).toContain(`Member ${String(i).padStart(2, '0')}`);
    expect(printed).toMatch(/Totals\s+71\s+35,500\s+Frw\s+4,800\s+Frw\s+100\s+Frw\s+40,400\s+Frw/);
    expect(printed).toContain('Absent: Member 04 (Nº 4)');
    const cashCount = printed.slice(printed.indexOf('Cash count'));
    for (const figure of ['Difference', '40,000 Frw', '−400 Frw', 'Reason given: Coins miscounted']) expect(cashCount).toContain(figure);
    expect(printed).toContain('No loan was given at this meeting.');
    expect(printed).toMatch(/Treasurer\s+President\s+Counted the box\s+Counted the box/);
    for (const frame of ['Switch user', 'Hold a meeting', 'Correct this meeting']) expect(printed).not.toContain(frame);
  });

  it('is corrected by a reversal and a new entry, and shows both', async () => {
    await page.getByRole('button', { name: 'Correct this meeting' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Why is it corrected?').fill('Member 01 bought 2 shares, not 1');
    await cell(0, 1).focus();
    await page.keyboard.type('2');
    // A second officer confirms with her own PIN; a wrong one is refused at her PIN box and changes nothing.
    await page.getByLabel('Who confirms').selectOption({ label: `${SECOND_OFFICER.name} (Chair)` });
    await page.getByLabel('Their PIN').fill('0000');
    await page.getByRole('button', { name: 'Record the correction' }).click();
    await expect.poll(() => page.locator('[name="confirmation-pin"][aria-invalid="true"]').count()).toBe(1);
    expect(await page.getByTestId('meeting-total').count()).toBe(0);
    await page.getByLabel('Their PIN').fill(SECOND_OFFICER.pin);
    await page.getByRole('button', { name: 'Record the correction' }).focus();
    await page.keyboard.press('Enter');
    // 40,400 + one more share of 500 = 40,900.
    await expect.poll(() => page.getByTestId('meeting-total').textContent()).toBe('40,900\u00a0Frw');
    const record = await page.locator('.versions li').allTextContents();
    expect(record).toHaveLength(2);
    expect(record[1]).toMatch(/^Corrected by Mukamana Aline on .*: Member 01 bought 2 shares, not 1$/);
    // The journal holds the original, its reversal and the corrected entry; it balances.
    const actor = signedInActor(app.server, associationId, 'Mukamana Aline', '2580');
    const tb = app.server.call('trial-balance-get', { associationId }, actor);
    expect(tb.ok && tb.value.difference).toBe('0');
    const entries = app.server.call('journal-entry-list', { associationId }, actor);
    expect(entries.ok && entries.value.map((e) => e.kind)).toEqual(['meeting', 'reversal', 'meeting']);
  });

  it('keeps a sheet being typed for the person typing it, and drops it when they switch user', async () => {
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await page.getByRole('link', { name: 'Meetings', exact: true }).click();
    await page.getByRole('button', { name: 'Hold a meeting' }).click();
    await cell(0, 1).waitFor();
    await cell(0, 1).focus();
    await page.keyboard.type('3');
    const drafts = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ikimina.meeting-draft')));
    const treasurer = (await app.server.call('user-sign-in-list', { associationId }, { channel: 'test', locale: 'en' }));
    const userId = treasurer.ok ? treasurer.value.find((u) => u.name === 'Mukamana Aline')!.id : '';
    await expect.poll(drafts).toEqual([`ikimina.meeting-draft.${associationId}.${userId}`]);
    await page.getByRole('button', { name: 'Switch user' }).click();
    await page.getByLabel('PIN or password').waitFor();
    expect(await drafts()).toEqual([]);
    await signInTreasurer(page);
  });

  it('shows passbooks that match', async () => {
    await page.getByRole('link', { name: 'Members', exact: true }).click();
    await page.getByRole('button', { name: 'Passbook of Member 01' }).click();
    await expect.poll(() => page.getByTestId('shares-held').textContent()).toBe('2');
    expect(await page.getByTestId('savings-balance').textContent()).toBe('1,000\u00a0Frw');
    expect(await page.getByTestId('social-fund-total').textContent()).toBe('200\u00a0Frw');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Passbook of Member 05' }).click();
    // Member 05: 5 shares = 2,500.
    await expect.poll(() => page.getByTestId('shares-held').textContent()).toBe('5');
    expect(await page.getByTestId('savings-balance').textContent()).toBe('2,500\u00a0Frw');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Passbook of Member 04' }).click();
    await expect.poll(() => page.getByTestId('shares-held').textContent()).toBe('0');
    expect(await page.getByTestId('savings-balance').textContent()).toBe('0\u00a0Frw');
  });
});
