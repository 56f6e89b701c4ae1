// The language chosen in the Windows installer, carried into the app's first start:
// the installer writes its code beside the app's resources (build/installer.nsh), the
// main process reads it here and the page opens in it until someone picks another.
// No `electron` import: tested under Node.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isUiLocale, type UiLocale } from '../server/locale/numbers';

export const INSTALL_LANGUAGE_FILE = 'install-language.txt';

/** The installer's language, or null (no installer, an unreadable file, or a code the app does not speak). */
export function installLanguage(resourcesDir: string): UiLocale | null {
  try {
    const code = readFileSync(join(resourcesDir, INSTALL_LANGUAGE_FILE), 'utf8').trim().slice(0, 8);
    return isUiLocale(code) ? code : null;
  } catch {
    return null;
  }
}

/** The page's address, telling it the installer's language (it keeps any language a person chose since). */
export function startUrlWithLanguage(startUrl: string, language: UiLocale | null): string {
  return language ? `${startUrl}?lang=${language}` : startUrl;
}
