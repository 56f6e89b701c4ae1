// The installer's language carried into the app (issue 18): read from the file the
// Windows installer writes beside the resources, only if it is a language the app
// speaks, and handed to the page in its address.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INSTALL_LANGUAGE_FILE, installLanguage, startUrlWithLanguage } from '../../electron/main/install-language';

const dir = mkdtempSync(join(tmpdir(), 'ikimina-install-language-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the installer’s language', () => {
  it('is read when it is one the app speaks, and nothing otherwise', () => {
    expect(installLanguage(dir)).toBeNull();
    for (const [written, read] of [['fr', 'fr'], [' sw\r\n', 'sw'], ['rn', 'rn'], ['de', null], ['fr; rm -rf /', null], ['\u0000\u0001', null], ['x'.repeat(100_000), null]] as const) {
      writeFileSync(join(dir, INSTALL_LANGUAGE_FILE), written);
      expect(installLanguage(dir), JSON.stringify(written.slice(0, 20))).toBe(read);
    }
  });

  it('goes to the page in its address', () => {
    expect(startUrlWithLanguage('app://ikimina/index.html', 'fr')).toBe('app://ikimina/index.html?lang=fr');
    expect(startUrlWithLanguage('app://ikimina/index.html', null)).toBe('app://ikimina/index.html');
  });
});
