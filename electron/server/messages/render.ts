// Error messages for the server's own use (logs, the command line). The UI
// translates the same catalogs through i18next under the "errors" namespace.

import en from './en.json';
import fr from './fr.json';
import rw from './rw.json';
import type { ErrorParams } from '../errors';
import type { UiLocale } from '../locale/numbers';

export const ERROR_CATALOGS: Record<UiLocale, Record<string, string>> = { en, fr, rw };

export function messageIn(locale: UiLocale, code: string, params: ErrorParams): string {
  const template = ERROR_CATALOGS[locale][code] ?? ERROR_CATALOGS.en[code] ?? code;
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? ''));
}

export function englishMessage(code: string, params: ErrorParams): string {
  return messageIn('en', code, params);
}
