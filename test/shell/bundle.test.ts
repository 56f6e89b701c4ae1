// The bundles Electron runs, built as `npm start` builds them: the ledger worker
// works from its bundle with the shipped migrations, and the sandboxed preload
// needs nothing but 'electron'.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLedgerHost } from '../../electron/server/worker/host';
import { ROOT } from '../e2e/harness';
import { KABEZA } from '../helpers/ledger';

const out = join(ROOT, 'dist-electron');
const dir = mkdtempSync(join(tmpdir(), 'ikimina-bundle-'));
beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'build/build-app.mjs'), '--skip-renderer'], { cwd: ROOT });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('app bundles', () => {
  it('runs the bundled ledger worker on a new ledger with the shipped migrations', async () => {
    const host = await startLedgerHost({ file: join(dir, 'l.sqlite'), workerScript: join(out, 'ledger-worker.cjs'), migrationsFolder: join(out, 'migrations') });
    expect(host.handlers).toContain('member-add');
    const r = await host.call('association-create', KABEZA, { channel: 'ipc', locale: 'en' });
    expect(r.ok).toBe(true);
    await host.close();
  });

  it('keeps the preload free of any module but electron', () => {
    const preload = readFileSync(join(out, 'preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
  });
});
