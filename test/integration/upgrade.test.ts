// Books kept by an older build, opened by this one through the server: they open,
// are brought up to date, and what is sealed from then on covers the new columns.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, openLedger } from '../../db/open';
import { createServer } from '../../electron/server/server';
import { tableScopes } from '../../electron/server/integrity/scope';
import { ledgerIdentity } from '../../electron/server/integrity/heads';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ikimina-upgrade-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A ledger file as a build that shipped only the first `steps` schema steps left it, holding one association. */
function olderBooks(steps: number): string {
  const older = join(dir, `migrations-${steps}`);
  cpSync(defaultMigrationsFolder(), older, { recursive: true });
  const journalFile = join(older, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, steps);
  writeFileSync(journalFile, JSON.stringify(journal));
  const file = join(dir, `books-${steps}.sqlite`);
  const old = openLedger(file, { migrationsFolder: older });
  old.sqlite
    .prepare(`INSERT INTO associations (id, name, country, province, district, sector, cell, village, currency, language, founded_on, created_at, created_by)
              VALUES ('a1', 'Old group', 'RW', 'P', 'D', 'S', 'C', 'V', 'RWF', 'rw', '2024-01-01', '2024-01-01T00:00:00Z', 'x')`)
    .run();
  old.close();
  return file;
}

describe('books from an older build', () => {
  it('open even from before the file kept its own history (step 8), and are brought up to date', () => {
    const file = olderBooks(7);
    const raw = openLedger(file, { migrationsFolder: join(dir, 'migrations-7') });
    expect(ledgerIdentity(raw.sqlite)).toBeNull();
    raw.close();
    const server = createServer(file, { backupDir: join(dir, 'backups') });
    try {
      const list = server.call('association-list', {}, { channel: 'test', locale: 'en' });
      expect(list.ok && list.value.map((a: { name: string }) => a.name)).toEqual(['Old group']);
    } finally {
      server.close();
    }
  });

  it('are sealed over the columns the new steps added, not the ones seen before them', () => {
    // Step 9 added the reason a loan was cancelled; the check before the steps saw loans without it.
    const file = olderBooks(9);
    const server = createServer(file, { backupDir: join(dir, 'backups') });
    try {
      const loans = tableScopes(server.ledger.sqlite).find((s) => s.table === 'loans')!;
      expect(loans.columns).toContain('cancel_reason');
    } finally {
      server.close();
    }
  });
});
