// Every rounding of money names its rule (issue 12, item 4): the money module holds
// the only calls that round; elsewhere a rounding goes through it.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decimal, percentOf, roundWhole } from '../../electron/server/money/money';

const SERVER = resolve(__dirname, '../../electron/server');

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('rounding', () => {
  it('happens only in the money module, where each rule has a name', () => {
    const elsewhere = sources(SERVER)
      .filter((file) => !file.endsWith(join('money', 'money.ts')))
      .filter((file) => /\.toDecimalPlaces\(|\.toSignificantDigits\(|\.round\(\)/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SERVER, file));
    expect(elsewhere).toEqual([]);
  });

  it('rounds whole minor units by the rule named, worked by hand', () => {
    // A loan limit of 1.5 × 333 = 499.5 francs: never a franc more than the rule allows.
    expect(roundWhole(decimal(333).times('1.5'), 'down').toFixed(0)).toBe('499');
    expect(roundWhole(decimal('499.5'), 'half-up').toFixed(0)).toBe('500');
    expect(roundWhole(decimal('498.5'), 'half-even').toFixed(0)).toBe('498');
    expect(roundWhole(decimal('498.1'), 'up').toFixed(0)).toBe('499');
    // 1 of 8 is 12.5 %; 2 of 3 is 66.7 % (half-up at one decimal); nothing of nothing is 0.0.
    expect(percentOf(decimal(1), decimal(8))).toBe('12.5');
    expect(percentOf(decimal(2), decimal(3))).toBe('66.7');
    expect(percentOf(decimal(0), decimal(0))).toBe('0.0');
  });
});
