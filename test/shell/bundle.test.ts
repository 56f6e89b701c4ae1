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
    // A statement rendered by the bundle (pdfmake and its fonts found from CommonJS), written to a file.
    expect(host.handlers).toContain('statement-export');
    const created = r.ok ? (r.value as { id: string }) : { id: '' };
    const signedIn = await host.call('user-sign-in-list', { associationId: created.id }, { channel: 'ipc', locale: 'en' });
    const treasurer = signedIn.ok ? (signedIn.value as { id: string }[])[0]! : { id: '' };
    const session = await host.call('session-sign-in', { associationId: created.id, userId: treasurer.id, pin: KABEZA.treasurer.pin }, { channel: 'ipc', locale: 'en' });
    const token = session.ok ? (session.value as { token: string }).token : undefined;
    const pdf = join(dir, 'tb.pdf');
    const exported = await host.call('statement-export', { associationId: created.id, kind: 'trial-balance', asOf: '2025-06-30', format: 'pdf', file: pdf }, { channel: 'ipc', locale: 'en', session: token });
    expect(exported.ok ? 'exported' : exported.error.message).toBe('exported');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    await host.close();
  });

  it('keeps the preload free of any module but electron', () => {
    const preload = readFileSync(join(out, 'preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
  });
});
