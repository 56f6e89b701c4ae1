// (j) of `npm run bench`: the app's first screens in Chromium, as a treasurer meets
// them — the built renderer served as the app serves it, the real server behind it,
// on an association of 25 members with a year of weekly meetings:
//   - opening the app to the sign-in screen (the page loaded, its bundle parsed, the
//     users listed), against the same Chromium opening an empty page from the same
//     kind of local server: the browser's own floor;
//   - signing in to Home with its to-do list and pictures drawn, against the same floor
//     (the PIN typed once the page is idle, as a person's typing leaves it time to be).
// Each is the median of several fresh loads. The renderer's JavaScript is printed too,
// chunk by chunk: what the first screen has to read before it shows anything.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildRenderer, openApp, RENDERER_DIST, serveRenderer } from '../e2e/harness';
import { KABEZA, signedInActor } from '../helpers/ledger';
import { must } from './setup';
import { dec1, int, median } from './stats';
import type { MeetingMetric } from './meeting';

export interface StartupBenchOptions {
  readonly reps: number;
  readonly meetings: number;
}

const TREASURER = { name: 'Bench Treasurer', pin: '2580' };
const MEMBERS = 25;

/** A tiny page from a local server: what the browser needs to show anything at all. */
async function serveEmptyPage(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end('<!doctype html><html lang="en"><meta charset="utf-8"><title>Ikimina</title><h1>Ikimina</h1></html>');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) };
}

function isoDaysAgo(days: number): string {
  return new Date(Date.now() + 2 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

export async function benchStartup(options: StartupBenchOptions, progress: (line: string) => void): Promise<MeetingMetric[]> {
  buildRenderer();
  const assets = join(RENDERER_DIST, 'assets');
  const scripts = readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => {
    const bytes = readFileSync(join(assets, f));
    return { file: f, kB: statSync(join(assets, f)).size / 1024, gzipKB: gzipSync(bytes).length / 1024 };
  }).sort((a, b) => b.kB - a.kB);
  const web = await serveRenderer();
  const empty = await serveEmptyPage();
  const app = await openApp({ url: web.url });
  try {
    const anonymous = { channel: 'test' as const, locale: 'en' as const };
    const associationId = must(app.server.call('association-create', { ...KABEZA, name: 'Bench Startup', foundedOn: isoDaysAgo(400), treasurer: TREASURER }, anonymous), 'association') as { id: string };
    const actor = signedInActor(app.server, associationId.id, TREASURER.name, TREASURER.pin);
    const a = associationId.id;
    const ids = Array.from({ length: MEMBERS }, (_, i) => (must(app.server.call('member-add', { associationId: a, fullName: `Member ${i + 1}`, gender: i % 2 ? 'male' : 'female', joinedOn: isoDaysAgo(390) }, actor), 'member') as { id: string }).id);
    must(app.server.call('cycle-create', { associationId: a, name: 'Bench cycle', startsOn: isoDaysAgo(7 * options.meetings + 1), endsOn: isoDaysAgo(-30), rules: { savingMode: 'shares', sharePrice: '500', minShares: 1, maxShares: 5, socialFund: '200' } }, actor), 'cycle');
    let box = 0;
    for (let w = options.meetings; w >= 1; w--) {
      box += MEMBERS * (2 * 500 + 200);
      must(app.server.call('meeting-close', {
        associationId: a, date: isoDaysAgo(7 * w), cashCount: { box: String(box) },
        rows: ids.map((memberId) => ({ memberId, attendance: 'present' as const, shares: 2, socialFund: '200' })),
      }, actor), 'meeting');
    }
    progress(`startup: ${MEMBERS} members, ${options.meetings} meetings recorded`);
    const page = app.page;
    await page.evaluate(() => localStorage.setItem('ikimina.language', 'en'));
    const floor: number[] = [];
    const toSignIn: number[] = [];
    const toHome: number[] = [];
    for (let rep = 0; rep < options.reps + 1; rep++) {
      let started = performance.now();
      await page.goto(empty.url);
      await page.locator('h1').waitFor();
      const floorMs = performance.now() - started;
      started = performance.now();
      await page.goto(web.url);
      await page.getByLabel('PIN or password').waitFor();
      const signInMs = performance.now() - started;
      // A person takes a second or more to type a PIN: what the page fetches in the background meanwhile is done.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      await page.getByRole('radio', { name: new RegExp(`^${TREASURER.name} `) }).check();
      await page.getByLabel('PIN or password').fill(TREASURER.pin);
      started = performance.now();
      await page.keyboard.press('Enter');
      // Home is there when its to-do list and its first picture are drawn.
      await page.locator('.todo').waitFor();
      await page.locator('[data-testid="chart-fund"] .recharts-line-curve').first().waitFor();
      const homeMs = performance.now() - started;
      await page.getByRole('button', { name: 'Switch user' }).click();
      await page.getByLabel('PIN or password').waitFor();
      // The first round warms the disk cache and the server's prepared statements: not counted.
      if (rep === 0) continue;
      floor.push(floorMs);
      toSignIn.push(signInMs);
      toHome.push(homeMs);
    }
    const f = median(floor);
    const s = median(toSignIn);
    const h = median(toHome);
    const total = scripts.reduce((sum, x) => sum + x.kB, 0);
    const biggest = scripts[0]!;
    return [
      {
        metric: { name: 'startup_renderer_js', value: total, unit: 'kB', baseline: biggest.kB, ratio: biggest.kB / total },
        readable: `(j) Renderer JavaScript: ${scripts.length} chunk(s), ${int(total)} kB (${int(scripts.reduce((x, c) => x + c.gzipKB, 0))} kB gzipped); the largest ${biggest.file} ${int(biggest.kB)} kB: ${scripts.map((c) => `${c.file} ${int(c.kB)} kB`).join(', ')}`,
      },
      {
        metric: { name: 'startup_to_sign_in', value: s, unit: 'ms', baseline: f, ratio: f / s },
        readable: `(j) Opening the app to the sign-in screen in Chromium: median ${dec1(s)} ms; an empty page from a local server: ${dec1(f)} ms; ratio ${(f / s).toFixed(2)} (${options.reps} loads)`,
      },
      {
        metric: { name: 'startup_sign_in_to_home', value: h, unit: 'ms', baseline: f, ratio: f / h },
        readable: `(j) Signing in to Home (to-do list and pictures drawn, ${MEMBERS} members, ${options.meetings} meetings): median ${dec1(h)} ms; the empty page: ${dec1(f)} ms; ratio ${(f / h).toFixed(2)}`,
      },
    ];
  } finally {
    await app.close();
    await web.close();
    await empty.close();
  }
}
