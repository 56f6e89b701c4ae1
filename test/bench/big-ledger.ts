// A large ledger for the read benchmarks: one association with many members and
// years of meetings, built by calling the server's own postEntry (balance check, hash
// chain, the real rows) inside big transactions, so it takes seconds, not minutes.

import { newLaptopKey } from '../../electron/server/auth/laptop-key';
import { ImportProgress } from '../../electron/server/import-progress';
import { pepperFrom, newPepperKey } from '../../electron/server/auth/pepper';
import { Sealer } from '../../electron/server/integrity/sealer';
import { HeadStore } from '../../electron/server/integrity/heads';
import { defaultMigrationsFolder } from '../../db/open';
import { SessionStore } from '../../electron/server/auth/sessions';
import type { CallContext } from '../../electron/server/context';
import type { MinorUnits } from '../../electron/server/money/money';
import { uuidv7 } from '../../electron/server/ids';
import { postEntry, type EntryLine } from '../../electron/server/journal/post';
import { ACTOR, addDays, seedLedger, type SeededLedger } from './setup';

export interface BigLedger extends SeededLedger {
  readonly entries: number;
  readonly firstDate: string;
  readonly lastDate: string;
  /** The date of the middle entry: "as of" here sees about half the postings. */
  readonly midDate: string;
}

const FOUNDED_ON = '2016-01-04';
const BATCH = 10_000;

export function buildBigLedger(file: string, entries: number, lastDate: string, onProgress?: (done: number) => void): BigLedger {
  const seeded = seedLedger(file, { members: 120, foundedOn: FOUNDED_ON });
  const { server, associationId, memberIds, accountIds } = seeded;
  const ctx: CallContext = {
    ledger: server.ledger, now: () => new Date(), newId: () => uuidv7(), actor: ACTOR,
    sessions: new SessionStore(() => new Date()), user: null, actorName: 'bench',
    // Entries are posted straight into the journal here: no change log, so no seal or heads to keep.
    pepper: pepperFrom(newPepperKey()), sealer: new Sealer(server.ledger.sqlite), heads: new HeadStore(null),
    health: { report: null, checkedAt: null, backupFailure: null, runFull: () => null }, files: { migrationsFolder: defaultMigrationsFolder() },
    laptopKey: newLaptopKey(), importProgress: new ImportProgress(),
  };
  const acct = (code: string) => accountIds.get(code)!;
  const days = Math.max(1, Math.round((Date.parse(lastDate) - Date.parse(FOUNDED_ON)) / 86_400_000));
  const dateOf = (i: number) => addDays(FOUNDED_ON, Math.floor((i * days) / Math.max(1, entries - 1)));

  const post = server.ledger.sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const m = memberIds[i % memberIds.length]!;
      const n = memberIds[(i * 7 + 3) % memberIds.length]!;
      const x = (1 + (i % 37)) * 500;
      const y = (1 + (i % 11)) * 200;
      const line = (account: string, amount: number, memberId: string | null = null): EntryLine => ({
        accountId: acct(account), memberId, amount: amount as MinorUnits,
      });
      let kind: string;
      let lines: EntryLine[];
      switch (i % 10) {
        case 6: // a loan paid out of the cash box
          kind = 'loan'; lines = [line('1100', x * 4, m), line('1010', -x * 4)];
          break;
        case 7: // a repayment with interest
          kind = 'repayment'; lines = [line('1010', x + y), line('1100', -x, m), line('4010', -y)];
          break;
        case 8: // a fine and a social-fund contribution
          kind = 'fine'; lines = [line('1010', y + 300), line('4020', -y), line('2020', -300)];
          break;
        case 9: // an expense, paid from the bank
          kind = 'expense'; lines = [line('5010', y), line('1020', -y)];
          break;
        default: // savings from two members
          kind = 'savings'; lines = [line('1010', x + y), line('2010', -x, m), line('2010', -y, n)];
      }
      postEntry(ctx, { associationId, entryDate: dateOf(i), kind, memo: `${kind} ${i + 1}`, lines });
    }
  });
  for (let from = 0; from < entries; from += BATCH) {
    post.immediate(from, Math.min(entries, from + BATCH));
    onProgress?.(Math.min(entries, from + BATCH));
  }
  return { ...seeded, entries, firstDate: dateOf(0), lastDate: dateOf(entries - 1), midDate: dateOf(Math.floor(entries / 2)) };
}
