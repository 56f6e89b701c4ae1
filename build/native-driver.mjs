// The Electron build of the database driver (better-sqlite3) for `npm start`, found
// the way better-sqlite3's own install finds its Node build: a prebuilt binary for
// this Electron version, platform and architecture first (prebuild-install, from the
// package's releases), and a compile with node-gyp only when there is none — so a
// developer machine without a C++ compiler (often Windows) needs none. The result is
// kept in .electron-native/<version>/; the Node build in node_modules stays as it is.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** prebuild-install's arguments for an Electron target (what it downloads: better-sqlite3-v<x>-electron-v<abi>-<platform>-<arch>.tar.gz). */
export function prebuiltArguments(electronVersion, platform = process.platform, arch = process.arch) {
  return ['--runtime=electron', `--target=${electronVersion}`, `--platform=${platform}`, `--arch=${arch}`, '--verbose'];
}

/** node-gyp's arguments to compile the driver against Electron's headers. */
export function compileArguments(electronVersion) {
  return ['rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'];
}

/**
 * Where the driver comes from, in order: kept from before, prebuilt, compiled. The
 * steps are passed in (the test stubs the download and the compiler); each says
 * whether it left `build/Release/better_sqlite3.node` in the work folder.
 */
export function chooseDriver({ target, exists, tryPrebuilt, tryCompile, say = () => {} }) {
  if (exists(target)) return { how: 'kept', file: target };
  say('looking for a prebuilt database driver for Electron (first start only)…');
  if (tryPrebuilt()) return { how: 'prebuilt', file: target };
  say('no prebuilt driver for this Electron: building it (needs a C++ compiler)…');
  if (tryCompile()) return { how: 'compiled', file: target };
  throw new Error('the database driver could not be downloaded or built for Electron (no internet connection, or no C++ compiler?). See README, "Building from source".');
}

/** The real steps: each in a fresh copy of better-sqlite3, the .node file copied to `target` on success. */
export function electronDriver(root, electronVersion, say = () => {}) {
  const target = join(root, '.electron-native', electronVersion, 'better_sqlite3.node');
  const work = join(root, '.electron-native', 'build');
  const attempt = (command, args) => {
    rmSync(work, { recursive: true, force: true });
    cpSync(join(root, 'node_modules/better-sqlite3'), work, { recursive: true });
    rmSync(join(work, 'build'), { recursive: true, force: true });
    try {
      execFileSync(process.execPath, [command, ...args], { cwd: work, stdio: 'inherit' });
    } catch {
      return false;
    }
    const built = join(work, 'build/Release/better_sqlite3.node');
    if (!existsSync(built)) return false;
    mkdirSync(dirname(target), { recursive: true });
    cpSync(built, target);
    rmSync(work, { recursive: true, force: true });
    return true;
  };
  return chooseDriver({
    target, exists: existsSync, say,
    tryPrebuilt: () => attempt(require.resolve('prebuild-install/bin.js'), prebuiltArguments(electronVersion)),
    tryCompile: () => attempt(require.resolve('node-gyp/bin/node-gyp.js'), compileArguments(electronVersion)),
  }).file;
}
