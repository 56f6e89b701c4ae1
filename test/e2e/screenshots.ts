// `npm run screenshots`: every screen at 1366×768 in Kinyarwanda, English, French,
// Swahili and Kirundi (and some at 200 % zoom), as PNGs in screenshots/ (ignored): the books,
// the laptop administrator's screens, backups and restores, and the warning shown
// when the file was changed behind Ikimina's back.

import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { exportStatement } from '../../electron/server/statements/export';
import { buildRenderer, openApp, RENDERER_DIST, ROOT, serveRenderer } from './harness';
import type { Actor } from '../../electron/server/context';
import { administratorDoor, door, signedInActor } from '../helpers/ledger';
import { buildGrantFixture } from '../helpers/grant-fixture';
import { buildProgrammeFixture } from '../helpers/programme-fixture';

const OUT = join(ROOT, 'screenshots');
const LANGUAGES = ['rw', 'en', 'fr', 'sw', 'rn'] as const;
const SCREENS = ['home', 'members', 'meetings', 'loans', 'livestock', 'grants', 'reports', 'history', 'settings'] as const;

/**
 * Builds the renderer and serves a copy of it: other test runs on this machine
 * rebuild dist/renderer, and a run of a few minutes must not see it vanish.
 */
function builtCopy(): string {
  const copy = mkdtempSync(join(tmpdir(), 'ikimina-renderer-'));
  for (let attempt = 1; ; attempt++) {
    try {
      buildRenderer();
      cpSync(RENDERER_DIST, copy, { recursive: true });
      if (existsSync(join(copy, 'index.html'))) return copy;
      if (attempt >= 5) throw new Error('The renderer could not be built and copied.');
    } catch (err) {
      if (attempt >= 5) throw err;
    }
  }
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const renderer = builtCopy();
  const web = await serveRenderer(renderer);
  const app = await openApp({ url: web.url });
  const page = app.page;
  const anonymous: Actor = { channel: 'test', locale: 'en' };
  const shot = async (name: string) => {
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(OUT, `${name}.png`) });
    console.log(`screenshots/${name}.png`);
  };

  // The wizard, before anything exists.
  await page.getByRole('heading', { level: 1 }).waitFor();
  for (const language of LANGUAGES) {
    await page.getByRole('radio').nth(LANGUAGES.indexOf(language)).check();
    await shot(`${language}-wizard-1-language`);
  }
  await page.getByRole('radio').nth(1).check();
  await page.locator('button[type=submit]').click();
  await shot('en-wizard-2-group');
  await page.locator('input[name=name]').fill('Twiyubake Kabeza');
  await page.locator('input[name=foundedOn-day]').fill('10');
  await page.locator('select[name=foundedOn-month]').selectOption('1');
  await page.locator('input[name=foundedOn-year]').fill('2025');
  // Kirundi, shown last above, suggested Burundi: this group is Rwandan.
  await page.locator('select[name=country]').selectOption('RW');
  await page.locator('button[type=submit]').click();
  await page.locator('select[name=province]').selectOption('Southern Province');
  await page.locator('select[name=district]').selectOption('Huye');
  await page.locator('input[name=sector]').fill('Tumba');
  await page.locator('button[type=submit]').click();
  await page.locator('input[name="treasurer.name"]').fill('Mukamana Aline');
  await page.locator('input[name="treasurer.pin"]').fill('2580');
  await page.locator('input[name=pinAgain]').fill('2580');
  await shot('en-wizard-4-access');
  await page.locator('button[type=submit]').click();
  // The laptop's administrator, in each language (back to the first step to change it; what was typed stays).
  await page.locator('input[name="administrator.name"]').fill('Habimana Eric');
  await page.locator('input[name="administrator.pin"]').fill('8642');
  await page.locator('input[name=administratorPinAgain]').fill('8642');
  for (const language of [...LANGUAGES.filter((l) => l !== 'en'), 'en'] as const) {
    for (let i = 0; i < 4; i++) await page.locator('.actions .button--secondary').click();
    await page.getByRole('radio').nth(LANGUAGES.indexOf(language)).check();
    for (let i = 0; i < 4; i++) await page.locator('button[type=submit]').click();
    await page.locator('input[name="administrator.name"]').waitFor();
    await shot(`${language}-wizard-5-administrator`);
  }
  // Cell and village were left empty: the server sends the wizard back to them.
  await page.locator('button[type=submit]').click();
  await page.locator('input[name=cell][aria-invalid=true]').waitFor();
  await shot('en-wizard-3-place-with-errors');
  await page.locator('input[name=cell]').fill('Cyarwa');
  await page.locator('input[name=village]').fill('Kabeza');
  await page.locator('button[type=submit]').click();
  await page.locator('button[type=submit]').click();
  await page.locator('button[type=submit]').click();
  await page.locator('.recovery-code').waitFor();
  await shot('en-wizard-6-recovery-code');
  await page.locator('.wizard .button').click();
  await page.locator('.topbar').waitFor();

  // A realistic register: 25 members, one who left, some savings in the books.
  const list = app.server.call('association-list', {}, anonymous);
  const association = list.ok ? list.value[0]! : null;
  if (!association) throw new Error('no association');
  const actor = signedInActor(app.server, association.id, 'Mukamana Aline', '2580');
  app.server.call('user-create', { associationId: association.id, name: 'Officer Jean', role: 'officer', pin: '3916' }, actor);
  const names = ['Mukamana Aline', 'Habimana Eric', 'Uwase Claudine', 'Nyiraneza Grace', 'Niyonzima Jean Bosco', 'Uwimana Vestine',
    'Hakizimana Emmanuel', 'Mukeshimana Solange', 'Ndayisaba Pierre', 'Ingabire Alice', 'Nsengimana Théogène', 'Uwamahoro Josiane',
    'Bizimana Innocent', 'Mutoni Diane', 'Nkurunziza Damascène', 'Umutoni Chantal', 'Twagirayezu Félicien', 'Nyirahabimana Odette',
    'Munyaneza Célestin', 'Uwera Béatrice', 'Kayitesi Jeanne', 'Mugisha Olivier', 'Nyiramana Esther', 'Habyarimana Fidèle', 'Iradukunda Sandrine'];
  const ids = names.map((fullName, i) => {
    const r = app.server.call('member-add', {
      associationId: association.id, fullName, gender: /a$|e$|Alice|Esther|Diane/.test(fullName) ? 'female' : 'male',
      role: i === 0 ? 'treasurer' : i === 1 ? 'chair' : i === 2 ? 'secretary' : i === 3 ? 'key_holder' : 'member',
      phone: i % 3 === 0 ? `078${String(8000000 + i * 1371).padStart(7, '0')}` : undefined, joinedOn: '2025-01-10',
    }, actor);
    if (!r.ok) throw new Error(r.error.message);
    return r.value.id;
  });
  const must = <T,>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  must(app.server.call('cycle-create', {
    associationId: association.id, name: 'Cycle 2025-2026', startsOn: '2025-01-15', endsOn: '2026-12-31',
    rules: { savingMode: 'shares', sharePrice: '500', minShares: 1, maxShares: 5, socialFund: '200', fineLate: '100', fineAbsent: '300' },
  }, actor));
  // One meeting already held: a few absent, one late, the box 200 short.
  const rows = ids.map((memberId, i) => ({
    memberId, attendance: i === 4 ? 'absent' : i === 9 ? 'represented' : 'present',
    shares: i === 4 ? 0 : (i % 5) + 1, socialFund: i === 4 ? '' : '200', ...(i === 12 ? { fineLate: '100' } : {}),
  }));
  const moneyIn = rows.reduce((sum, r) => sum + r.shares * 500 + (r.socialFund ? 200 : 0) + (r.fineLate ? 100 : 0), 0);
  must(app.server.call('meeting-close', {
    associationId: association.id, date: '2025-02-14', rows,
    cashCount: { box: String(moneyIn - 200), bank: '0', reason: 'A 200 coin was lost' },
  }, actor));
  must(app.server.call('member-exit', { associationId: association.id, memberId: ids[6]!, exitedOn: '2025-06-30', reason: 'Moved' }, actor));
  // Two loans: one repaid on time, one late.
  for (const [i, principal] of [[4 - 1, '6,000'], [10 - 1, '7,500']] as const) {
    const loan = must(app.server.call('loan-apply', { associationId: association.id, memberId: ids[i]!, principal, instalments: 3, date: '2025-03-01', purpose: 'Seeds' }, actor));
    must(app.server.call('loan-approve', { associationId: association.id, loanId: loan.id, date: '2025-03-01' }, actor));
    must(app.server.call('loan-disburse', { associationId: association.id, loanId: loan.id, date: '2025-03-01' }, actor));
    if (i === 3) must(app.server.call('loan-repay', { associationId: association.id, loanId: loan.id, date: '2025-04-01', amount: '2,300' }, actor));
  }

  // The district grant: cows and goats, a calf passed on, a goat sold, one dead.
  const grantBook = buildGrantFixture((name, input) => must(app.server.call(name as never, input as never, actor)), association.id);
  must(app.server.call('livestock-queue-add', { associationId: association.id, memberId: grantBook.m.ingabire, date: '2026-02-11' }, actor));
  const chickens = must(app.server.call('livestock-buy', {
    associationId: association.id, date: '2026-02-20', tag: 'K-01', species: 'chicken', sex: 'mixed', headCount: 50, keeperId: grantBook.m.ingabire, cost: '150,000',
  }, actor));
  must(app.server.call('livestock-death', { associationId: association.id, animalId: chickens.id, date: '2026-02-21', cause: 'Newcastle disease', headCount: 5 }, actor));
  must(app.server.call('livestock-queue-add', { associationId: association.id, memberId: grantBook.m.kalisa, date: '2026-02-12', note: 'Asked at the meeting' }, actor));
  const full = async (name: string) => {
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
    console.log(`screenshots/${name}.png`);
  };

  for (const language of LANGUAGES) {
    await page.locator('.language-switch select').selectOption(language);
    for (const screen of SCREENS) {
      await page.evaluate((s) => (window.location.hash = `#/${s}`), screen);
      await shot(`${language}-${screen}`);
    }
    await full(`${language}-settings-full`);
    await page.evaluate(() => (window.location.hash = '#/members'));
    await page.locator('.section-head .button').first().click();
    await page.locator('dialog input[name=fullName]').fill('X');
    await page.locator('dialog button[type=submit]').click();
    await shot(`${language}-members-add-with-errors`);
    await page.keyboard.press('Escape');
    await page.locator('tbody .row-actions .button').first().click();
    await page.locator('[data-testid=shares-held]').waitFor();
    await shot(`${language}-passbook`);
    await page.keyboard.press('Escape');
    await page.evaluate(() => (window.location.hash = '#/meetings'));
    await page.locator('tbody .row-actions .button').first().click();
    await page.locator('[data-testid=meeting-total]').waitFor();
    await shot(`${language}-meeting-summary`);
    await page.locator('.actions .button').first().click();
    await page.locator('.section-head .button').first().click();
    await page.locator('[data-cell="0-1"]').waitFor();
    await page.locator('[data-cell="3-1"]').focus();
    await shot(`${language}-meeting-sheet`);
    await page.locator('.actions .button--secondary').nth(1).click(); // start again: drop the draft
    await page.locator('[data-testid=open-share-out]').click();
    await page.locator('[data-testid=share-out-pool]').waitFor();
    await full(`${language}-share-out`);
    await page.locator('.actions.no-print .button').first().click(); // back to the meetings
    await page.evaluate(() => (window.location.hash = '#/loans'));
    await page.locator('.loans-table tbody .link').first().waitFor();
    await shot(`${language}-loans`);
    await page.locator('.loans-table tbody .link').first().click();
    await page.locator('[data-testid=loan-outstanding]').waitFor();
    await shot(`${language}-loan-statement`);
    await page.emulateMedia({ media: 'print' });
    await shot(`${language}-loan-statement-print`);
    await page.emulateMedia({ media: 'screen' });
    await page.locator('.actions.no-print .button').first().click(); // back to the list
    await page.locator('.section-head__actions > .button').click(); // New loan (the exports sit beside it)
    await page.locator('select[name=memberId]').selectOption({ index: 2 });
    await page.locator('input[name=principal]').fill('1,000');
    await page.locator('[data-testid=schedule-preview]').waitFor();
    await shot(`${language}-loan-application`);
    await page.locator('.actions .button--secondary').first().click();

    // Grants and livestock.
    await page.evaluate(() => (window.location.hash = '#/grants'));
    await page.locator('.grant-card .button').first().waitFor();
    await full(`${language}-grants-full`);
    await page.locator('.grant-card .button').first().click();
    await page.locator('[data-testid=grant-reconciles]').waitFor();
    await full(`${language}-grant-statement`);
    await page.emulateMedia({ media: 'print' });
    await full(`${language}-grant-statement-print`);
    await page.emulateMedia({ media: 'screen' });
    await page.locator('[data-testid="animal-C-01"] .tree__tag').first().click();
    await page.locator('[data-testid=animal-keeper]').waitFor();
    await full(`${language}-animal`);
    await page.evaluate(() => (window.location.hash = '#/livestock'));
    await page.locator('.tabs .tab').nth(1).click();
    await page.locator('.tree').first().waitFor();
    await full(`${language}-livestock-tree`);
    await page.locator('.tabs .tab').nth(2).click();
    await page.locator('select[name=memberId]').waitFor();
    await full(`${language}-livestock-queue`);
    await page.locator('.tabs .tab').first().click();
    await page.locator('.section-head .button').first().click();
    await page.locator('input[name=tag]').waitFor();
    // As it opens (one fund), then a batch of chickens paid from two funds.
    await full(`${language}-livestock-buy`);
    await page.locator('select[name=species]').selectOption('chicken');
    await page.locator('input[name=headCount]').fill('20');
    await page.locator('.funds .button').click();
    await full(`${language}-livestock-buy-batch`);
    await page.locator('.actions .button--secondary').first().click();
  }

  // Signing in, locked, and as an officer.
  await page.locator('.language-switch select').selectOption('rw');
  await page.locator('.topbar .button').nth(1).click();
  await page.locator('input[name=pin]').waitFor();
  await shot('rw-sign-in');
  await page.locator('input[type=radio]').nth(1).check();
  await page.locator('input[name=pin]').fill('3916');
  await page.locator('button[type=submit]').click();
  await page.locator('.topbar').waitFor();
  await page.evaluate(() => (window.location.hash = '#/members'));
  await shot('rw-members-as-officer');
  await page.locator('.topbar .button').first().click();
  await page.locator('input[name=pin]').waitFor();
  await shot('rw-locked');
  await page.locator('input[name=pin]').fill('3916');
  await page.locator('button[type=submit]').click();
  await page.locator('.topbar').waitFor();

  // Statements as they print: the first page of a few PDFs in each language.
  for (const language of LANGUAGES) {
    const reader: Actor = { ...actor, locale: language };
    for (const request of [
      { kind: 'financial-position' as const, asOf: '2026-03-01' },
      { kind: 'grant-use' as const, grantId: grantBook.grantId, asOf: '2026-03-01' },
      { kind: 'loan-portfolio' as const, asOf: '2026-03-01' },
    ]) {
      const pdf = join(tmpdir(), `ikimina-${language}-${request.kind}.pdf`);
      rmSync(pdf, { force: true });
      const out = await exportStatement(app.server, reader, { associationId: association.id, ...request, format: 'pdf', file: pdf });
      if (!out.ok) throw new Error(out.error.message);
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUT, `${language}-pdf-${request.kind}`)]);
      rmSync(pdf, { force: true });
      console.log(`screenshots/${language}-pdf-${request.kind}.png`);
    }
  }

  // 200 % zoom is a 683×384 viewport drawn at twice the pixels.
  const zoomed = await openApp({ url: web.url, ledgerFile: app.ledgerFile, viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 });
  await zoomed.page.evaluate(() => {
    localStorage.setItem('ikimina.language', 'en');
    window.location.hash = '#/members';
  });
  await zoomed.page.reload();
  await zoomed.page.locator('input[name=pin]').waitFor();
  await zoomed.page.screenshot({ path: join(OUT, 'en-sign-in-zoom-200.png') });
  await zoomed.page.locator('input[type=radio]').first().check();
  await zoomed.page.locator('input[name=pin]').fill('2580');
  await zoomed.page.locator('button[type=submit]').click();
  await zoomed.page.locator('.topbar').waitFor();
  await zoomed.page.evaluate(() => (window.location.hash = '#/members'));
  await zoomed.page.waitForTimeout(200);
  await zoomed.page.screenshot({ path: join(OUT, 'en-members-zoom-200.png') });
  await zoomed.page.screenshot({ path: join(OUT, 'en-members-zoom-200-full.png'), fullPage: true });
  console.log('screenshots/en-members-zoom-200.png');
  await zoomed.page.evaluate(() => (window.location.hash = '#/grants'));
  await zoomed.page.locator('.grant-card .button').first().click();
  await zoomed.page.locator('[data-testid=grant-reconciles]').waitFor();
  await zoomed.page.screenshot({ path: join(OUT, 'en-grant-statement-zoom-200-full.png'), fullPage: true });
  await zoomed.page.evaluate(() => (window.location.hash = '#/livestock'));
  await zoomed.page.locator('[data-testid=herd-reconciles]').waitFor();
  await zoomed.page.screenshot({ path: join(OUT, 'en-livestock-zoom-200-full.png'), fullPage: true });
  await zoomed.close();

  await associationBackups();
  await administrator();
  await healthWarning();
  await nameAdministrator();
  await programme();
  await practiceGroups();
  await app.close();
  await web.close();
  rmSync(renderer, { recursive: true, force: true });


  /** The practice group in each language: Home with its guided first meeting, and the sheet with its hint. */
  async function practiceGroups() {
    for (const language of LANGUAGES) {
      const practice = await openApp({ url: web.url });
      const made = practice.server.call('practice-create', { language, treasurer: { name: 'Nyiramana Odette', pin: '4826' } }, anonymous);
      if (!made.ok) throw new Error(made.error.message);
      await practice.page.evaluate((l) => localStorage.setItem('ikimina.language', l), language);
      await practice.page.reload();
      await practice.page.locator('input[name="pin"]').fill('4826');
      await practice.page.locator('form button[type="submit"]').click();
      await practice.page.locator('.practice-guide li').first().waitFor();
      await practice.page.waitForTimeout(150);
      await practice.page.screenshot({ path: join(OUT, `${language}-practice-home.png`) });
      await practice.page.evaluate(() => (window.location.hash = '#/meetings/new'));
      await practice.page.locator('.practice-hint').waitFor();
      await practice.page.waitForTimeout(150);
      await practice.page.screenshot({ path: join(OUT, `${language}-practice-sheet.png`) });
      console.log(`screenshots/${language}-practice-home.png, -practice-sheet.png`);
      await practice.close();
    }
  }

  /** A coordinator's laptop: the programme's indicators and imports after importing this group's books, two groups of the programme's tests and a file that is not books, and a group opened read-only. */
  async function programme() {
    const usb = mkdtempSync(join(tmpdir(), 'ikimina-usb-'));
    const treasurer = signedInActor(app.server, association!.id, 'Mukamana Aline', '2580');
    must(app.server.call('exchange-export', { associationId: association!.id, folder: usb }, treasurer));
    const others = await buildProgrammeFixture(join(usb, 'district'));
    // Its group A has this group's name and place: only B and C go on the stick, so the group opened below is this one.
    rmSync(others.files[0]!);
    writeFileSync(join(usb, 'photo.ikimina'), Buffer.alloc(4096, 7));
    const laptop = await openApp({ url: web.url });
    must(laptop.server.call('laptop-setup-coordinator', {
      administrator: { name: 'Gasana Pierre', pin: '6284' }, coordinator: { name: 'Nkurunziza Josiane', pin: '7391' },
    }, anonymous));
    const signIn = async () => {
      await laptop.page.locator('.sign-in__other .link').click();
      await laptop.page.locator('input[name=pin]').fill('7391');
      await laptop.page.locator('button[type=submit]').click();
      await laptop.page.locator('.programme').waitFor();
    };
    await laptop.page.reload();
    await signIn();
    await laptop.page.locator('.programme .tabs .tab').nth(1).click();
    laptop.chosenPath = usb;
    await laptop.page.locator('.programme .actions .button').first().click();
    await laptop.page.locator('[data-testid=import-counts]').waitFor();
    for (const language of LANGUAGES) {
      await laptop.page.evaluate((l) => localStorage.setItem('ikimina.language', l), language);
      await laptop.page.reload();
      await signIn();
      await laptop.page.locator('.programme__cards').waitFor();
      await laptop.page.locator('.recharts-line').first().waitFor();
      await laptop.page.screenshot({ path: join(OUT, `${language}-programme.png`), fullPage: true });
      console.log(`screenshots/${language}-programme.png`);
      await laptop.page.locator('.programme .tabs .tab').nth(1).click();
      await laptop.page.locator('[data-testid=import-counts]').waitFor();
      await laptop.page.screenshot({ path: join(OUT, `${language}-programme-imports.png`), fullPage: true });
      console.log(`screenshots/${language}-programme-imports.png`);
    }
    await laptop.page.locator('.programme tbody .link', { hasText: association!.name }).first().click();
    await laptop.page.locator('.topbar').waitFor();
    await laptop.page.evaluate(() => (window.location.hash = '#/grants'));
    await laptop.page.locator('.grant-card .button').first().click();
    await laptop.page.locator('[data-testid=grant-reconciles]').waitFor();
    await laptop.page.screenshot({ path: join(OUT, 'fr-programme-group-grant.png') });
    console.log('screenshots/fr-programme-group-grant.png');
    await laptop.close();
    others.cleanup();
    rmSync(usb, { recursive: true, force: true });
  }

  /** The treasurer's backups of this association, and the dialog before restoring one. */
  async function associationBackups() {
    await page.locator('.topbar .button').nth(1).click(); // switch user
    await page.locator('label', { hasText: 'Mukamana Aline' }).locator('input').check();
    await page.locator('input[name=pin]').fill('2580');
    await page.locator('button[type=submit]').click();
    await page.locator('.topbar').waitFor();
    await page.evaluate(() => (window.location.hash = '#/settings/backups'));
    await page.locator('#backups ~ .actions .button').first().click();
    await page.locator('#backups ~ .notice').waitFor();
    for (const language of LANGUAGES) {
      await page.locator('.language-switch select').selectOption(language);
      await page.evaluate(() => (window.location.hash = '#/settings'));
      await page.evaluate(() => (window.location.hash = '#/settings/backups'));
      await shot(`${language}-backups`);
      await page.locator('#backups ~ .table-wrap .row-actions .button').first().click();
      await page.locator('dialog .backup-holds').waitFor();
      await shot(`${language}-backup-restore-dialog`);
      // Restoring the backup just made changes nothing but shows what the sign-in screen says after it.
      await page.locator('dialog input[type=checkbox]').check();
      await page.locator('dialog .button--danger').click();
      await page.locator('.wizard [role=status]').waitFor();
      await shot(`${language}-sign-in-after-restore`);
      await page.locator('label', { hasText: 'Mukamana Aline' }).locator('input').check();
      await page.locator('input[name=pin]').fill('2580');
      await page.locator('button[type=submit]').click();
      await page.locator('.topbar').waitFor();
    }
  }

  /** The laptop administrator: signing in, their screen, a whole-file restore's dialog, adding an association. */
  async function administrator() {
    app.server.autoBackup(0); // an automatic backup to list
    await page.locator('.topbar .button').nth(1).click(); // switch user
    for (const language of LANGUAGES) {
      await page.evaluate((l) => localStorage.setItem('ikimina.language', l), language);
      await page.reload();
      await page.locator('.quiet-door .link').click();
      await page.locator('input[name=pin]').waitFor();
      await shot(`${language}-administrator-sign-in`);
    }
    await page.locator('input[name=pin]').fill('8642');
    await page.locator('button[type=submit]').click();
    await page.locator('#whole-file-backups').waitFor();
    await page.locator('#whole-file-backups ~ .actions .button').first().click();
    await page.locator('#whole-file-backups ~ .notice').waitFor();
    await page.locator('#file-check-title ~ .actions .button').click();
    await page.locator('#file-check-title ~ [role=status]').waitFor();
    for (const language of LANGUAGES) {
      await page.locator('.language-switch select').selectOption(language);
      await full(`${language}-administrator`);
      await page.locator('#whole-file-backups ~ .table-wrap .row-actions .button').first().click();
      await page.locator('dialog .backup-holds').waitFor();
      await shot(`${language}-administrator-restore-dialog`);
      // The automatic backup was made a moment ago: restoring it shows the sign-in screen after a whole-file restore.
      await page.locator('dialog input[type=checkbox]').check();
      await page.locator('dialog .button--danger').click();
      await page.locator('.wizard [role=status] .file-path').waitFor();
      await shot(`${language}-sign-in-after-whole-restore`);
      await page.locator('.quiet-door .link').click();
      await page.locator('input[name=pin]').fill('8642');
      await page.locator('button[type=submit]').click();
      await page.locator('#whole-file-backups').waitFor();
      await page.locator('#associations-title ~ .actions .button').click();
      await page.getByRole('radio').nth(LANGUAGES.indexOf(language)).check();
      for (let i = 0; i < 3; i++) await page.locator('button[type=submit]').click();
      await page.locator('input[name="treasurer.name"]').waitFor();
      await shot(`${language}-administrator-add-association`);
      for (let i = 0; i < 4; i++) await page.locator('.actions .button--secondary').click(); // back, then cancel
      await page.locator('#whole-file-backups').waitFor();
    }
    // At 200 % zoom.
    const zoomedAdmin = await openApp({ url: web.url, ledgerFile: app.ledgerFile, viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 });
    zoomedAdmin.server.autoBackup(0);
    await zoomedAdmin.page.evaluate(() => localStorage.setItem('ikimina.language', 'en'));
    await zoomedAdmin.page.reload();
    await zoomedAdmin.page.locator('.quiet-door .link').click();
    await zoomedAdmin.page.locator('input[name=pin]').fill('8642');
    await zoomedAdmin.page.locator('button[type=submit]').click();
    await zoomedAdmin.page.locator('#whole-file-backups').waitFor();
    await zoomedAdmin.page.waitForTimeout(200);
    await zoomedAdmin.page.screenshot({ path: join(OUT, 'en-administrator-zoom-200.png') });
    await zoomedAdmin.page.screenshot({ path: join(OUT, 'en-administrator-zoom-200-full.png'), fullPage: true });
    await zoomedAdmin.page.locator('#whole-file-backups ~ .table-wrap .row-actions .button').first().click();
    await zoomedAdmin.page.locator('dialog .backup-holds').waitFor();
    await zoomedAdmin.page.waitForTimeout(200);
    await zoomedAdmin.page.screenshot({ path: join(OUT, 'en-administrator-restore-dialog-zoom-200.png') });
    console.log('screenshots/en-administrator-zoom-200*.png');
    await zoomedAdmin.close();
    await page.locator('.topbar .button').first().click(); // sign out
    await page.locator('input[name=pin]').waitFor();
  }

  /** The warning when the books were changed behind Ikimina's back and an automatic backup failed. */
  async function healthWarning() {
    await page.goto('about:blank');
    app.server.close();
    const db = new Database(app.ledgerFile);
    db.exec("UPDATE accounts SET name = 'Savings (moved)' WHERE code = '2010'");
    db.close();
    // The backups folder has become a file: the next automatic backup fails.
    const backups = join(dirname(app.ledgerFile), 'backups');
    renameSync(backups, `${backups}-moved`);
    writeFileSync(backups, '');
    await app.restart();
    app.server.autoBackup(0);
    const page2 = app.page;
    await page2.evaluate(() => localStorage.setItem('ikimina.language', 'en'));
    await page2.reload();
    await page2.locator('label', { hasText: 'Mukamana Aline' }).locator('input').check();
    await page2.locator('input[name=pin]').fill('2580');
    await page2.locator('button[type=submit]').click();
    await page2.locator('.health-alert').first().waitFor();
    for (const language of LANGUAGES) {
      await page2.locator('.language-switch select').selectOption(language);
      await page2.evaluate(() => (window.location.hash = '#/home'));
      await page2.waitForTimeout(150);
      await page2.screenshot({ path: join(OUT, `${language}-health-warning.png`) });
      await page2.screenshot({ path: join(OUT, `${language}-health-warning-full.png`), fullPage: true });
      await page2.locator('.health-alert .actions .button:not(.button--secondary)').first().click();
      await page2.locator('dialog textarea[name=note]').waitFor();
      await page2.locator('dialog button[type=submit]').click();
      await page2.locator('dialog .field__error').waitFor();
      await page2.waitForTimeout(150);
      await page2.screenshot({ path: join(OUT, `${language}-health-acknowledge.png`) });
      await page2.keyboard.press('Escape');
      await page2.evaluate(() => (window.location.hash = '#/history'));
      await page2.waitForTimeout(300);
      await page2.screenshot({ path: join(OUT, `${language}-history-with-check.png`), fullPage: true });
      console.log(`screenshots/${language}-health-*.png`);
    }
    const zoomedHealth = await openApp({ url: web.url, ledgerFile: app.ledgerFile, viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 });
    await zoomedHealth.page.evaluate(() => localStorage.setItem('ikimina.language', 'en'));
    await zoomedHealth.page.reload();
    await zoomedHealth.page.locator('label', { hasText: 'Mukamana Aline' }).locator('input').check();
    await zoomedHealth.page.locator('input[name=pin]').fill('2580');
    await zoomedHealth.page.locator('button[type=submit]').click();
    await zoomedHealth.page.locator('.health-alert').first().waitFor();
    await zoomedHealth.page.waitForTimeout(200);
    await zoomedHealth.page.screenshot({ path: join(OUT, 'en-health-warning-zoom-200.png') });
    await zoomedHealth.page.screenshot({ path: join(OUT, 'en-health-warning-zoom-200-full.png'), fullPage: true });
    console.log('screenshots/en-health-warning-zoom-200.png');
    await zoomedHealth.close();
  }

  /** Books from before there was an administrator: the treasurer names one in Settings. */
  async function nameAdministrator() {
    const older = await openApp({ url: web.url });
    const created = older.server.call('association-create', {
      name: 'Twiyubake', province: 'Southern Province', district: 'Huye', sector: 'Tumba', cell: 'Cyarwa', village: 'Kabeza',
      currency: 'RWF', language: 'rw', foundedOn: '2025-01-10', treasurer: { name: 'Mukamana Aline', pin: '2580' },
    }, anonymous);
    if (!created.ok) throw new Error(created.error.message);
    await older.page.reload();
    await older.page.locator('input[name=pin]').fill('2580');
    await older.page.locator('button[type=submit]').click();
    await older.page.locator('.topbar').waitFor();
    for (const language of LANGUAGES) {
      await older.page.locator('.language-switch select').selectOption(language);
      await older.page.evaluate(() => (window.location.hash = '#/settings'));
      await older.page.locator('input[name=administrator-name]').scrollIntoViewIfNeeded();
      await older.page.waitForTimeout(150);
      await older.page.screenshot({ path: join(OUT, `${language}-settings-name-administrator.png`) });
    }
    // The sign-in screen when no administrator has been named.
    await older.page.locator('.topbar .button').nth(1).click();
    await older.page.locator('.quiet-door .link').click();
    await older.page.locator('.wizard .notice').waitFor();
    await older.page.screenshot({ path: join(OUT, 'fr-administrator-none-yet.png') });
    console.log('screenshots/*-settings-name-administrator.png');
    // A second association, added by the administrator the treasurer names: the chooser.
    const aline = door(() => older.server, signedInActor(older.server, created.value.id, 'Mukamana Aline', '2580').session);
    administratorDoor(() => older.server, aline).ok('association-create', {
      name: 'Abakundakurima', province: 'Southern Province', district: 'Huye', sector: 'Tumba', cell: 'Cyarwa', village: 'Rango',
      currency: 'RWF', language: 'rw', foundedOn: '2025-03-01', treasurer: { name: 'Kamanzi Paul', pin: '7391' },
    });
    for (const language of LANGUAGES) {
      await older.page.evaluate((l) => localStorage.setItem('ikimina.language', l), language);
      await older.page.reload();
      await older.page.locator('.actions .button--secondary').click(); // switch association
      await older.page.locator('.choose-list').waitFor();
      await older.page.screenshot({ path: join(OUT, `${language}-choose-association.png`) });
    }
    await older.close();
  }

}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
