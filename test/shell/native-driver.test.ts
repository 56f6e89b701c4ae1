// `npm start` on a fresh developer machine (issue 18): the Electron build of the
// database driver is taken prebuilt first and compiled only when none exists, with
// the download and the compiler stubbed here; the arguments name the Electron target.

import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script, without types.
import { chooseDriver, compileArguments, prebuiltArguments } from '../../build/native-driver.mjs';

type Steps = { exists: boolean; prebuilt: boolean; compiled: boolean };

function run(steps: Steps) {
  const called: string[] = [];
  try {
    const r = chooseDriver({
      target: '/x/.electron-native/45.5.0/better_sqlite3.node',
      exists: () => steps.exists,
      tryPrebuilt: () => (called.push('prebuilt'), steps.prebuilt),
      tryCompile: () => (called.push('compile'), steps.compiled),
    }) as { how: string };
    return { how: r.how, called };
  } catch (err) {
    return { how: `refused: ${(err as Error).message}`, called };
  }
}

describe('the Electron build of the database driver', () => {
  it('is downloaded prebuilt when there is one, and the compiler never asked', () => {
    expect(run({ exists: false, prebuilt: true, compiled: true })).toEqual({ how: 'prebuilt', called: ['prebuilt'] });
  });

  it('is compiled only when no prebuilt one exists', () => {
    expect(run({ exists: false, prebuilt: false, compiled: true })).toEqual({ how: 'compiled', called: ['prebuilt', 'compile'] });
  });

  it('is kept from an earlier start, with nothing downloaded or built', () => {
    expect(run({ exists: true, prebuilt: true, compiled: true })).toEqual({ how: 'kept', called: [] });
  });

  it('says in words what to do when neither works', () => {
    const r = run({ exists: false, prebuilt: false, compiled: false });
    expect(r.called).toEqual(['prebuilt', 'compile']);
    expect(r.how).toMatch(/^refused: the database driver could not be downloaded or built for Electron .*Building from source/);
  });

  it('asks prebuild-install for the Electron runtime and version, and node-gyp for Electron’s headers', () => {
    expect(prebuiltArguments('45.5.0', 'win32', 'x64')).toEqual(['--runtime=electron', '--target=45.5.0', '--platform=win32', '--arch=x64', '--verbose']);
    expect(compileArguments('45.5.0')).toEqual(expect.arrayContaining(['--runtime=electron', '--target=45.5.0', '--dist-url=https://electronjs.org/headers']));
  });
});
