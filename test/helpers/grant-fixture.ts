// The district grant of the issue, as a story: 1,200,000 RWF for livestock received
// into the bank; three cows and four goats bought with it and a goat with the group's
// own money; a vet bill from the grant; two calves; a goat dead, a goat sold; the
// first heifer calf passed on. Used by the integration tests and the end-to-end test
// (any door that can run a command). Every figure the tests expect is worked by hand
// in the test that uses it.

/** Runs one command and returns its value (fails the test if refused). */
export type Run = (name: string, input: Record<string, unknown>) => any;

export const GRANT = {
  grantor: 'Huye District',
  reference: 'HUYE/AGR/2025/014',
  date: '2025-03-03',
  amount: '1,200,000',
  purpose: 'livestock',
  conditions: 'Cows and goats for members; first female calf passed on (Girinka).',
  reportingDates: ['2025-09-30', '2026-03-31'],
  returnUnspent: true,
  receivedInto: 'bank',
} as const;

export interface GrantFixture {
  grantId: string;
  /** Member ids by fixture name. */
  m: Record<'uwase' | 'habimana' | 'mukeshimana' | 'nsengiyumva' | 'ingabire' | 'niyonzima' | 'uwimana' | 'kalisa', string>;
  /** Animal ids by tag. */
  animals: Record<string, string>;
  vetSpendingId: string;
}

export function buildGrantFixture(run: Run, associationId: string): GrantFixture {
  const people = [
    ['uwase', 'Uwase Claudine', 'female'], ['habimana', 'Habimana Jean', 'male'], ['mukeshimana', 'Mukeshimana Alice', 'female'],
    ['nsengiyumva', 'Nsengiyumva Paul', 'male'], ['ingabire', 'Ingabire Rose', 'female'], ['niyonzima', 'Niyonzima Eric', 'male'],
    ['uwimana', 'Uwimana Diane', 'female'], ['kalisa', 'Kalisa Samuel', 'male'],
  ] as const;
  const m = Object.fromEntries(
    people.map(([key, fullName, gender]) => [key, run('member-add', { associationId, fullName, gender, joinedOn: '2025-01-10' }).id]),
  ) as GrantFixture['m'];
  // The group's own money: 300,000 of savings in the cash box.
  run('savings-brought-in', {
    associationId, date: '2025-02-01',
    members: [
      { memberId: m.uwase, amount: '100,000' },
      { memberId: m.habimana, amount: '50,000' },
      { memberId: m.mukeshimana, amount: '50,000' },
      { memberId: m.nsengiyumva, amount: '50,000' },
      { memberId: m.ingabire, amount: '50,000' },
    ],
  });
  const grantId = run('grant-create', { associationId, ...GRANT, reportingDates: [...GRANT.reportingDates] }).id as string;
  const fromGrant = (amount: string) => [{ grantId, amount }];
  const buy = (tag: string, species: string, sex: string, cost: string, keeperId: string, funds: unknown, paidFrom: string) =>
    run('livestock-buy', { associationId, date: '2025-03-10', tag, species, sex, breed: species === 'cow' ? 'Friesian cross' : 'Local', keeperId, cost, paidFrom, funds }).id as string;
  const animals: Record<string, string> = {
    'C-01': buy('C-01', 'cow', 'female', '300,000', m.uwase, fromGrant('300,000'), 'bank'),
    'C-02': buy('C-02', 'cow', 'female', '300,000', m.habimana, fromGrant('300,000'), 'bank'),
    'C-03': buy('C-03', 'cow', 'female', '280,000', m.mukeshimana, fromGrant('280,000'), 'bank'),
    'G-01': buy('G-01', 'goat', 'female', '50,000', m.nsengiyumva, fromGrant('50,000'), 'bank'),
    'G-02': buy('G-02', 'goat', 'female', '50,000', m.nsengiyumva, fromGrant('50,000'), 'bank'),
    'G-03': buy('G-03', 'goat', 'female', '50,000', m.ingabire, fromGrant('50,000'), 'bank'),
    'G-04': buy('G-04', 'goat', 'female', '50,000', m.ingabire, fromGrant('50,000'), 'bank'),
    // The group's own goat, paid from the cash box.
    'G-05': buy('G-05', 'goat', 'male', '45,000', m.niyonzima, undefined, 'cash_box'),
  };
  run('livestock-care', { associationId, animalId: animals['C-01'], date: '2025-04-01', description: 'Vaccination and deworming', amount: '20,000', paidFrom: 'bank', funds: fromGrant('20,000') });
  const vetSpendingId = (run('spending-list', { associationId }) as { id: string; description: string }[]).find((s) => s.description.startsWith('Vaccination'))!.id;
  run('livestock-death', { associationId, animalId: animals['G-03'], date: '2025-11-02', cause: 'Heartwater (tick fever)' });
  animals['C-01-1'] = (run('livestock-birth', { associationId, motherId: animals['C-01'], date: '2025-06-20', offspring: [{ sex: 'female' }] }).offspring as { id: string; tag: string }[])[0]!.id;
  animals['C-02-1'] = (run('livestock-birth', { associationId, motherId: animals['C-02'], date: '2025-08-05', offspring: [{ sex: 'male' }] }).offspring as { id: string; tag: string }[])[0]!.id;
  run('livestock-sale', { associationId, animalId: animals['G-02'], date: '2026-01-20', proceeds: '65,000', paidInto: 'cash_box', buyer: 'Huye market' });
  run('livestock-pass-on', { associationId, animalId: animals['C-01-1'], date: '2026-02-10', toMemberId: m.uwimana, note: 'Girinka: first heifer calf of C-01' });
  return { grantId, m, animals, vetSpendingId };
}
