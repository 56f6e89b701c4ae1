// The registry: one name per handler, errors as typed results, every error translated.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { handler, joinHandlerMaps } from '../../electron/server/registry';
import { allHandlers } from '../../electron/server/handlers';
import { ERROR_CATALOGS } from '../../electron/server/messages/render';
import { tempLedger } from '../helpers/ledger';

const noop = handler({ kind: 'read', access: { public: true }, summary: 'x', input: z.strictObject({}), run: () => 1 });

describe('registry', () => {
  it('refuses two handlers with the same name', () => {
    expect(() => joinHandlerMaps({ 'member-add': noop }, { 'member-add': noop })).toThrow(/Two handlers are named "member-add"/);
  });

  it('refuses names that are not kebab-case noun-verb', () => {
    expect(() => joinHandlerMaps({ memberAdd: noop })).toThrow(/kebab-case/);
    expect(() => joinHandlerMaps({ member: noop })).toThrow(/kebab-case/);
  });

  it('answers an unknown handler, or one inherited from Object, with a typed error', () => {
    const t = tempLedger();
    for (const name of ['member-fly', 'constructor', '__proto__', 'toString']) {
      const r = t.call(name as never, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'handler-unknown' } });
    }
    t.cleanup();
  });

  it('never lets a raw exception or stack trace out', () => {
    const t = tempLedger();
    for (const input of [null, 42, 'text', [], { associationId: { $gt: '' } }]) {
      const r = t.call('member-list', input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(JSON.stringify(r.error)).not.toMatch(/at .*\.ts|Error:/);
    }
    t.cleanup();
  });
});

describe('error messages', () => {
  const codesInSource = (() => {
    const found = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.ts')) {
          const text = readFileSync(path, 'utf8');
          for (const m of text.matchAll(/(?:LedgerError\(\s*|error: )'([a-z]+(?:-[a-z]+)+)'/g)) found.add(m[1]!);
        }
      }
    };
    walk(join(__dirname, '../../electron/server'));
    return [...found];
  })();

  it('finds the codes the server can raise', () => {
    expect(codesInSource.length).toBeGreaterThan(30);
    expect(codesInSource).toContain('entry-unbalanced');
  });

  it.each(['en', 'fr', 'rw', 'sw', 'rn'] as const)('has a %s message for every error code, and no stray keys', (locale) => {
    const catalog = ERROR_CATALOGS[locale];
    for (const code of codesInSource) expect(catalog[code], `${locale}: ${code}`).toBeTruthy();
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(ERROR_CATALOGS.en).sort());
  });

  it('uses in every language the same placeholders as in English', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [code, en] of Object.entries(ERROR_CATALOGS.en)) {
      expect(placeholders(ERROR_CATALOGS.fr[code]!), `fr ${code}`).toEqual(placeholders(en));
      expect(placeholders(ERROR_CATALOGS.rw[code]!), `rw ${code}`).toEqual(placeholders(en));
      expect(placeholders(ERROR_CATALOGS.sw[code]!), `sw ${code}`).toEqual(placeholders(en));
      expect(placeholders(ERROR_CATALOGS.rn[code]!), `rn ${code}`).toEqual(placeholders(en));
    }
  });

  it('gives every handler a summary and an object input', () => {
    for (const [name, def] of Object.entries(allHandlers)) {
      expect(def.summary, name).toBeTruthy();
      expect(def.input, name).toBeInstanceOf(z.ZodObject);
    }
  });
});
