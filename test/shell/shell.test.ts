// The Electron shell's wiring, with a stand-in for the `electron` module: the
// hardened window, IPC (every handler once, only from our page), denied
// navigation, windows, webviews and permissions, and a preload that exposes only
// the API object.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { allHandlers } from '../../electron/server/handlers';
import { created, electronStandIn, fakeSession, FakeWebContents, ipcMain, ipcRenderer, contextBridge } from './fake-electron';

vi.mock('electron', () => ({ ...electronStandIn, default: electronStandIn }));

const { createMainWindow, mainWindowOptions } = await import('../../electron/main/window');
const { hardenSession, hardenWebContents } = await import('../../electron/main/security');
const { plainFileName, registerIpc } = await import('../../electron/main/ipc');
const { resolveInside, START_URL, CONTENT_SECURITY_POLICY } = await import('../../electron/main/app-protocol');

const OUR_PAGE = { senderFrame: { url: START_URL } };

describe('main window', () => {
  it('is created with the hardened settings and loads the app from app://', () => {
    createMainWindow('/app/preload.cjs', START_URL);
    const window = created.windows.at(-1)!;
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false,
      nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webviewTag: false, webSecurity: true,
      allowRunningInsecureContent: false,
    });
    expect(window.options.width).toBe(1366);
    expect(window.options.height).toBe(768);
    expect(window.loadedUrl).toBe('app://ikimina/index.html');
    expect(mainWindowOptions('x').webPreferences?.nodeIntegration).toBe(false);
  });

  it('has a strict Content-Security-Policy with no remote or inline code', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self';/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    // The built page carries the same policy (all of it a <meta> can hold), from the same source.
    const page = readFileSync(join(__dirname, '../../dist/renderer/index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });

  it('serves only files inside the bundle folder', () => {
    expect(resolveInside('/app/renderer', '/index.html')).toBe('/app/renderer/index.html');
    expect(resolveInside('/app/renderer', '/')).toBe('/app/renderer/index.html');
    expect(resolveInside('/app/renderer', '/../../etc/passwd')).toBe('/app/renderer/etc/passwd');
    expect(resolveInside('/app/renderer', '/%2e%2e/%2e%2e/etc/passwd')).toBe('/app/renderer/etc/passwd');
  });
});

describe('web contents and session', () => {
  it('denies new windows, navigation away, webviews and every permission', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never);
    expect(contents.windowOpenHandler!({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    const away = { preventDefault: vi.fn() };
    contents.emit('will-navigate', away, 'https://example.org/phish');
    expect(away.preventDefault).toHaveBeenCalled();
    const file = { preventDefault: vi.fn() };
    contents.emit('will-navigate', file, 'file:///etc/passwd');
    expect(file.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    contents.emit('will-navigate', inside, 'app://ikimina/index.html#/members');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalled();

    const session = fakeSession();
    hardenSession(session as never);
    const answer = vi.fn();
    session.permissionRequest!({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(session.permissionCheck!()).toBe(false);
    const remote = vi.fn();
    session.beforeRequest!({ url: 'https://fonts.example.com/font.woff2' }, remote);
    expect(remote).toHaveBeenCalledWith({ cancel: true });
    const own = vi.fn();
    session.beforeRequest!({ url: 'app://ikimina/assets/index.js' }, own);
    expect(own).toHaveBeenCalledWith({ cancel: false });
  });
});

describe('IPC', () => {
  beforeEach(() => {
    ipcMain.registrations.length = 0;
    ipcMain.handlers.clear();
  });

  it('registers every server handler exactly once, and the app functions', () => {
    const names = Object.keys(allHandlers);
    registerIpc(ipcMain as never, names, { call: vi.fn(), ledgerInfo: vi.fn(), openAnother: vi.fn(), chooseBackupFolder: vi.fn(), chooseBackupFile: vi.fn(), chooseStatementFile: vi.fn(), chooseStatementToCheck: vi.fn() });
    const ledgerChannels = ipcMain.registrations.filter((c) => c.startsWith('ledger:'));
    expect(ledgerChannels.sort()).toEqual(names.map((n) => `ledger:${n}`).sort());
    expect(new Set(ipcMain.registrations).size).toBe(ipcMain.registrations.length);
    expect(ipcMain.registrations.filter((c) => c.startsWith('app:')).sort()).toEqual(['app:choose-backup-file', 'app:choose-backup-folder', 'app:choose-statement-file', 'app:choose-statement-to-check', 'app:ledger-info', 'app:open-another-ledger', 'app:set-language', 'app:set-screen']);
  });

  it('relays calls from our page with the chosen language, and refuses any other page', async () => {
    const call = vi.fn(async () => ({ ok: true as const, value: 'done' }));
    registerIpc(ipcMain as never, ['member-add'], { call, ledgerInfo: vi.fn(), openAnother: vi.fn(), chooseBackupFolder: vi.fn(), chooseBackupFile: vi.fn(), chooseStatementFile: vi.fn(), chooseStatementToCheck: vi.fn() });
    await ipcMain.handlers.get('app:set-language')!(OUR_PAGE, 'fr');
    await expect(ipcMain.handlers.get('ledger:member-add')!(OUR_PAGE, { fullName: 'Aline' })).resolves.toEqual({ ok: true, value: 'done' });
    expect(call).toHaveBeenCalledWith('member-add', { fullName: 'Aline' }, { locale: 'fr', screen: undefined });
    // A language we do not have is ignored.
    await ipcMain.handlers.get('app:set-language')!(OUR_PAGE, 'de');
    await ipcMain.handlers.get('app:set-screen')!(OUR_PAGE, 'members');
    await ipcMain.handlers.get('ledger:member-add')!(OUR_PAGE, {});
    expect(call).toHaveBeenLastCalledWith('member-add', {}, { locale: 'fr', screen: 'members' });
    const foreign = { senderFrame: { url: 'https://evil.example/' } };
    expect(() => ipcMain.handlers.get('ledger:member-add')!(foreign, {})).toThrow(/not Ikimina’s own page/);
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('asks where to save a statement only with a plain suggested name, never a path from the page', async () => {
    expect(plainFileName('Grant-use statement Huye District (HUYE/AGR/2025/014) 2026-03-01')).toBe('Grant-use statement Huye District HUYE AGR 2025 014 2026-03-01');
    expect(plainFileName('..')).toBe('statement');
    expect(plainFileName(42)).toBe('statement');
    const chooseStatementFile = vi.fn(async () => null);
    registerIpc(ipcMain as never, [], { call: vi.fn(), ledgerInfo: vi.fn(), openAnother: vi.fn(), chooseBackupFolder: vi.fn(), chooseBackupFile: vi.fn(), chooseStatementFile, chooseStatementToCheck: vi.fn() });
    const ask = ipcMain.handlers.get('app:choose-statement-file')!;
    await ask(OUR_PAGE, 'pdf', 'Trial balance 2025-03-31');
    await ask(OUR_PAGE, 'xlsx', '../../etc/passwd');
    await ask(OUR_PAGE, 'csv', '.hidden');
    // Made plain, never a path or a hidden name.
    expect(chooseStatementFile.mock.calls).toEqual([['pdf', 'Trial balance 2025-03-31'], ['xlsx', 'etc passwd'], ['csv', 'hidden']]);
    expect(await ask(OUR_PAGE, 'exe', 'x')).toBeNull();
    expect(chooseStatementFile).toHaveBeenCalledTimes(3);
  });
});

describe('preload', () => {
  it('exposes one frozen API object of named functions, never ipcRenderer', async () => {
    await import('../../electron/preload/preload');
    expect(contextBridge.exposed.map((e) => e.key)).toEqual(['ikimina']);
    const api = contextBridge.exposed[0]!.api as Record<string, unknown>;
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual(['call', 'chooseBackupFile', 'chooseBackupFolder', 'chooseStatementFile', 'chooseStatementToCheck', 'ledgerInfo', 'openAnotherLedger', 'setLanguage', 'setScreen']);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(ipcRenderer);
    expect(Object.values(api)).not.toContain(ipcRenderer.invoke);
  });

  it('sends a call only to its ledger channel, and answers a bad name without sending', async () => {
    const api = contextBridge.exposed[0]!.api as { call: (n: unknown, i: unknown) => Promise<any> };
    ipcRenderer.channels.add('ledger:member-list');
    await api.call('member-list', { associationId: 'a' });
    expect(ipcRenderer.invoked.at(-1)).toEqual({ channel: 'ledger:member-list', args: [{ associationId: 'a' }] });
    const before = ipcRenderer.invoked.length;
    for (const bad of ['app:set-language', '../x', 'ledger:member-list', 42, 'MemberList']) {
      expect((await api.call(bad, {})).error.code).toBe('handler-unknown');
    }
    expect(ipcRenderer.invoked.length).toBe(before);
    // A well-formed name with no channel (an older app) is a typed error too.
    expect((await api.call('member-fly', {})).error.code).toBe('handler-unknown');
  });
});
