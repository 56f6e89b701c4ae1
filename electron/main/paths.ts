// Where the app finds its parts and keeps the books.

import { app } from 'electron';
import { join } from 'node:path';

/** The default ledger: in the user's app-data folder, nothing to configure. */
export function defaultLedgerFile(): string {
  return join(app.getPath('userData'), 'ikimina-ledger.sqlite');
}

/**
 * Automatic backups: in the app-data folder, which is on this laptop's own disk and
 * not in the folders cloud services sync by default (Desktop, Documents).
 */
export function backupFolder(): string {
  return join(app.getPath('userData'), 'backups');
}

/** The bundled files sit beside main.cjs (dist-electron/, or inside app.asar). */
export function bundlePaths(mainDir: string) {
  return {
    preload: join(mainDir, 'preload.cjs'),
    worker: join(mainDir, 'ledger-worker.cjs'),
    migrations: join(mainDir, 'migrations'),
    renderer: join(mainDir, '..', 'dist', 'renderer'),
  };
}

/**
 * better-sqlite3 built for Electron's ABI, kept apart from the Node build that the
 * tests use: in the installed app under resources/native, in development where
 * `npm start` built it (passed in IKIMINA_NATIVE_BINDING).
 */
export function electronNativeBinding(): string | undefined {
  if (process.env.IKIMINA_NATIVE_BINDING) return process.env.IKIMINA_NATIVE_BINDING;
  return app.isPackaged ? join(process.resourcesPath, 'native', 'better_sqlite3.node') : undefined;
}
