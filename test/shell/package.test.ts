// The packed app, as `npm run dist` packs it (issue 18). Electron's binary cannot be
// downloaded here, so electron-builder packs with its `--dir` target against a
// stand-in Electron distribution (a folder with an `electron` program in it), and the
// Electron build of the database driver is stood in for by the Node one. What is
// checked is ours: the archive holds the main, preload and worker bundles, the
// renderer and the migrations; the native drivers sit outside the archive; and
// nothing of our sources, tests, source maps or development packages is shipped.

import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/harness';

const STAND_IN_VERSION = '45.5.0';
const work = mkdtempSync(join(tmpdir(), 'ikimina-package-'));
const out = join(work, 'release');
const unpacked = join(out, 'linux-unpacked');
const nativeDir = join(ROOT, '.electron-native', STAND_IN_VERSION);
let archive: string[] = [];

function sizeOf(path: string): number {
  const s = statSync(path);
  return s.isDirectory() ? readdirSync(path).reduce((sum, f) => sum + sizeOf(join(path, f)), 0) : s.size;
}

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'build/build-app.mjs')], { cwd: ROOT, stdio: 'ignore' });
  // The stand-in Electron: a program that only says what it is, and Electron's licence files.
  const dist = join(work, 'electron-dist');
  mkdirSync(join(dist, 'resources'), { recursive: true });
  writeFileSync(join(dist, 'electron'), '#!/bin/sh\necho "stand-in for Electron"\n');
  chmodSync(join(dist, 'electron'), 0o755);
  for (const f of ['LICENSE', 'LICENSES.chromium.html']) writeFileSync(join(dist, f), '');
  writeFileSync(join(dist, 'version'), STAND_IN_VERSION);
  // The Electron build of the driver would be here after `npm start`; the Node build stands in.
  const madeNative = !existsSync(join(nativeDir, 'better_sqlite3.node'));
  if (madeNative) {
    mkdirSync(nativeDir, { recursive: true });
    copyFileSync(join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), join(nativeDir, 'better_sqlite3.node'));
  }
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-builder/cli.js'), '--dir', '--linux', '--x64', '--config', 'build/electron-builder.json',
      `-c.electronDist=${dist}`, `-c.electronVersion=${STAND_IN_VERSION}`, `-c.directories.output=${out}`], {
      cwd: ROOT, stdio: 'ignore', env: { ...process.env, IKIMINA_ELECTRON_VERSION: STAND_IN_VERSION, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
    });
  } finally {
    if (madeNative) rmSync(nativeDir, { recursive: true, force: true });
  }
  archive = listPackage(join(unpacked, 'resources/app.asar'), { isPack: false });
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed app', () => {
  it('holds the main, preload and worker bundles, the renderer and every migration', () => {
    for (const bundle of ['main.cjs', 'preload.cjs', 'ledger-worker.cjs']) expect(archive, bundle).toContain(`/dist-electron/${bundle}`);
    expect(archive).toContain('/dist/renderer/index.html');
    const scripts = readdirSync(join(ROOT, 'dist/renderer/assets'));
    for (const s of scripts.filter((f) => !f.endsWith('.map'))) expect(archive, s).toContain(`/dist/renderer/assets/${s}`);
    const migrations = readdirSync(join(ROOT, 'db/migrations')).filter((f) => f.endsWith('.sql'));
    expect(migrations.length).toBeGreaterThan(10);
    for (const m of migrations) expect(archive, m).toContain(`/dist-electron/migrations/${m}`);
    expect(archive).toContain('/dist-electron/migrations/meta/_journal.json');
    // The package.json Electron reads its entry from.
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).main).toBe('dist-electron/main.cjs');
  });

  it('keeps the native drivers outside the archive, where they can be loaded', () => {
    expect(existsSync(join(unpacked, 'resources/native/better_sqlite3.node'))).toBe(true);
    expect(existsSync(join(unpacked, 'resources/app.asar.unpacked/node_modules/better-sqlite3/package.json'))).toBe(true);
    expect(readdirSync(join(unpacked, 'resources/app.asar.unpacked/node_modules/@duckdb')).some((d) => d.startsWith('node-bindings'))).toBe(true);
    // Inside the archive only their listing: a .node file cannot be loaded from an asar.
    expect(archive.filter((f) => f.endsWith('.node') && !f.startsWith('/node_modules/better-sqlite3/') && !f.startsWith('/node_modules/@duckdb/'))).toEqual([]);
  });

  it('ships none of our sources, tests or source maps, and no development package', () => {
    expect(archive.filter((f) => /^\/(electron|renderer|db|test|build|screenshots|\.ci)\//.test(f))).toEqual([]);
    expect(archive.filter((f) => f.endsWith('.map'))).toEqual([]);
    // A package only development needs is marked so in the lock file; electron-builder
    // lifts nested packages to the top, so each shipped package is known by name and version.
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; dev?: boolean }> };
    const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const needed = new Set(Object.entries(lock.packages).filter(([path, p]) => path.startsWith('node_modules/') && !p.dev).map(([path, p]) => `${nameOf(path)}@${p.version}`));
    const shipped = archive.filter((f) => /^\/node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(f))
      .map((f) => `${f.slice('/node_modules/'.length, -'/package.json'.length)}@${(JSON.parse(extractFile(join(unpacked, 'resources/app.asar'), f.slice(1)).toString('utf8')) as { version: string }).version}`);
    expect(shipped.length).toBeGreaterThan(50);
    expect(shipped.filter((p) => !needed.has(p))).toEqual([]);
    for (const renderedOnly of ['react', 'react-dom', 'recharts', '@tanstack/react-table', 'i18next', 'vite', 'vitest', 'electron-builder', 'playwright-core']) {
      expect(archive, renderedOnly).not.toContain(`/node_modules/${renderedOnly}/package.json`);
    }
    const mb = (path: string) => (sizeOf(path) / 1024 / 1024).toFixed(1);
    console.log(`packed app: app.asar ${mb(join(unpacked, 'resources/app.asar'))} MB, unpacked native modules ${mb(join(unpacked, 'resources/app.asar.unpacked'))} MB, driver ${mb(join(unpacked, 'resources/native'))} MB; ${archive.length} entries`);
  });
});
