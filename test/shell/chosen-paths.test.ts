// Paths picked in a file dialog stay in the main process (issue 11): the page holds
// tokens; a path the page typed itself is refused before any handler sees it. The
// PIN key is kept by the system's key store when there is one.

import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { electronStandIn } from './fake-electron';
import { ChosenPaths } from '../../electron/main/chosen-paths';
import { pepperFromFile } from '../../electron/server/auth/pepper';

const sealed = { available: true };
vi.mock('electron', () => {
  const safeStorage = {
    isEncryptionAvailable: () => sealed.available,
    // A stand-in for the key store: reversible, and visibly not the key in clear.
    encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('base64')}`),
    decryptString: (data: Buffer) => {
      if (!data.toString().startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(data.toString().replace(/^sealed:/, ''), 'base64').toString();
    },
  };
  return { ...electronStandIn, safeStorage, default: { ...electronStandIn, safeStorage } };
});
const { loadPinKey } = await import('../../electron/main/pin-key');

const dir = mkdtempSync(join(tmpdir(), 'ikimina-shell-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chosen paths', () => {
  it('hands the page a token and a name, and gives the path back only for that token', () => {
    const chosen = new ChosenPaths();
    const picked = chosen.remember('/media/usb/ikimina-association-x.sqlite');
    expect(picked.label).toBe('ikimina-association-x.sqlite');
    expect(picked.token).not.toContain('/');
    expect(chosen.resolve({ associationId: 'a', file: picked.token, confirm: true })).toEqual({ associationId: 'a', file: '/media/usb/ikimina-association-x.sqlite', confirm: true });
    // Inputs without a file or folder pass unchanged.
    expect(chosen.resolve({ associationId: 'a' })).toEqual({ associationId: 'a' });
    expect(chosen.resolve({ associationId: 'a', name: 'ikimina-auto-20260301-090000.sqlite' })).toEqual({ associationId: 'a', name: 'ikimina-auto-20260301-090000.sqlite' });
  });

  it('refuses a path the page typed, a made-up token, or another process’s token', () => {
    const chosen = new ChosenPaths();
    const other = new ChosenPaths().remember('/home/x/books.sqlite');
    for (const value of ['/etc/passwd', 'C:\\Users\\x\\ikimina-ledger.sqlite', `chosen:${'0'.repeat(32)}`, other.token, 42, { token: other.token }]) {
      expect(chosen.resolve({ file: value })).toBeNull();
      expect(chosen.resolve({ folder: value })).toBeNull();
      // An import's list of files: one path typed among chosen ones refuses the whole list.
      expect(chosen.resolve({ files: [chosen.remember('/media/usb/a.ikimina').token, value] })).toBeNull();
    }
    expect(chosen.resolve({ files: '/etc/passwd' })).toBeNull();
    const a = chosen.remember('/media/usb/a.ikimina');
    const b = chosen.remember('/media/usb/b.ikimina');
    expect(chosen.resolve({ files: [a.token, b.token] })).toEqual({ files: ['/media/usb/a.ikimina', '/media/usb/b.ikimina'] });
  });
});

describe('the PIN key', () => {
  it('is made once, kept sealed by the key store, and the same at every start', () => {
    const folder = join(dir, 'sealed');
    mkdirSync(folder);
    const first = loadPinKey(folder);
    expect(first).toHaveLength(32);
    expect(readdirSync(folder)).toEqual(['ikimina-pin.key.enc']);
    expect(readFileSync(join(folder, 'ikimina-pin.key.enc')).includes(Buffer.from(first.toString('hex')))).toBe(false);
    expect(loadPinKey(folder).equals(first)).toBe(true);
  });

  it('without a key store, is kept in a file only this user can read, and moved into the store when one appears', () => {
    const folder = join(dir, 'plain');
    mkdirSync(folder);
    sealed.available = false;
    const key = loadPinKey(folder);
    expect(readdirSync(folder)).toEqual(['ikimina-pin.key']);
    if (process.platform !== 'win32') expect(statSync(join(folder, 'ikimina-pin.key')).mode & 0o077).toBe(0);
    sealed.available = true;
    expect(loadPinKey(folder).equals(key)).toBe(true);
    expect(readdirSync(folder)).toEqual(['ikimina-pin.key.enc']);
    sealed.available = false;
  });

  it('that cannot be read (cut short by a power cut, sealed by a key store that is gone) is kept aside and a new one made: the app still starts', () => {
    const folder = join(dir, 'unreadable');
    mkdirSync(folder);
    sealed.available = true;
    writeFileSync(join(folder, 'ikimina-pin.key.enc'), 'not sealed by this key store');
    const key = loadPinKey(folder);
    expect(key).toHaveLength(32);
    expect(readdirSync(folder).filter((f) => f.startsWith('ikimina-pin.key.enc.unreadable-'))).toHaveLength(1);
    expect(loadPinKey(folder).equals(key)).toBe(true);
    sealed.available = false;
    const plainFolder = join(dir, 'cut-short');
    mkdirSync(plainFolder);
    writeFileSync(join(plainFolder, 'ikimina-pin.key'), '');
    const fresh = loadPinKey(plainFolder);
    expect(fresh).toHaveLength(32);
    const kept = readdirSync(plainFolder);
    expect(kept).toHaveLength(2);
    expect(kept).toEqual(expect.arrayContaining(['ikimina-pin.key', expect.stringMatching(/^ikimina-pin\.key\.unreadable-/)]));
    // The command line's key file is read the same way.
    const cliFile = join(dir, 'cli-pin.key');
    writeFileSync(cliFile, '12ab');
    const pepper = pepperFromFile(cliFile);
    expect(pepper.key).toHaveLength(32);
    expect(pepperFromFile(cliFile).id).toBe(pepper.id);
  });
});
