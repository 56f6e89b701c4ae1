// The Electron main process: a thin relay. One window, one instance, the ledger
// server on a worker thread, IPC to it, and nothing else.

import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { join } from 'node:path';
import { startLedgerHost, type LedgerHost } from '../server/worker/host';
import type { LedgerFileInfo } from '../server/contract';
import { registerAppScheme, serveRenderer, START_URL } from './app-protocol';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { backupFolder, bundlePaths, defaultLedgerFile, electronNativeBinding } from './paths';
import { ChosenPaths, type ChosenPath } from './chosen-paths';
import { ledgerRelay } from './ledger-relay';
import { installLanguage, startUrlWithLanguage } from './install-language';
import { loadPinKey } from './pin-key';

const paths = bundlePaths(__dirname);
let host: LedgerHost | null = null;
let window: BrowserWindow | null = null;
/** Paths picked in dialogs: the page only ever holds tokens for them. */
const chosen = new ChosenPaths();

function openHost(file: string): Promise<LedgerHost> {
  return startLedgerHost({
    file, workerScript: paths.worker, migrationsFolder: paths.migrations, nativeBinding: electronNativeBinding(), backupDir: backupFolder(),
    // The PIN key stays out of the ledger; the worker gets it, never the page.
    pepperHex: loadPinKey(app.getPath('userData')).toString('hex'),
    headsFile: join(app.getPath('userData'), 'ikimina-heads.json'),
    // One signing key per laptop, whichever ledger file is open.
    laptopKeyFile: join(app.getPath('userData'), 'ikimina-laptop.key'),
  });
}

async function choose(kind: 'folder' | 'file'): Promise<ChosenPath | null> {
  if (!window) return null;
  const picked = await dialog.showOpenDialog(window, kind === 'folder'
    ? { title: 'Back up to…', properties: ['openDirectory', 'createDirectory'] }
    : { title: 'Restore from a backup', properties: ['openFile'], defaultPath: backupFolder(), filters: [{ name: 'Ikimina backup', extensions: ['sqlite'] }] });
  const path = picked.canceled ? undefined : picked.filePaths[0];
  return path ? chosen.remember(path) : null;
}

/** Where to save a statement: a file (PDF, XLSX) or the name of a new folder (CSV, one file per table). */
async function chooseStatementFile(format: 'pdf' | 'xlsx' | 'csv', suggestedName: string): Promise<ChosenPath | null> {
  if (!window) return null;
  const filters = format === 'pdf' ? [{ name: 'PDF', extensions: ['pdf'] }] : format === 'xlsx' ? [{ name: 'Excel', extensions: ['xlsx'] }] : [];
  const picked = await dialog.showSaveDialog(window, {
    title: format === 'csv' ? 'Save the CSV files in a new folder named…' : 'Save the statement as…',
    defaultPath: join(app.getPath('documents'), format === 'csv' ? suggestedName : `${suggestedName}.${format}`), filters,
  });
  return picked.canceled || !picked.filePath ? null : chosen.remember(picked.filePath);
}

async function chooseStatementToCheck(): Promise<ChosenPath | null> {
  if (!window) return null;
  const picked = await dialog.showOpenDialog(window, {
    title: 'Check a statement', properties: ['openFile'],
    filters: [{ name: 'Statements', extensions: ['pdf', 'xlsx', 'csv'] }],
  });
  const path = picked.canceled ? undefined : picked.filePaths[0];
  return path ? chosen.remember(path) : null;
}

function info(): LedgerFileInfo {
  return { file: host?.file ?? '', canOpenAnother: true };
}

async function openAnother(): Promise<LedgerFileInfo | null> {
  if (!window) return null;
  const picked = await dialog.showOpenDialog(window, {
    title: 'Open another ledger file',
    properties: ['openFile'],
    filters: [{ name: 'Ikimina ledger', extensions: ['sqlite', 'ikimina', 'db'] }, { name: 'All files', extensions: ['*'] }],
  });
  const file = picked.filePaths[0];
  if (picked.canceled || !file) return null;
  try {
    const next = await openHost(file);
    await host?.close();
    host = next;
    return info();
  } catch (err) {
    await dialog.showMessageBox(window, { type: 'error', message: (err as Error).message });
    return null;
  }
}

async function start(): Promise<void> {
  try {
    host = await openHost(defaultLedgerFile());
  } catch (err) {
    dialog.showErrorBox('Ikimina', (err as Error).message);
    app.exit(1);
    return;
  }
  hardenSession(session.defaultSession);
  serveRenderer(paths.renderer);
  // The session token stays in the relay, in the main process; the page never holds it.
  registerIpc(ipcMain, host.handlers, {
    call: ledgerRelay(() => host!, chosen),
    ledgerInfo: info,
    openAnother,
    chooseBackupFolder: () => choose('folder'),
    chooseBackupFile: () => choose('file'),
    chooseStatementFile,
    chooseStatementToCheck,
  });
  Menu.setApplicationMenu(buildMenu({ openAnother: () => void openAnother().then((r) => r && window?.reload()) }));
  window = createMainWindow(paths.preload, startUrlWithLanguage(START_URL, app.isPackaged ? installLanguage(process.resourcesPath) : null));
}

if (!app.requestSingleInstanceLock()) {
  // Another Ikimina is already open on this laptop: it gets the focus instead.
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!host) return;
    // Close the books cleanly before leaving.
    event.preventDefault();
    const closing = host;
    host = null;
    void closing.close().finally(() => app.quit());
  });
  void app.whenReady().then(start);
}
