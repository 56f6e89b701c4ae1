// End to end: the district grant of the fixture. An officer signs in read-only,
// opens the grant-use statement, follows cow C-01 to its calf and finds who holds
// the calf now. Then the treasurer keeps a receipt with a spending, records a
// birth, and is refused an overspending in words, next to the field.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fillDate, openApp, serveRenderer, type AppSession } from './harness';
import { must, seedAssociation, TREASURER } from './seed';
import { buildGrantFixture, type GrantFixture } from '../helpers/grant-fixture';

let web: Awaited<ReturnType<typeof serveRenderer>>;
let app: AppSession;
let page: Page;
let associationId: string;
let fixture: GrantFixture;
let actor: ReturnType<typeof seedAssociation>['actor'];

beforeAll(async () => {
  web = await serveRenderer();
  app = await openApp({ url: web.url });
  page = app.page;
  const seeded = seedAssociation(app);
  associationId = seeded.associationId;
  actor = seeded.actor;
  fixture = buildGrantFixture((name, input) => must(app.server.call(name as never, input as never, seeded.actor)), associationId);
  must(app.server.call('user-create', { associationId, name: 'Officer Jean', role: 'officer', pin: '3916' }, seeded.actor));
  await page.evaluate(() => localStorage.setItem('ikimina.language', 'en'));
  await page.reload();
});
afterAll(async () => {
  await app?.close();
  await web?.close();
});

const heading = () => page.getByRole('heading', { level: 1 }).textContent();
/** Text as read, with no-break spaces (a member's "no. 7" is kept on one line) as plain ones. */
const plain = (text: string | null) => text?.replace(/\u00a0/g, ' ') ?? null;

async function signIn(name: RegExp, pin: string) {
  await page.getByRole('radio', { name }).check();
  await page.getByLabel('PIN or password').fill(pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.topbar').waitFor();
}

describe('where did our grant go, and where are the animals now', () => {
  it('lets an officer read the grant-use statement, and nothing more', async () => {
    await signIn(/Officer Jean/, '3916');
    await page.getByRole('link', { name: 'Grants', exact: true }).click();
    await expect.poll(() => page.getByTestId('unspent-HUYE/AGR/2025/014').textContent()).toMatch(/^165,000\sFrw$/);
    // Received − spent + back from the goat's sale = unspent, on the card itself.
    expect(await page.getByTestId('came-back-HUYE/AGR/2025/014').textContent()).toMatch(/^65,000\sFrw$/);
    expect(await page.getByRole('button', { name: /Record a grant|Record a spending|Return unspent|Attach a receipt/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Grant-use statement of Huye District (HUYE/AGR/2025/014)' }).click();
    await expect.poll(heading).toBe('Grant-use statement');
    const total = (key: string) => page.getByTestId(`grant-${key}`).textContent().then((s) => s?.replace(/\s/gu, ' '));
    expect(await total('received')).toBe('1,200,000 Frw');
    expect(await total('spent')).toBe('1,100,000 Frw');
    expect(await total('backFromSales')).toBe('65,000 Frw');
    expect(await total('unspent')).toBe('165,000 Frw');
    expect(await page.getByTestId('grant-reconciles').textContent()).toBe('Matches the grant’s account 2101 in the journal.');
    expect(await page.getByTestId('grant-herd').textContent()).toBe('Alive: 7 · sold: 1 · dead: 1 · passed on: 1');
    // The tree: the calf sits under its mother, with the member who holds it now.
    const calf = page.getByTestId('animal-C-01').getByTestId('animal-C-01-1');
    expect(plain(await calf.locator('.tree__keeper').first().textContent())).toBe('kept by Uwimana Diane (no. 7)');
    expect(plain(await calf.locator('.tree__keepers').first().textContent())).toMatch(/^Uwase Claudine \(no\. 1\), born .+2025 → Uwimana Diane \(no\. 7\), passed on .+2026$/);
    // Drawn as a tree: the calf is a child of its mother's branch (not a root), joined to it by a line.
    expect(await page.locator('[data-testid="animal-C-01"] > ul.tree > [data-testid="animal-C-01-1"]').count()).toBe(1);
    expect(await page.locator('.tree[aria-label] > [data-testid="animal-C-01-1"]').count()).toBe(0);
    const line = await calf.evaluate((li) => {
      const before = getComputedStyle(li, '::before');
      const after = getComputedStyle(li, '::after');
      return [before.borderLeftStyle, before.borderLeftWidth, after.borderTopStyle, after.borderTopWidth];
    });
    expect(line).toEqual(['solid', '2px', 'solid', '2px']);
  });

  it('follows cow C-01 to its calf and the member who holds it now', async () => {
    await page.getByTestId('animal-C-01').getByRole('button', { name: 'C-01', exact: true }).click();
    await expect.poll(heading).toBe('Animal C-01');
    expect(plain(await page.getByTestId('animal-keeper').textContent())).toBe('Uwase Claudine (no. 1)');
    // Read-only: no way to record anything for the animal.
    expect(await page.getByRole('button', { name: /^Record/ }).count()).toBe(0);
    await page.getByTestId('offspring').getByRole('button', { name: 'C-01-1' }).click();
    await expect.poll(heading).toBe('Animal C-01-1');
    expect(plain(await page.getByTestId('animal-keeper').textContent())).toBe('Uwimana Diane (no. 7)');
    await expect.poll(() => page.locator('tbody tr').allTextContents().then((rows) => rows.map(plain))).toEqual([
      expect.stringMatching(/^.+2025Bornkept by Uwase Claudine \(no\. 1\)/),
      expect.stringMatching(/^.+2026Passed onfrom Uwase Claudine \(no\. 1\) to Uwimana Diane \(no\. 7\) — Girinka: first heifer calf of C-01/),
    ]);
    await page.getByRole('button', { name: 'Back to the grant-use statement' }).click();
    await expect.poll(heading).toBe('Grant-use statement');
  });

  it('shows the herd as it stood on an earlier date', async () => {
    await page.getByRole('link', { name: 'Livestock', exact: true }).click();
    await expect.poll(() => page.getByTestId('herd-goat').textContent()).toBe('3'); // G-01, G-04 and the group's G-05
    await fillDate(page, 'As of', '2025-10-31'); // before G-03 died and G-02 was sold
    await expect.poll(() => page.getByTestId('herd-goat').textContent()).toBe('5');
    expect(await page.getByTestId('herd-cow').textContent()).toBe('5');
  });

  it('lets the treasurer keep a receipt, record a birth, and refuses an overspending in words', async () => {
    await page.getByRole('button', { name: 'Switch user' }).click();
    await signIn(/Mukamana Aline/, TREASURER.pin);
    await page.getByRole('link', { name: 'Grants', exact: true }).click();
    await page.getByRole('heading', { name: 'Spendings on projects' }).waitFor();
    // Where a receipt is missing the cell holds one button, named for its spending: no
    // column of identical "No receipt / Attach" pairs.
    const missing = page.locator('td.receipts--missing');
    const rows = await missing.count();
    expect(rows).toBeGreaterThan(1);
    expect(await missing.getByRole('button').count()).toBe(rows);
    expect(await missing.getByText('No receipt').count()).toBe(0);
    const names = await missing.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
    expect(names.every((n) => n?.startsWith('Attach a receipt to '))).toBe(true);
    expect(names).toContain('Attach a receipt to Vet and feed: Vaccination and deworming (C-01)');
    // A real photo of a receipt: a PNG the browser itself made.
    const png = await page.screenshot({ clip: { x: 0, y: 0, width: 120, height: 80 } });
    await page.getByTestId(`attach-${fixture.vetSpendingId}`).setInputFiles({ name: 'vet-receipt.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'vet-receipt.png' }).click();
    const dialog = page.getByRole('dialog', { name: 'vet-receipt.png' });
    await dialog.getByText('The file still matches its fingerprint').waitFor();
    await expect.poll(() => dialog.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(120);
    await dialog.getByRole('button', { name: 'Close' }).click();
    // Kept: that row now lists the receipt and offers to add another, quietly.
    await page.getByRole('button', { name: 'Add another receipt to Vet and feed: Vaccination and deworming (C-01)' }).waitFor();
    expect(await page.locator('td.receipts--missing').count()).toBe(rows - 1);

    // Goat G-01 gives birth; the kid is kept by the same member.
    await page.getByRole('link', { name: 'Livestock', exact: true }).click();
    await page.getByRole('button', { name: 'G-01', exact: true }).click();
    await expect.poll(heading).toBe('Animal G-01');
    await page.getByRole('radio', { name: 'A birth' }).check();
    await page.getByRole('radio', { name: 'male', exact: true }).check();
    await page.getByRole('button', { name: 'Record the birth' }).click();
    await page.getByTestId('offspring').getByRole('button', { name: 'G-01-1' }).waitFor();
    expect(await page.getByTestId('offspring').textContent()).toContain('kept by Nsengiyumva Paul');

    // A vet bill larger than what is left of the grant: refused next to the amount, nothing recorded.
    await page.getByRole('radio', { name: 'Vet or feed cost' }).check();
    await page.getByLabel('What was paid for (vaccine, feed, treatment …)').fill('Treatment');
    await page.getByRole('textbox', { name: 'Amount', exact: true }).fill('170,000');
    await page.getByLabel('Fund 1').selectOption({ label: 'Grant Huye District (HUYE/AGR/2025/014) — 165,000 Frw unspent' });
    const spendings = () => (app.server.ledger.sqlite.prepare('SELECT count(*) AS n FROM spendings').get() as { n: number }).n;
    const before = spendings();
    await page.getByRole('button', { name: 'Record the cost' }).click();
    await expect.poll(() => page.locator('.funds .field__error').textContent().then((s) => s?.replace(/\s/gu, ' ')))
      .toBe('That is more than is left of the grant Huye District (HUYE/AGR/2025/014): only 165,000 Frw is unspent. Nothing was recorded.');
    expect(spendings()).toBe(before);
    expect(await page.locator('tbody tr').count()).toBe(2); // bought, gave birth … and nothing more
  });

  it('records a new grant and buys a goat with it and the group’s money, through the forms', async () => {
    await page.getByRole('link', { name: 'Grants', exact: true }).click();
    await page.getByRole('button', { name: 'Record a grant' }).click();
    await page.getByRole('textbox', { name: 'Given by' }).fill('Tumba Sector');
    await page.getByRole('textbox', { name: 'Reference (on the grant letter)' }).fill('TS-2026-3');
    await page.getByRole('textbox', { name: 'Amount received' }).fill('40,000');
    await page.getByLabel('Received into').selectOption({ label: 'Cash box' });
    await page.getByRole('button', { name: 'Record the grant' }).click();
    await expect.poll(() => page.getByTestId('unspent-TS-2026-3').textContent().then((x) => x?.replace(/\s/gu, ' '))).toBe('40,000 Frw');

    await page.getByRole('link', { name: 'Livestock', exact: true }).click();
    await page.getByRole('button', { name: 'Buy animals' }).click();
    await page.getByLabel('Kind of animal').selectOption({ label: 'Goat' });
    await page.getByRole('textbox', { name: 'Tag' }).fill('G-10');
    await page.getByLabel('Kept by').selectOption({ label: '3. Mukeshimana Alice' });
    await page.getByRole('textbox', { name: 'Cost' }).fill('55,000');
    await page.getByRole('button', { name: 'Split between funds' }).click();
    await page.getByLabel('Fund 1', { exact: true }).selectOption({ label: 'Grant Tumba Sector (TS-2026-3) — 40,000 Frw unspent' });
    await page.getByLabel('Fund 2', { exact: true }).selectOption({ label: 'The group’s own money' });
    await page.getByLabel('Part paid by fund 1').fill('40,000');
    await page.getByLabel('Part paid by fund 2').fill('15,000');
    await page.getByRole('button', { name: 'Buy the animal' }).click();
    await expect.poll(heading).toBe('Animal G-10');
    expect(plain(await page.getByTestId('animal-keeper').textContent())).toBe('Mukeshimana Alice (no. 3)');
    expect((await page.locator('.facts').textContent())?.replace(/\s/gu, ' ')).toContain('Tumba Sector (TS-2026-3) (40,000 Frw) · The group’s own money (15,000 Frw)');
    await page.getByRole('button', { name: 'Back to the register' }).click();
    await expect.poll(() => page.getByTestId('herd-reconciles').textContent()).toMatch(/matches the livestock account 1200/);
  });

  it('opens the buy form with one funding row, and names a batch on its button', async () => {
    await page.getByRole('button', { name: 'Buy animals' }).click();
    await page.getByRole('textbox', { name: 'Tag' }).waitFor();
    expect(await page.locator('.funds__line').count()).toBe(1);
    // Splitting adds a second fund, not a second copy of the first.
    await page.getByRole('button', { name: 'Split between funds' }).click();
    const funds = await page.locator('.funds__line select').evaluateAll((selects) => selects.map((s) => (s as HTMLSelectElement).value));
    expect(funds).toHaveLength(2);
    expect(new Set(funds).size).toBe(2);
    await page.getByLabel('Kind of animal').selectOption({ label: 'Chickens' });
    await page.getByRole('textbox', { name: 'How many' }).fill('20');
    expect(await page.locator('form button[type=submit]').textContent()).toBe('Buy 20 chickens');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows where every animal is, and tells two members of the same name apart', async () => {
    // A second Uwase Claudine (no. 9, with a phone) is given goat G-04.
    const twin = must(app.server.call('member-add', { associationId, fullName: 'Uwase Claudine', gender: 'female', phone: '0788 123 456', joinedOn: '2025-02-01' }, actor));
    must(app.server.call('livestock-transfer', { associationId, animalId: fixture.animals['G-04']!, date: '2026-02-15', toMemberId: twin.id }, actor));
    await page.getByRole('button', { name: 'Pass-on tree', exact: true }).click();
    await page.getByRole('button', { name: 'The herd', exact: true }).click();
    await expect.poll(() => page.getByTestId('keeper-G-04').textContent().then(plain)).toBe('Uwase Claudine (no. 9)phone 0788 123 456');
    expect(plain(await page.getByTestId('keeper-C-01').textContent())).toBe('Uwase Claudine (no. 1)');
    // Alive by default; the reader chooses another state and sees it in "Where it is".
    expect(await page.getByTestId('where-G-03').count()).toBe(0);
    await page.getByLabel('Show').selectOption({ label: 'Died (1)' });
    await expect.poll(() => page.locator('[data-testid^=where-]').allTextContents()).toEqual(['Dead']);
    expect(plain(await page.getByTestId('keeper-G-03').textContent())).toBe('Ingabire Rose (no. 5)');
    await page.getByLabel('Show').selectOption({ label: 'Passed on (1)' });
    await expect.poll(() => page.locator('[data-testid^=where-]').allTextContents()).toEqual(['Alive · passed on']);
    await page.getByLabel('Show').selectOption({ label: 'Sold (1)' });
    await expect.poll(() => page.locator('[data-testid^=where-]').allTextContents()).toEqual(['Sold']);
    await page.getByLabel('Show').selectOption({ index: 4 });
    await expect.poll(() => page.locator('[data-testid^=where-]').count()).toBe(12);

    // The history says which animal and whose.
    await page.getByRole('link', { name: 'History', exact: true }).click();
    await expect.poll(() => page.locator('tbody tr td:nth-child(3)').allTextContents().then((cells) => cells.map(plain))).toEqual(expect.arrayContaining([
      'Death recorded — goat G-03 (keeper Ingabire Rose, no. 5)',
      'New keeper — goat G-04 to Uwase Claudine (no. 9)',
    ]));
  });
});
