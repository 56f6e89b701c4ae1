// The end-to-end harness: the real renderer bundle, served on 127.0.0.1, in Debian's
// Chromium driven by playwright-core, with the preload's API provided by this
// process over the real server and a real SQLite file (exposeFunction plays IPC).

import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { createServer, type LedgerServer } from '../../electron/server/server';
import type { Actor } from '../../electron/server/context';
import type { UiLocale } from '../../electron/server/locale/numbers';
import { keepSession } from '../../electron/server/session-keeper';
import { ChosenPaths, NOT_CHOSEN } from '../../electron/main/chosen-paths';
import { rendererHeaders, resolveInside } from '../../electron/main/renderer-files';
import { isAsyncCommand, runAsyncCommand } from '../../electron/server/async-commands';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const RENDERER_DIST = join(ROOT, 'dist/renderer');

/** Developers on other systems point this at their own Chromium. */
export const CHROMIUM = process.env.IKIMINA_CHROMIUM ?? '/usr/bin/chromium';

export function buildRenderer(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * Serves the built renderer (from `dir`: a copy of it, for a long run that another
 * build must not disturb) as the app's protocol does: the same files, a 404 outside
 * the bundle, and exactly the app's headers, Content-Security-Policy included.
 */
export async function serveRenderer(dir: string = RENDERER_DIST): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createHttpServer((req, res) => {
    const file = resolveInside(dir, (req.url ?? '/').split('?')[0]!);
    if (!file || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end('Not found');
      return;
    }
    res.writeHead(200, rendererHeaders(file));
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}/`, close: () => new Promise((ok) => server.close(() => ok())) };
}

export interface AppSession {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly ledgerFile: string;
  server: LedgerServer;
  /** What the next "choose a folder / file" dialog answers (null: cancelled). */
  chosenPath: string | null;
  /** Every call the UI made, for assertions. */
  readonly calls: { name: string; ok: boolean }[];
  /**
   * What the page's Content-Security-Policy blocked (the app's own policy, sent as the
   * app sends it): closing the session fails while any is left, so a screen that the
   * app would break fails its test. A test that provokes one on purpose empties it.
   */
  readonly cspViolations: string[];
  /** Closes the page and server, then opens both again on the same file (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface AppOptions {
  readonly url: string;
  readonly ledgerFile?: string;
  readonly viewport?: { width: number; height: number };
  readonly deviceScaleFactor?: number;
  readonly now?: () => Date;
}

export async function openApp(options: AppOptions): Promise<AppSession> {
  const dir = mkdtempSync(join(tmpdir(), 'ikimina-e2e-'));
  const ledgerFile = options.ledgerFile ?? join(dir, 'ledger.sqlite');
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: options.viewport ?? { width: 1366, height: 768 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    // The laptop's clock is Kigali's, as the server's "today" is: between 22:00 and midnight UTC a
    // browser on UTC would still be on yesterday while the books are on today.
    timezoneId: 'Africa/Kigali',
  });
  let locale: UiLocale = 'rw';
  const calls: { name: string; ok: boolean }[] = [];
  const session: AppSession = {
    context,
    page: undefined as unknown as Page,
    ledgerFile,
    server: createServer(ledgerFile, { ...(options.now ? { now: options.now } : {}), backupDir: join(dir, 'backups') }),
    calls,
    cspViolations: [],
    chosenPath: null,
    async restart() {
      await session.page.close();
      session.server.close();
      session.server = createServer(ledgerFile, { ...(options.now ? { now: options.now } : {}), backupDir: join(dir, 'backups') });
      (session as { page: Page }).page = await newPage();
    },
    async close() {
      await context.close();
      session.server.close();
      rmSync(dir, { recursive: true, force: true });
      if (session.cspViolations.length > 0) throw new Error(`The Content-Security-Policy blocked: ${[...new Set(session.cspViolations)].join('; ')}`);
    },
  };

  // The same object the preload exposes, built from functions this process answers.
  // Like the main process, the harness keeps the session token; the page never sees it.
  let token: string | undefined;
  let screen: string | undefined;
  // As in the main process, a chosen path stays here and the page holds a token.
  const chosen = new ChosenPaths();
  await context.exposeFunction('__ikiminaCall', async (name: string, input: unknown) => {
    const actor: Actor = { channel: 'test', locale, session: token, screen };
    const resolved = chosen.resolve(input);
    if (resolved === null) {
      calls.push({ name, ok: false });
      return NOT_CHOSEN;
    }
    const result = isAsyncCommand(name) ? await runAsyncCommand(session.server, name, resolved, actor) : session.server.call(name as never, resolved, actor);
    const kept = keepSession(name, result, token);
    token = kept.session;
    calls.push({ name, ok: kept.result.ok });
    return kept.result;
  });
  await context.exposeFunction('__ikiminaSetLanguage', (language: UiLocale) => {
    locale = language;
  });
  await context.exposeFunction('__ikiminaSetScreen', (name: string) => {
    screen = name;
  });
  await context.exposeFunction('__ikiminaLedgerFile', () => ledgerFile);
  await context.exposeFunction('__ikiminaCspViolation', (what: string) => void session.cspViolations.push(what));
  await context.addInitScript(`
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__ikiminaCspViolation(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + (e.sourceFile ? ' (' + e.sourceFile + ':' + e.lineNumber + ')' : ''));
    });
  `);
  await context.exposeFunction('__ikiminaChoose', () => (session.chosenPath === null ? null : chosen.remember(session.chosenPath)));
  // A string, not a function: tsx's transform would add helpers the page lacks.
  await context.addInitScript(`
    Object.defineProperty(window, 'ikimina', {
      value: Object.freeze({
        call: (name, input) => window.__ikiminaCall(name, input),
        setLanguage: (language) => window.__ikiminaSetLanguage(language),
        setScreen: (name) => window.__ikiminaSetScreen(name),
        ledgerInfo: async () => ({ file: await window.__ikiminaLedgerFile(), canOpenAnother: false }),
        openAnotherLedger: async () => null,
        chooseBackupFolder: () => window.__ikiminaChoose(),
        chooseBackupFile: () => window.__ikiminaChoose(),
        chooseStatementFile: () => window.__ikiminaChoose(),
        chooseStatementToCheck: () => window.__ikiminaChoose(),
      }),
    });
  `);

  async function newPage(): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (err) => {
      throw new Error(`The page threw: ${err.message}`);
    });
    await page.goto(options.url);
    return page;
  }
  (session as { page: Page }).page = context.pages()[0] ?? (await newPage());
  if (session.page.url() === 'about:blank') {
    session.page.on('pageerror', (err) => {
      throw new Error(`The page threw: ${err.message}`);
    });
    await session.page.goto(options.url);
  }
  return session;
}

/** Fills one of the app's day / month / year date fields, found by its legend. */
export async function fillDate(scope: Page | Locator, legend: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  const group = scope.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').selectOption(String(Number(month)));
  await group.getByLabel('Year').fill(year!);
}
