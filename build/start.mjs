// `npm start`: make sure Electron's program and the Electron build of the database
// driver are there (both are downloaded once, on first start), build the app, run it.
// The Node build of better-sqlite3 in node_modules is left as it is, so `npm test`
// keeps working; the Electron build lives in .electron-native/ and is handed to the
// ledger worker through IKIMINA_NATIVE_BINDING.

import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const say = (line) => console.log(`ikimina: ${line}`);
const fail = (line) => {
  console.error(`ikimina: ${line}`);
  process.exit(1);
};

function electronBinary() {
  const electronDir = join(root, 'node_modules/electron');
  if (!existsSync(join(electronDir, 'path.txt'))) {
    say("downloading Electron's program (first start only)…");
    try {
      execFileSync(process.execPath, [join(electronDir, 'install.js')], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch {
      fail("Electron's program could not be downloaded (no internet connection?). Connect once and run `npm start` again.");
    }
  }
  return require('electron'); // the path of the Electron binary
}

function electronSqlite() {
  const version = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const target = join(root, '.electron-native', version, 'better_sqlite3.node');
  if (existsSync(target)) return target;
  say(`building the database driver for Electron ${version} (first start only)…`);
  const work = join(root, '.electron-native', 'build');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(root, 'node_modules/better-sqlite3'), work, { recursive: true });
  try {
    execFileSync(process.execPath, [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: work, stdio: 'inherit' });
  } catch {
    fail('the database driver could not be built for Electron (no internet connection, or no C++ compiler?). See README, "Building from source".');
  }
  cpSync(join(work, 'build/Release/better_sqlite3.node'), target);
  rmSync(work, { recursive: true, force: true });
  return target;
}

const binary = electronBinary();
const nativeBinding = electronSqlite();
execFileSync(process.execPath, [join(root, 'build/build-app.mjs')], { stdio: 'inherit' });
const child = spawn(binary, [root], { stdio: 'inherit', env: { ...process.env, IKIMINA_NATIVE_BINDING: nativeBinding } });
child.on('exit', (code) => process.exit(code ?? 0));
