// A ledger server over one database file: the handler registry, the clock, the id
// source, the sessions, and what guards the file as a whole — the check when it
// opens (and the full one in the background), the seal and the chains' heads kept
// current after every command, automatic backups, and restores.

import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { defaultMigrationsFolder, openLedger, type OpenLedger, type OpenOptions } from '../../db/open';
import { associations } from '../../db/schema';
import { typedQuery } from './prepared';
import { createRegistry, failure, type Registry } from './registry';
import { associationIds, localAssociationIds } from './association-record';
import { allHandlers, type AllHandlers } from './handlers';
import { uuidv7 } from './ids';
import type { Actor, HealthState, ServerDeps } from './context';
import { SessionStore } from './auth/sessions';
import { newPepperKey, pepperFrom, pepperFromFile, type Pepper } from './auth/pepper';
import { backupFileName, listAutoBackups, madeAt, makeBackup, rotateAutoBackups } from './backups/whole-file';
import type { LedgerFileSummary } from './backups/inspect';
import { prepareCandidate, swapInCandidate } from './backups/restore';
import { removeLeftoverCopies, removeWithCompanions } from './backups/copy';
import { replaceAssociationRows } from './backups/association-restore';
import { associationBackupName, makeAssociationBackup } from './backups/association-backup';
import { BY_IKIMINA, recordChange } from './audit-log';
import { LedgerError } from './errors';
import { Sealer } from './integrity/sealer';
import { forgetTableScopes } from './integrity/scope';
import { HeadStore } from './integrity/heads';
import { checkLedger, type IntegrityProblem, type IntegrityReport } from './integrity/check';
import { expectedSchema } from './integrity/expected-schema';
import { recordFindings, unresolvedProblems } from './integrity/findings';
import { changeChainHead } from './integrity/change-chain';
import type { RestoreResult } from './backups/handlers';
import { laptopKeyFromFile, newLaptopKey, type LaptopKey } from './auth/laptop-key';
import { ImportProgress } from './import-progress';
import { deletePracticeGroup } from './practice/delete';
import type { DeletedPractice } from './practice/handlers';

export interface LedgerServer extends Registry<AllHandlers> {
  readonly ledger: OpenLedger;
  /** An automatic backup of the whole file if the last one is older than `maxAgeHours` (0: always); a failure is kept for the health warning. */
  autoBackup(maxAgeHours: number): LedgerFileSummary | null;
  /** The full check (integrity, every chain and seal): run in the background after opening. */
  checkFully(): IntegrityReport;
  /** Everything the checks found that nobody has yet said was looked into, for the whole file. */
  unresolvedProblems(): IntegrityProblem[];
  close(): void;
  /** The import of groups' books under way (ledger exchange). */
  readonly importProgress: ImportProgress;
  /** Where this build's schema steps are, and the driver to open other files with. */
  readonly files: ServerDeps['files'];
  readonly now: () => Date;
  /** A folder beside the ledger for the exchange's files: copies being checked, conflicts kept aside. */
  workDir(kind: 'incoming' | 'conflicts'): string;
}

export interface ServerOptions extends Omit<OpenOptions, 'beforeMigrate'> {
  readonly now?: () => Date;
  readonly newId?: () => string;
  /** Where automatic backups go: a local folder, not a cloud-synced one. */
  readonly backupDir?: string;
  /** The laptop's PIN key (the app passes the one its key store keeps); else read from `pepperFile`. */
  readonly pepper?: Pepper;
  /** The PIN key's file: IKIMINA_PEPPER_FILE, or `ikimina-pin.key` beside the ledger. */
  readonly pepperFile?: string;
  /** Where the chains' heads are kept outside the file; null keeps them in memory only. */
  readonly headsFile?: string | null;
  /** The laptop's signing key (tests pass one); else read from `laptopKeyFile`. */
  readonly laptopKey?: LaptopKey;
  /** The signing key's file: IKIMINA_LAPTOP_KEY_FILE, or `ikimina-laptop.key` beside the ledger. */
  readonly laptopKeyFile?: string;
}

/** Every association's id and name, in the order the file holds them. */
const associationNames = typedQuery((db) => db.select({ id: associations.id, name: associations.name }).from(associations).prepare());

export function defaultHeadsFile(file: string): string {
  return join(dirname(file), 'ikimina-heads.json');
}

function pepperFor(file: string, options: ServerOptions): Pepper {
  if (options.pepper) return options.pepper;
  if (options.pepperFile) return pepperFromFile(options.pepperFile);
  if (process.env.IKIMINA_PEPPER_FILE) return pepperFromFile(process.env.IKIMINA_PEPPER_FILE);
  return file === ':memory:' ? pepperFrom(newPepperKey()) : pepperFromFile(join(dirname(file), 'ikimina-pin.key'));
}

function laptopKeyFor(file: string, options: ServerOptions): LaptopKey {
  if (options.laptopKey) return options.laptopKey;
  if (options.laptopKeyFile) return laptopKeyFromFile(options.laptopKeyFile);
  if (process.env.IKIMINA_LAPTOP_KEY_FILE) return laptopKeyFromFile(process.env.IKIMINA_LAPTOP_KEY_FILE);
  return file === ':memory:' ? newLaptopKey() : laptopKeyFromFile(join(dirname(file), 'ikimina-laptop.key'));
}

export function createServer(file: string, options: ServerOptions = {}): LedgerServer {
  const now = options.now ?? (() => new Date());
  const inMemory = file === ':memory:';
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  const files = { migrationsFolder, nativeBinding: options.nativeBinding };
  if (!inMemory) removeLeftoverCopies(dirname(file));
  const heads = new HeadStore(inMemory || options.headsFile === null ? null : (options.headsFile ?? defaultHeadsFile(file)));
  const health: HealthState = { report: null, checkedAt: null, backupFailure: null, runFull: () => runFull() };

  /** Opens the file, checking it as found (before any schema step), then brings it up to date and seals it. */
  function open(): { ledger: OpenLedger; sealer: Sealer } {
    let found: IntegrityReport | null = null;
    const ledger = openLedger(file, {
      ...options,
      beforeMigrate: (sqlite, steps) => {
        if (steps === 0) return;
        found = checkLedger(sqlite, { level: 'quick', heads, expectedSchema: expectedSchema(migrationsFolder, steps, options.nativeBinding) });
      },
    });
    if (ledger.upgradedSteps > 0) forgetTableScopes(ledger.sqlite);
    const sealer = new Sealer(ledger.sqlite);
    const report = found as IntegrityReport | null;
    if (report) {
      // Digests read before a schema step may not be those after it: then they are read again when needed.
      if (ledger.upgradedSteps === 0) for (const [associationId, digests] of report.digests) sealer.remember(associationId, digests);
      health.report = report;
      health.checkedAt = now().toISOString();
    }
    return { ledger, sealer };
  }

  const opened = open();
  const deps: ServerDeps = {
    ledger: opened.ledger,
    now,
    newId: options.newId ?? (() => uuidv7(now().getTime())),
    sessions: new SessionStore(now),
    backupDir: options.backupDir,
    pepper: pepperFor(file, options),
    laptopKey: laptopKeyFor(file, options),
    importProgress: new ImportProgress(),
    sealer: opened.sealer,
    heads,
    health,
    files,
  };
  afterOpening();
  let registry = createRegistry(allHandlers, deps);

  /** After an upgrade every association's history notes it with the new seal; heads not yet seen are recorded. */
  function afterOpening(): void {
    const sqlite = deps.ledger.sqlite;
    const associations = associationIds(sqlite);
    if (deps.ledger.upgradedSteps > 0) {
      const steps = readMigrationFiles({ migrationsFolder }).length;
      sqlite.transaction(() => {
        for (const associationId of [...localAssociationIds(sqlite), null]) recordChange(deps, BY_IKIMINA, { associationId, command: 'ledger-upgrade', input: { steps } });
      }).immediate();
      deps.sealer.committed();
    }
    // The laptop's own chain starts at once, so that its seal covers the tables of no association from the first day.
    if (!options.readonly && !changeChainHead(sqlite, null)) {
      sqlite.transaction(() => recordChange(deps, BY_IKIMINA, { associationId: null, command: 'ledger-seal', input: {} })).immediate();
      deps.sealer.committed();
    }
    const unseen = [...associations, null].filter((id) => !heads.seen(sqlite, id));
    const recorded = health.report ? keepFindings(health.report) : [];
    try {
      heads.record(sqlite, [...new Set([...unseen, ...recorded])], now());
    } catch (err) {
      console.error('[ikimina] the chain heads could not be written:', (err as Error).message);
    }
  }

  /** What a check found goes into the history, where it stays until someone has looked into it. */
  function keepFindings(report: IntegrityReport): (string | null)[] {
    if (report.problems.length === 0 || options.readonly) return [];
    try {
      return recordFindings(deps, report.problems);
    } catch (err) {
      // A file too damaged to write to: the warning is still shown from memory.
      console.error('[ikimina] the check’s findings could not be recorded:', (err as Error).message);
      return [];
    }
  }

  function reopen(): void {
    const next = open();
    deps.ledger = next.ledger;
    deps.sealer = next.sealer;
    registry = createRegistry(allHandlers, deps);
  }

  function runFull(): IntegrityReport {
    const report = checkLedger(deps.ledger.sqlite, {
      level: 'full', heads, expectedSchema: expectedSchema(migrationsFolder, readMigrationFiles({ migrationsFolder }).length, options.nativeBinding),
    });
    for (const [associationId, digests] of report.digests) deps.sealer.remember(associationId, digests);
    health.report = report;
    health.checkedAt = now().toISOString();
    const recorded = keepFindings(report);
    if (recorded.length > 0) heads.record(deps.ledger.sqlite, recorded, now());
    return report;
  }

  const signedIn = (actor: Actor) => {
    const user = deps.sessions.resolve(actor.session);
    return user && user !== 'expired' ? user : null;
  };

  /** One row of history, written by the server itself (not by a command's handler), for the person `by`. */
  function record(by: ReturnType<typeof signedIn>, actor: Actor, associationId: string | null, command: string, input: unknown): void {
    const author = { actor: by?.name ?? 'unknown', userId: by?.userId ?? null, role: by?.role ?? null, channel: actor.channel, screen: actor.screen ?? null };
    recordChange(deps, author, { associationId, command, input });
  }

  function restoreWholeFile(backupFile: string, actor: Actor): RestoreResult {
    const candidate = prepareCandidate(backupFile, file, files);
    const before = associationNames(deps.ledger).all();
    const by = signedIn(actor);
    // The heads seen so far no longer apply once the books go back; forgotten first, so
    // that a crash after the swap does not show the restored books as tampered with.
    heads.forget(deps.ledger.sqlite, [...new Set([...before.map((a) => a.id), ...candidate.summary.associations.map((a) => a.id)]), null]);
    let keptAside: string;
    try {
      deps.ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      deps.ledger.close();
      keptAside = swapInCandidate(file, candidate.file, now());
    } catch (err) {
      removeWithCompanions(candidate.file);
      reopen();
      heads.record(deps.ledger.sqlite, [...before.map((a) => a.id), null], now());
      throw err;
    }
    reopen();
    // Everyone signs in again: the restored books have their own users.
    deps.sessions.closeWhere(() => true);
    const after = associationNames(deps.ledger).all();
    const input = { file: backupFile, keptAside, by: by?.name ?? null, before: before.map((a) => a.name), after: after.map((a) => a.name) };
    // The history of every association the restore touched, and the laptop's, record it.
    deps.ledger.sqlite.transaction(() => {
      for (const a of after) record(by, actor, a.id, 'ledger-backup-restore', input);
      record(by, actor, null, 'ledger-backup-restore', input);
    }).immediate();
    deps.sealer.committed();
    heads.record(deps.ledger.sqlite, [...after.map((a) => a.id), null], now());
    return { file: backupFile, associationId: null, restoredFrom: { ...candidate.summary, file: backupFile }, keptAside };
  }

  function restoreAssociation(associationId: string, backupFile: string, actor: Actor): RestoreResult {
    const candidate = prepareCandidate(backupFile, file, files, associationId);
    try {
      // The books as they are now are kept first, as an ordinary backup of the association.
      const folder = deps.backupDir ?? dirname(file);
      const kept = makeAssociationBackup(deps.ledger.sqlite, associationId, folder, associationBackupName(associationId, now()).replace(/\.sqlite$/, '-before-restore.sqlite'), { ...files });
      heads.forget(deps.ledger.sqlite, [associationId]);
      try {
        replaceAssociationRows(deps.ledger.sqlite, associationId, candidate.file, () =>
          record(signedIn(actor), actor, associationId, 'backup-restore', { file: backupFile, keptAside: kept.file }));
      } catch (err) {
        deps.sealer.rolledBack();
        // Nothing changed: the heads are those of the books as they still are.
        heads.record(deps.ledger.sqlite, [associationId], now());
        throw err;
      }
      deps.sealer.committed();
      deps.sessions.closeWhere((u) => u.associationId === associationId);
      heads.record(deps.ledger.sqlite, [associationId], now());
      const restoredFrom = candidate.summary;
      return {
        file: backupFile,
        associationId,
        restoredFrom: { ...restoredFrom, file: backupFile, associations: restoredFrom.associations.filter((a) => a.id === associationId), problems: [] },
        keptAside: kept.file,
      };
    } finally {
      removeWithCompanions(candidate.file);
    }
  }

  function deletePractice(practice: DeletedPractice, actor: Actor): DeletedPractice {
    const by = signedIn(actor);
    const deleted = deletePracticeGroup({
      sqlite: deps.ledger.sqlite, sealer: deps.sealer, heads, now,
      record: (input) => record(by, actor, null, 'practice-delete', input),
    }, practice);
    // Whoever was signed in to it is signed out: their user went with it.
    deps.sessions.closeWhere((u) => u.associationId === practice.associationId);
    return deleted;
  }

  const exchangeRoot = inMemory ? join(tmpdir(), `ikimina-exchange-${process.pid}`) : join(dirname(file), 'ikimina-exchange');
  return {
    handlers: allHandlers,
    importProgress: deps.importProgress,
    files,
    now,
    workDir: (kind) => join(exchangeRoot, kind),
    get ledger() {
      return deps.ledger;
    },
    callInternal: (name, input, actor) => registry.callInternal(name, input, actor),
    call(name, input, actor) {
      const result = registry.call(name, input, actor);
      if (!result.ok || !allHandlers[name].effect) return result;
      // The registry cannot replace the file it is writing to: the server does, once the call is allowed.
      try {
        if (allHandlers[name].effect === 'delete-practice') return { ok: true, value: deletePractice(result.value as DeletedPractice, actor) } as typeof result;
        const pending = result.value as RestoreResult;
        const restored = pending.associationId === null ? restoreWholeFile(pending.file, actor) : restoreAssociation(pending.associationId, pending.file, actor);
        return { ok: true, value: restored } as typeof result;
      } catch (err) {
        return failure(err) as unknown as typeof result;
      }
    },
    autoBackup(maxAgeHours) {
      if (!deps.backupDir) return null;
      try {
        const newest = listAutoBackups(deps.backupDir)[0];
        const newestAt = newest ? madeAt(newest.file) : null;
        if (newestAt && now().getTime() - newestAt.getTime() < maxAgeHours * 3600_000) return null;
        const summary = makeBackup(deps.ledger.sqlite, deps.backupDir, backupFileName('auto', now()), files);
        rotateAutoBackups(deps.backupDir);
        health.backupFailure = null;
        return summary;
      } catch (err) {
        const code = (err as { code?: string }).code ?? '';
        health.backupFailure = {
          at: now().toISOString(),
          code: err instanceof LedgerError ? err.code : code === 'ENOSPC' || code === 'SQLITE_FULL' ? 'disk-full' : /^E[A-Z]+$/.test(code) ? 'backup-folder-unwritable' : 'internal-error',
        };
        console.error('[ikimina] automatic backup failed:', (err as Error).message);
        return null;
      }
    },
    checkFully: runFull,
    unresolvedProblems() {
      const chains = [...associationIds(deps.ledger.sqlite), null];
      return unresolvedProblems(deps.ledger, chains, health.report?.problems ?? []);
    },
    close() {
      heads.flush();
      deps.ledger.close();
    },
  };
}

