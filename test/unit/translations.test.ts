// Every UI string exists in Kinyarwanda, English, French, Swahili and Kirundi, with
// the same placeholders; every key the screens use exists; and no English is left in
// the other four (beyond names, codes and the words the languages share).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../renderer/src/i18n/en.json';
import fr from '../../renderer/src/i18n/fr.json';
import rw from '../../renderer/src/i18n/rw.json';
import sw from '../../renderer/src/i18n/sw.json';
import rn from '../../renderer/src/i18n/rn.json';
import { ERROR_CATALOGS } from '../../electron/server/messages/render';
import { UI_LOCALES } from '../../electron/server/locale/numbers';
import { ANIMAL_EVENT_KINDS, CASH_ACCOUNTS, GRANT_PURPOSES, SPECIES, SPENDING_KINDS } from '../../db/schema';
import { PASS_ON_RULES } from '../../electron/server/livestock/handlers';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
}

const catalogs = { en: flatten(en), fr: flatten(fr), rw: flatten(rw), sw: flatten(sw), rn: flatten(rn) };
const OTHERS = ['fr', 'rw', 'sw', 'rn'] as const;

/** Names, codes and units written the same in every language. */
const SAME_EVERYWHERE = /\b(PDF|CSV|Excel|XLSX|Parquet|SQLite|PIN|USD|RWF|BIF|CDF|LRD|Ikimina|kB|KB|MB|SHA-256|Spark|Trino|DuckDB|Rwanda|Burundi|Liberia|Frw|FBu)\b/g;
/** The official names of Burundi's, the DRC's and Liberia's levels, French in origin. */
const PLACE_NAMES = ['Commune', 'Zone', 'Groupement', 'Clan'];
/** Words a language shares with English, checked by hand: French cognates; Kinyarwanda's borrowed bookkeeping words. */
const SHARED_WORDS: Record<(typeof OTHERS)[number], readonly string[]> = {
  fr: ['Actions', 'Province', 'District', 'Village', 'Date', 'Absent', 'absent', 'Signatures', 'Conditions', 'Animal', 'Note', 'Part', 'Cycle', 'Total', 'Code', 'Association', 'Mobile', 'money', ...PLACE_NAMES],
  rw: ['Mobile', 'money', 'Debit', 'Credit', 'Zone'],
  sw: [],
  rn: ['Zone'],
};

/** The English words left in a text that is the same as the English one (none: translated, or only names and shared words). */
function englishLeft(language: (typeof OTHERS)[number], text: string, english: string): string[] {
  if (text !== english) return [];
  const words = text.replace(/\{\{\w+\}\}/g, ' ').replace(SAME_EVERYWHERE, ' ').match(/\p{L}{3,}/gu) ?? [];
  return words.filter((w) => !SHARED_WORDS[language].includes(w));
}
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('translations', () => {
  it('covers every language the app offers', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...UI_LOCALES].sort());
    expect(Object.keys(ERROR_CATALOGS).sort()).toEqual([...UI_LOCALES].sort());
  });

  it.each(OTHERS)('%s leaves no English on screen or in the server’s sentences', (language) => {
    const left = [
      ...Object.entries(catalogs[language]).flatMap(([key, text]) => englishLeft(language, text, catalogs.en[key] ?? '').map((w) => `${key}: ${w}`)),
      ...Object.entries(ERROR_CATALOGS[language]).flatMap(([key, text]) => englishLeft(language, text, ERROR_CATALOGS.en[key] ?? '').map((w) => `server ${key}: ${w}`)),
    ];
    expect(left).toEqual([]);
  });

  it('would notice an English sentence left untranslated (the check itself)', () => {
    expect(englishLeft('sw', 'Record a meeting', 'Record a meeting')).toEqual(['Record', 'meeting']);
    expect(englishLeft('fr', 'Total', 'Total')).toEqual([]);
    expect(englishLeft('rn', '{{count}} PDF', '{{count}} PDF')).toEqual([]);
  });

  it.each(OTHERS)('%s has exactly the English keys, none empty, same placeholders', (language) => {
    const catalog = catalogs[language];
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(catalogs.en).sort());
    for (const [key, text] of Object.entries(catalog)) {
      expect(text.trim(), `${language}:${key}`).not.toBe('');
      expect(placeholders(text), `${language}:${key}`).toEqual(placeholders(catalogs.en[key]!));
    }
  });

  it('has every key the screens ask for, in every language', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(__dirname, '../../renderer/src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\('([a-zA-Z]+\.[a-zA-Z.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) {
      for (const language of UI_LOCALES) {
        const catalog = catalogs[language];
        const present = key in catalog || `${key}_one` in catalog;
        expect(present, `${language}: missing ${key}`).toBe(true);
      }
    }
  });

  it('has a name for every role, gender, currency and section the screens build keys for', () => {
    const dynamic = [
      ...['chair', 'secretary', 'treasurer', 'key_holder', 'member'].map((r) => `role.${r}`),
      'gender.female', 'gender.male',
      ...['RWF', 'BIF', 'UGX', 'CDF', 'LRD', 'USD', 'KES', 'TZS'].map((c) => `currency.${c}`),
      ...['home', 'members', 'meetings', 'loans', 'livestock', 'grants', 'reports', 'history', 'settings'].map((s) => `nav.${s}`),
      ...['treasurer', 'secretary', 'chair', 'member', 'officer', 'coordinator'].map((r) => `userRole.${r}`),
      ...SPECIES.flatMap((s) => [`livestock.species.${s}`, `livestock.speciesPlural.${s}`]),
      ...['female', 'male', 'mixed'].map((s) => `livestock.sex.${s}`),
      ...['alive', 'sold', 'dead'].map((s) => `livestock.status.${s}`),
      ...ANIMAL_EVENT_KINDS.map((k) => `livestock.event.${k}`),
      ...['purchase', 'opening', 'birth', 'transfer', 'pass_on'].map((k) => `livestock.keeperHow.${k}`),
      ...['birth', 'care', 'sale', 'death', 'transfer', 'pass_on'].flatMap((k) => [`livestock.action.${k}`, `livestock.record.${k}`]),
      ...PASS_ON_RULES.map((r) => `livestock.rule.${r}`),
      ...GRANT_PURPOSES.flatMap((p) => [`grant.purpose.${p}`, `grant.purposeHint.${p}`]),
      ...SPENDING_KINDS.map((k) => `spending.kind.${k}`),
      ...CASH_ACCOUNTS.map((c) => `grant.cash.${c}`),
      ...['received', 'spent', 'backFromSales', 'returned', 'unspent'].flatMap((k) => [`grant.total.${k}`, `grant.totalNote.${k}`]),
      ...['RW', 'BI', 'CD', 'LR'].map((c) => `country.${c}`),
    ];
    for (const key of dynamic) for (const language of UI_LOCALES) expect(catalogs[language][key], `${language}:${key}`).toBeTruthy();
  });

  it('names every command the history records, in every language (in the server’s catalogs: the history on screen and its statement both use them)', async () => {
    const { allHandlers } = await import('../../electron/server/handlers');
    const recorded = Object.entries(allHandlers).filter(([, d]) => d.kind === 'write' || d.logged).map(([name]) => name);
    for (const name of recorded) for (const language of UI_LOCALES) expect(ERROR_CATALOGS[language][`command.${name}`], `${language}:command.${name}`).toBeTruthy();
  });
});
