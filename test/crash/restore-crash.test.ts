// Restores that cannot lose anything (issue 11, finding 2): a child process restores
// two whole-file backups in turn and is killed with SIGKILL at a random moment, 50
// times on the same ledger. After every kill the ledger opens as the app would, passes
// the full check (integrity, chains, seals, heads), and holds exactly the books of one
// backup or the other — never a mixture, never a partial file.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { createServer } from '../../electron/server/server';
import { administratorDoor, door, KABEZA, TEST_PIN } from '../helpers/ledger';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RESTORER = fileURLToPath(new URL('./restorer.ts', import.meta.url));
const KILLS = 50;

const dir = mkdtempSync(join(tmpdir(), 'ikimina-restore-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A ledger with `entries` savings entries, and a whole-file backup of it at `half` entries (book A) and at all of them (book B). */
function ledgerWithTwoBackups(entries: number): { file: string; backups: string[]; heads: string[] } {
  const file = join(dir, 'ledger.sqlite');
  const server = createServer(file);
  try {
    const anyone = door(() => server);
    const a = anyone.ok('association-create', { ...KABEZA, treasurer: { name: KABEZA.treasurer.name, pin: TEST_PIN } });
    const treasurer = door(() => server);
    treasurer.ok('session-sign-in', { associationId: a.id, userId: a.treasurerId, pin: TEST_PIN });
    const memberId = treasurer.ok('member-add', { associationId: a.id, fullName: 'Uwase Claudine', gender: 'female', joinedOn: '2025-01-10' }).id;
    const admin = administratorDoor(() => server, treasurer);
    const backups: string[] = [];
    const heads: string[] = [];
    for (let i = 1; i <= entries; i++) {
      treasurer.ok('journal-entry-post', {
        associationId: a.id, date: '2025-02-01', memo: `Savings, entry ${i} — ${'x'.repeat(200)}`,
        lines: [{ account: '1010', debit: '1,000' }, { account: '2020', memberId, credit: '1,000' }],
      });
      if (i === entries / 2 || i === entries) {
        const made = admin.ok('ledger-backup-create', { folder: join(dir, 'usb') });
        backups.push(made.file);
        heads.push(made.associations[0]!.head!.hash);
      }
    }
    return { file, backups, heads };
  } finally {
    server.close();
  }
}

function runAndKill(file: string, backups: string[], delayMs: number): Promise<{ lines: string[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', RESTORER, file, ...backups], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!timer && out.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('close', () => resolve({ lines: out.split('\n').filter(Boolean), stderr: err }));
  });
}

it(`leaves the old books or the new, whole, after ${KILLS} kills during restores`, async () => {
  const { file, backups, heads } = ledgerWithTwoBackups(600);
  // How long one restore takes here, so the kills fall all through it.
  const started = Date.now();
  const probe = await runAndKill(file, backups, 3000);
  const restores = probe.lines.filter((l) => l.startsWith('restored')).length;
  expect(restores, probe.stderr).toBeGreaterThan(1);
  const perRestore = Math.max(20, (Date.now() - started - 1000) / restores);
  const seen = new Set<string>();
  let seed = 7;
  for (let kill = 0; kill < KILLS; kill++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const delay = Math.floor((seed / 2 ** 31) * perRestore * 3);
    const run = await runAndKill(file, backups, delay);
    expect(run.stderr).toBe('');
    const server = createServer(file);
    try {
      server.checkFully();
      expect(server.unresolvedProblems(), `kill ${kill} after ${delay} ms`).toEqual([]);
      const head = server.ledger.sqlite.prepare('SELECT hash FROM journal_entries ORDER BY seq DESC LIMIT 1').pluck().get() as string;
      expect(heads, `kill ${kill}: the books are one backup's or the other's`).toContain(head);
      seen.add(head);
    } finally {
      server.close();
    }
  }
  // Both backups were in place at some kill: the kills did land during restores.
  expect(seen.size).toBe(2);
}, 600_000);
