// The ledger worker thread, as the shell uses it: calls relayed to a real server
// on a real file, a refused file reported, and a clean close.

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLedgerHost, LedgerHostOpenError } from '../../electron/server/worker/host';
import { openLedger } from '../../db/open';
import { KABEZA, TEST_PIN } from '../helpers/ledger';

const dir = mkdtempSync(join(tmpdir(), 'ikimina-host-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const workerScript = new URL('./ledger-worker.mjs', import.meta.url);
const actor = { channel: 'ipc', locale: 'en' } as const;

describe('ledger worker', () => {
  it('runs the real handlers on its own thread and closes the file cleanly', async () => {
    const file = join(dir, 'books.sqlite');
    const host = await startLedgerHost({ file, workerScript});
    const created = await host.call('association-create', KABEZA, actor);
    expect(created).toMatchObject({ ok: true, value: { name: 'Abishyizehamwe' } });
    const association = created.ok ? (created.value as { id: string; treasurerId: string }) : null;
    const anonymous = await host.call('member-add', { associationId: association!.id }, actor);
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'sign-in-required' } });
    const signedIn = await host.call('session-sign-in', { associationId: association!.id, userId: association!.treasurerId, pin: TEST_PIN }, actor);
    const session = signedIn.ok ? (signedIn.value as { token: string }).token : undefined;
    const refused = await host.call('member-add', { associationId: 'nope' }, { ...actor, session });
    expect(refused).toMatchObject({ ok: false, error: { code: 'id-invalid', field: 'associationId' } });
    // Calls are answered in order even when sent together.
    const many = await Promise.all([1, 2, 3].map(() => host.call('association-list', {}, actor)));
    expect(many.every((r) => r.ok && (r.value as unknown[]).length === 1)).toBe(true);
    await host.close();
    // After a clean close the WAL has been folded into the file.
    const ledger = openLedger(file);
    expect(ledger.sqlite.prepare('SELECT command, channel FROM change_log').all()).toEqual([
      { command: 'ledger-seal', channel: 'app' },
      { command: 'association-create', channel: 'ipc' },
      { command: 'session-sign-in', channel: 'ipc' },
    ]);
    ledger.close();
  });

  it('signs with the one laptop key it is given, whichever ledger file is open', async () => {
    mkdirSync(join(dir, 'app-data'));
    const keyFile = join(dir, 'app-data', 'ikimina-laptop.key');
    const fingerprints: string[] = [];
    for (const name of ['first', 'second']) {
      const folder = join(dir, name);
      mkdirSync(folder);
      const host = await startLedgerHost({ file: join(folder, 'books.sqlite'), workerScript, laptopKeyFile: keyFile });
      const created = await host.call('association-create', KABEZA, actor);
      const association = created.ok ? (created.value as { id: string; treasurerId: string }) : null;
      const signedIn = await host.call('session-sign-in', { associationId: association!.id, userId: association!.treasurerId, pin: TEST_PIN }, actor);
      const session = signedIn.ok ? (signedIn.value as { token: string }).token : undefined;
      const key = await host.call('exchange-laptop-key', {}, { ...actor, session });
      fingerprints.push(key.ok ? (key.value as { fingerprint: string }).fingerprint : '');
      expect(existsSync(join(folder, 'ikimina-laptop.key'))).toBe(false);
      await host.close();
    }
    expect(fingerprints[0]).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    expect(fingerprints[1]).toBe(fingerprints[0]);
    expect(existsSync(keyFile)).toBe(true);
  });

  it('reports a file that is not a ledger, in words', async () => {
    const file = join(dir, 'notes.sqlite');
    writeFileSync(file, 'shopping list: beans, salt, soap '.repeat(200));
    const start = startLedgerHost({ file, workerScript});
    await expect(start).rejects.toBeInstanceOf(LedgerHostOpenError);
    await expect(start).rejects.toMatchObject({ code: 'not-ikimina', message: expect.stringMatching(/not an Ikimina ledger/) });
  });
});
