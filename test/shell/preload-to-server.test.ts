// One call along the app's whole path, as Electron would run it, with only the
// Electron binary stood in for: the bundled preload (dist-electron/preload.cjs, run
// in a context of its own whose only module is `electron`) exposes window.ikimina;
// its ipcRenderer.invoke reaches the channels the real registerIpc registered, with
// the calling frame's address; the real relay keeps the session token; the bundled
// ledger worker answers from a new ledger made with the shipped migrations.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { electronStandIn } from './fake-electron';
import { startLedgerHost, type LedgerHost } from '../../electron/server/worker/host';
import type { IkiminaApi } from '../../electron/server/contract';
import { ROOT } from '../e2e/harness';
import { KABEZA } from '../helpers/ledger';

vi.mock('electron', () => ({ ...electronStandIn, default: electronStandIn }));

const { registerIpc } = await import('../../electron/main/ipc');
const { ledgerRelay } = await import('../../electron/main/ledger-relay');
const { ChosenPaths } = await import('../../electron/main/chosen-paths');
const { START_URL } = await import('../../electron/main/app-protocol');

const out = join(ROOT, 'dist-electron');
const dir = mkdtempSync(join(tmpdir(), 'ikimina-preload-'));
type Listener = (event: { senderFrame: { url: string } }, ...args: unknown[]) => unknown;
const channels = new Map<string, Listener>();
let host: LedgerHost;

/** The bundled preload, run as Electron runs it for a page at `pageUrl`: what it exposes, and every module it asked for. */
function loadPreload(pageUrl: string): { api: IkiminaApi; required: string[] } {
  const exposed: Record<string, unknown> = {};
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void (exposed[key] = api) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        const listener = channels.get(channel);
        if (!listener) throw new Error(`No handler registered for '${channel}'`);
        return listener({ senderFrame: { url: pageUrl } }, ...args);
      },
    },
  };
  const module = { exports: {} };
  const wrapped = new Script(`(function (require, module, exports) {${readFileSync(join(out, 'preload.cjs'), 'utf8')}\n})`).runInThisContext() as (r: (name: string) => unknown, m: object, e: object) => void;
  wrapped((name) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`the preload asked for ${name}`);
    return electron;
  }, module, module.exports);
  return { api: exposed.ikimina as IkiminaApi, required };
}

beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'build/build-app.mjs'), '--skip-renderer'], { cwd: ROOT });
  host = await startLedgerHost({ file: join(dir, 'ledger.sqlite'), workerScript: join(out, 'ledger-worker.cjs'), migrationsFolder: join(out, 'migrations') });
  const refused = async () => null;
  registerIpc({ handle: (channel: string, listener: Listener) => void channels.set(channel, listener) } as never, host.handlers, {
    call: ledgerRelay(() => host, new ChosenPaths()),
    ledgerInfo: () => ({ file: host.file, canOpenAnother: false }),
    openAnother: refused, chooseBackupFolder: refused, chooseBackupFile: refused, chooseStatementFile: refused, chooseStatementToCheck: refused,
  });
}, 120_000);

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a call from the page to the server', () => {
  it('goes through the preload, IPC and the relay to the worker, the session staying in the main process', async () => {
    const { api, required } = loadPreload(START_URL);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(Object.isFrozen(api)).toBe(true);
    await api.setLanguage('en');
    const unnamed = await api.call('association-create', { ...KABEZA, name: '' });
    expect(unnamed.ok ? 'created' : [unnamed.error.code, unnamed.error.field]).toEqual(['field-required', 'name']);
    const created = await api.call('association-create', KABEZA);
    expect(created.ok).toBe(true);
    const associationId = created.ok ? created.value.id : '';
    const users = await api.call('user-sign-in-list', { associationId });
    const treasurer = users.ok ? users.value.find((u) => u.name === KABEZA.treasurer.name)! : null;
    const signedIn = await api.call('session-sign-in', { associationId, userId: treasurer!.id, pin: KABEZA.treasurer.pin });
    // The page is told who signed in, never the session's token: the relay keeps it.
    expect(signedIn.ok).toBe(true);
    expect(JSON.stringify(signedIn)).not.toMatch(/token/);
    const added = await api.call('member-add', { associationId, fullName: 'Uwase Claudine', gender: 'female', joinedOn: '2025-02-01' });
    expect(added.ok ? added.value.fullName : added.error.message).toBe('Uwase Claudine');
    const refused = await api.call('member-add', { associationId, fullName: '', gender: 'female', joinedOn: '2025-02-01' });
    expect(refused.ok ? 'added' : refused.error.message).toBe('This is required.');
    const members = await api.call('member-list', { associationId });
    expect(members.ok && members.value.map((m) => m.fullName)).toEqual(['Uwase Claudine']);
    // The language chosen through the preload reaches what the server writes.
    const title = async () => {
      const statement = await api.call('statement-get', { associationId, kind: 'trial-balance', asOf: '2025-06-30' });
      return statement.ok ? statement.value.title : statement.error.message;
    };
    expect(await title()).toBe('Trial balance');
    await api.setLanguage('fr');
    expect(await title()).toBe('Balance de vérification');
  });

  it('answers a name that is no handler, and a page that is not Ikimina’s own, with a refusal and nothing done', async () => {
    const { api } = loadPreload(START_URL);
    for (const name of ['no-such-handler', 'member-add; drop', '../member-add', 42]) {
      const r = await api.call(name as never, {} as never);
      expect(r.ok ? 'done' : r.error.code).toBe('handler-unknown');
    }
    const stranger = loadPreload('https://example.org/').api;
    const lists = await api.call('association-list', {});
    const before = lists.ok ? lists.value.length : -1;
    const r = await stranger.call('association-create', { ...KABEZA, name: 'From another page' });
    expect(r.ok).toBe(false);
    const after = await api.call('association-list', {});
    expect(after.ok ? after.value.length : -2).toBe(before);
  });
});
