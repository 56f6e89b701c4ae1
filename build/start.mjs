// `npm start`: make sure Electron's program and the Electron build of the database
// driver are there (downloaded once, on first start; the driver compiled only when no
// prebuilt one exists: native-driver.mjs), build the app, run it.
// The Node build of better-sqlite3 in node_modules is left as it is, so `npm test`
// keeps working; the Electron build lives in .electron-native/ and is handed to the
// ledger worker through IKIMINA_NATIVE_BINDING.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { electronDriver } from './native-driver.mjs';
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

const binary = electronBinary();
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
let nativeBinding;
try {
  nativeBinding = electronDriver(root, electronVersion, say);
} catch (err) {
  fail(err.message);
}
execFileSync(process.execPath, [join(root, 'build/build-app.mjs')], { stdio: 'inherit' });
const child = spawn(binary, [root], { stdio: 'inherit', env: { ...process.env, IKIMINA_NATIVE_BINDING: nativeBinding } });
child.on('exit', (code) => process.exit(code ?? 0));
