// Memos stored as what happened and read in the reader's language
// (electron/server/journal/memo.ts), and percentages as each language writes them.

import { describe, expect, it } from 'vitest';
import { codedMemo, memoIn, typedMemo } from '../../electron/server/journal/memo';
import { formatPercent } from '../../electron/server/locale/numbers';

describe('a memo', () => {
  it('made by the server is stored as its key and parameters, and read in each language', () => {
    const stored = codedMemo('loan-disbursement', { name: 'Uwase Claudine' });
    expect(JSON.parse(stored)).toEqual({ m: 'loan-disbursement', name: 'Uwase Claudine' });
    expect(memoIn('en', stored)).toBe('Loan to Uwase Claudine');
    expect(memoIn('fr', stored)).toBe('Prêt à Uwase Claudine');
    expect(memoIn('rw', stored)).toBe('Inguzanyo ya Uwase Claudine');
  });

  it('picks the sentence for one or many, and names the animal in the language', () => {
    expect(memoIn('en', codedMemo('livestock-purchase', { species: 'chicken', tag: 'K-01', count: 50 }))).toBe('Bought 50 chickens K-01');
    expect(memoIn('en', codedMemo('livestock-purchase', { species: 'cow', tag: 'C-01', count: 1 }))).toBe('Bought cow C-01');
    expect(memoIn('fr', codedMemo('livestock-death', { tag: 'K-01', cause: 'Newcastle', count: 1 }))).toBe('1 de K-01 mort : Newcastle');
    expect(memoIn('fr', codedMemo('livestock-death', { tag: 'K-01', cause: 'Newcastle', count: 3 }))).toBe('3 de K-01 morts : Newcastle');
    expect(memoIn('fr', codedMemo('meeting', { date: '2025-02-14' }))).toBe('Réunion du 14 février 2025');
  });

  it('typed by a person stays as typed, even when it looks like a coded one', () => {
    const spoof = '{"m":"loan-disbursement","name":"Nobody"}';
    const stored = typedMemo(spoof);
    expect(stored).not.toBe(spoof);
    expect(memoIn('en', stored)).toBe(spoof);
    expect(memoIn('rw', stored)).toBe(spoof);
    expect(typedMemo('Padlock for the box')).toBe('Padlock for the box');
  });

  it('written by an older version, or of a kind this version does not know, is shown as stored', () => {
    expect(memoIn('fr', 'Meeting of 2025-02-14')).toBe('Meeting of 2025-02-14');
    expect(memoIn('fr', '{"m":"something-new","x":1}')).toBe('{"m":"something-new","x":1}');
    expect(memoIn('fr', '{"m":')).toBe('{"m":');
    expect(memoIn('en', null)).toBeNull();
  });
});

describe('a percentage', () => {
  it('is written with the language’s decimal sign and a no-break space before %', () => {
    expect(formatPercent('100.0', 'en')).toBe('100.0\u00a0%');
    expect(formatPercent('12.5', 'fr')).toBe('12,5\u00a0%');
    expect(formatPercent('0.0', 'rw')).toBe('0.0\u00a0%');
  });
});
