// Error messages for the server's own use (logs, the command line). The UI
// translates the same catalogs through i18next under the "errors" namespace.
//
// A message about a number of things has, besides its plain key, i18next's plural
// keys: "<code>_one", "<code>_other" (and any other category the language has),
// chosen by a `count` param with the language's plural rules. Without a count, or
// when a language has no key for the category, the plain key is used — as i18next does.

import en from './en.json';
import fr from './fr.json';
import rw from './rw.json';
import sw from './sw.json';
import rn from './rn.json';
import type { ErrorParams } from '../errors';
import type { UiLocale } from '../locale/numbers';

export const ERROR_CATALOGS: Record<UiLocale, Record<string, string>> = { en, fr, rw, sw, rn };

const pluralRules = new Map<UiLocale, Intl.PluralRules>();

/** The language's plural rules; English ones where the runtime has none (Kinyarwanda in some builds). */
function pluralRulesOf(locale: UiLocale): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(Intl.PluralRules.supportedLocalesOf([locale]).length > 0 ? locale : 'en');
    pluralRules.set(locale, rules);
  }
  return rules;
}

function templateIn(locale: UiLocale, code: string, params: ErrorParams): string | undefined {
  const catalog = ERROR_CATALOGS[locale];
  const count = params.count;
  if (typeof count === 'number' && Number.isFinite(count)) {
    const plural = catalog[`${code}_${pluralRulesOf(locale).select(count)}`];
    if (plural !== undefined) return plural;
  }
  return catalog[code];
}

export function messageIn(locale: UiLocale, code: string, params: ErrorParams): string {
  const template = templateIn(locale, code, params) ?? templateIn('en', code, params) ?? code;
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? ''));
}

export function englishMessage(code: string, params: ErrorParams): string {
  return messageIn('en', code, params);
}
