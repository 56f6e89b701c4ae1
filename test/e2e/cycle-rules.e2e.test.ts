// End to end: the treasurer changes the cycle's rules from a date on screen. The
// form starts from the rules in force; rules it does not show are kept; a date
// before the last meeting is refused next to the date; meetings held keep theirs.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fillDate, openApp, serveRenderer, type AppSession } from './harness';
import { cat, must, seedAssociation, signInTreasurer } from './seed';
import type { Actor } from '../../electron/server/context';

let web: Awaited<ReturnType<typeof serveRenderer>>;
let app: AppSession;
let page: Page;
let associationId: string;
let actor: Actor;

/** Today as the server sees it (Central Africa Time), shifted by days. */

beforeAll(async () => {
  web = await serveRenderer();
  app = await openApp({ url: web.url });
  page = app.page;
  ({ associationId, actor } = seedAssociation(app));
  const member = must(app.server.call('member-add', { associationId, fullName: 'Uwase Claudine', gender: 'female', joinedOn: '2025-01-10' }, actor));
  const year = Number(cat().slice(0, 4));
  must(app.server.call('cycle-create', {
    associationId, name: 'Cycle', startsOn: `${year - 1}-02-01`, endsOn: `${year + 1}-12-31`,
    rules: { savingMode: 'shares', sharePrice: '500', socialFund: '200', meetingFrequency: 'monthly', loanAllowSeveral: true },
  }, actor));
  must(app.server.call('meeting-close', {
    associationId, date: cat(-10), rows: [{ memberId: member.id, attendance: 'present', shares: 2, socialFund: '200' }], cashCount: { box: '1,200', bank: '0' },
  }, actor));
  await signInTreasurer(page);
});
afterAll(async () => {
  await app?.close();
  await web?.close();
});

describe('changing the rules of a running cycle', () => {
  it('starts from the rules in force, refuses a date before the last meeting, and keeps what it does not show', async () => {
    await page.getByRole('link', { name: 'Meetings', exact: true }).click();
    await page.getByRole('button', { name: 'Change the rules from a date' }).click();
    const price = page.getByRole('textbox', { name: 'Price of one share' });
    expect(await price.inputValue()).toBe('500');
    expect(await page.getByRole('textbox', { name: 'Social fund at each meeting' }).inputValue()).toBe('200');
    await price.fill('1,000');
    await fillDate(page, 'The new rules apply from', cat(-20));
    await page.getByRole('button', { name: 'Save the new rules' }).click();
    await expect.poll(() => page.locator('.field--invalid .field__error').first().textContent()).toBe(`Meetings were already held up to ${cat(-10)} under the old rules. New rules can start only after that.`);
    await fillDate(page, 'The new rules apply from', cat());
    await page.getByRole('button', { name: 'Save the new rules' }).click();
    await page.getByTestId('rule-versions').waitFor();

    const [cycle] = must(app.server.call('cycle-list', { associationId }, actor));
    expect(cycle!.rules.map((v) => [v.effectiveFrom, v.rules.sharePrice])).toEqual([[cycle!.startsOn, '500'], [cat(), '1000']]);
    expect(cycle!.rules[1]!.rules).toMatchObject({ meetingFrequency: 'monthly', socialFund: '200', loans: { allowSeveral: true } });
  });
});
