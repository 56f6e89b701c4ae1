// A ledger server over one database file: the handler registry, the clock and the id
// source. Every transport — Electron IPC, the CLI, the test harness — calls this.

import { openLedger, type OpenLedger, type OpenOptions } from '../../db/open';
import { createRegistry, type Registry } from './registry';
import { allHandlers, type AllHandlers } from './handlers';
import { uuidv7 } from './ids';
import type { ServerDeps } from './context';
import { SessionStore } from './auth/sessions';

export interface LedgerServer extends Registry<AllHandlers> {
  readonly ledger: OpenLedger;
  close(): void;
}

export interface ServerOptions extends OpenOptions {
  readonly now?: () => Date;
  readonly newId?: () => string;
  readonly backupDir?: string;
}

export function createServer(file: string, options: ServerOptions = {}): LedgerServer {
  const ledger = openLedger(file, options);
  const now = options.now ?? (() => new Date());
  const deps: ServerDeps = { ledger, now, newId: options.newId ?? (() => uuidv7(now().getTime())), sessions: new SessionStore(now), backupDir: options.backupDir };
  const registry = createRegistry(allHandlers, deps);
  return { ...registry, ledger, close: () => ledger.close() };
}
