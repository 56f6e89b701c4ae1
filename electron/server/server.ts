// A ledger server over one database file: the handler registry, the clock, the id
// source and the sessions. Every transport — Electron IPC, the CLI, the test
// harness — calls this. It also owns what touches the file as a whole: automatic
// backups, and putting a backup in place of the file.

import { openLedger, type OpenLedger, type OpenOptions } from '../../db/open';
import { createRegistry, type Registry } from './registry';
import { allHandlers, type AllHandlers } from './handlers';
import { uuidv7 } from './ids';
import type { Actor, ServerDeps } from './context';
import { SessionStore } from './auth/sessions';
import { backupFileName, listAutoBackups, madeAt, makeBackup, rotateAutoBackups } from './backup/backup';
import type { LedgerFileSummary } from './backup/inspect';
import { swapInBackup } from './backup/restore';
import { writeChange } from './audit-log';
import type { RestoreResult } from './domains/backup';

export interface LedgerServer extends Registry<AllHandlers> {
  readonly ledger: OpenLedger;
  /** An automatic backup if the last one is older than `maxAgeHours` (0: always). */
  autoBackup(maxAgeHours: number): LedgerFileSummary | null;
  close(): void;
}

export interface ServerOptions extends OpenOptions {
  readonly now?: () => Date;
  readonly newId?: () => string;
  /** Where automatic backups go: a local folder, not a cloud-synced one. */
  readonly backupDir?: string;
}

export function createServer(file: string, options: ServerOptions = {}): LedgerServer {
  const now = options.now ?? (() => new Date());
  const deps: ServerDeps = {
    ledger: openLedger(file, options),
    now,
    newId: options.newId ?? (() => uuidv7(now().getTime())),
    sessions: new SessionStore(now),
    backupDir: options.backupDir,
  };
  let registry = createRegistry(allHandlers, deps);

  function restore(result: RestoreResult, actor: Actor): RestoreResult {
    const by = deps.sessions.resolve(actor.session);
    deps.ledger.close();
    let keptAside: string;
    try {
      keptAside = swapInBackup(file, result.restoredFrom.file, now());
    } finally {
      deps.ledger = openLedger(file, options);
      registry = createRegistry(allHandlers, deps);
    }
    // Everyone signs in again: the restored books have their own users.
    deps.sessions.closeWhere(() => true);
    const user = by && by !== 'expired' ? by : null;
    writeChange(deps.ledger.sqlite, {
      id: deps.newId(), associationId: user?.associationId ?? null, at: now().toISOString(), actor: user?.name ?? 'unknown',
      userId: user?.userId ?? null, role: user?.role ?? null, channel: actor.channel, screen: actor.screen ?? null,
      command: 'backup-restore', input: { file: result.restoredFrom.file, keptAside }, targetId: null, outcome: 'done',
    });
    return { ...result, keptAside };
  }

  return {
    handlers: allHandlers,
    get ledger() {
      return deps.ledger;
    },
    call(name, input, actor) {
      const result = registry.call(name, input, actor);
      // The registry cannot swap the file it is writing to: the server does, after the command is recorded.
      if (result.ok && allHandlers[name].effect === 'replace-ledger') {
        return { ok: true, value: restore(result.value as RestoreResult, actor) } as typeof result;
      }
      return result;
    },
    autoBackup(maxAgeHours) {
      if (!deps.backupDir) return null;
      const newest = listAutoBackups(deps.backupDir)[0];
      const newestAt = newest ? madeAt(newest.file) : null;
      if (newestAt && now().getTime() - newestAt.getTime() < maxAgeHours * 3600_000) return null;
      const summary = makeBackup(deps.ledger.sqlite, deps.backupDir, backupFileName('auto', now()));
      rotateAutoBackups(deps.backupDir);
      return summary;
    },
    close: () => deps.ledger.close(),
  };
}
