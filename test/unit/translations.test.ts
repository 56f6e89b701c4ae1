// Every UI string exists in Kinyarwanda, English and French, with the same
// placeholders; every key the screens use exists.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../renderer/src/i18n/en.json';
import fr from '../../renderer/src/i18n/fr.json';
import rw from '../../renderer/src/i18n/rw.json';
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

const catalogs = { en: flatten(en), fr: flatten(fr), rw: flatten(rw) };
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('translations', () => {
  it.each(['fr', 'rw'] as const)('%s has exactly the English keys, none empty, same placeholders', (language) => {
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
      for (const language of ['en', 'fr', 'rw'] as const) {
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
    for (const key of dynamic) for (const language of ['en', 'fr', 'rw'] as const) expect(catalogs[language][key], `${language}:${key}`).toBeTruthy();
  });

  it('names every command the history records, in every language (in the server’s catalogs: the history on screen and its statement both use them)', async () => {
    const { allHandlers } = await import('../../electron/server/handlers');
    const { ERROR_CATALOGS } = await import('../../electron/server/messages/render');
    const recorded = Object.entries(allHandlers).filter(([, d]) => d.kind === 'write' || d.logged).map(([name]) => name);
    for (const name of recorded) for (const language of ['en', 'fr', 'rw'] as const) expect(ERROR_CATALOGS[language][`command.${name}`], `${language}:command.${name}`).toBeTruthy();
  });
});
