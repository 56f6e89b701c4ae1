// The ledger worker: the server runs on its own thread so that long commands never
// freeze the window. It answers one message at a time, in order.

import { parentPort, workerData } from 'node:worker_threads';
import { createServer, type LedgerServer } from '../server';
import { pepperFrom } from '../auth/pepper';
import { LedgerOpenError } from '../../../db/open';
import type { FromWorker, ToWorker, WorkerOptions } from './protocol';
import { ASYNC_COMMANDS, isAsyncCommand, runAsyncCommand } from '../async-commands';
import { failure } from '../registry';
import type { Result } from '../errors';

const port = parentPort;
if (!port) throw new Error('The ledger worker must run in a worker thread');
const options = workerData as WorkerOptions;
const send = (message: FromWorker) => port.postMessage(message);

let server: LedgerServer;
/** Calls that only read or flag the import under way (never the books): not queued behind it. */
const IMMEDIATE = new Set(['exchange-import-progress', 'exchange-import-cancel']);
let queue: Promise<void> = Promise.resolve();

/** A failed automatic backup or check must not stop the books; the server keeps the failure for the warning every signed-in person sees. */
function safely(job: () => unknown): void {
  try {
    job();
  } catch (err) {
    console.error('[ikimina] background job failed:', (err as Error).message);
  }
}
try {
  server = createServer(options.file, {
    migrationsFolder: options.migrationsFolder, nativeBinding: options.nativeBinding, backupDir: options.backupDir,
    ...(options.pepperHex ? { pepper: pepperFrom(Buffer.from(options.pepperHex, 'hex')) } : {}),
    ...(options.headsFile ? { headsFile: options.headsFile } : {}),
    ...(options.laptopKeyFile ? { laptopKeyFile: options.laptopKeyFile } : {}),
  });
  // The page gets a channel for every command but the server's internal ones.
  const open = Object.entries(server.handlers).filter(([, def]) => !def.internal).map(([name]) => name);
  send({ kind: 'ready', file: options.file, handlers: [...open, ...ASYNC_COMMANDS] });
  // The newest entries were checked on opening; the whole file now, in the background
  // (calls wait while it runs, the window does not), then a daily backup, checked at
  // start and every hour while the app is open.
  setTimeout(() => safely(() => server.checkFully()), 2000).unref();
  const daily = () => safely(() => server.autoBackup(24));
  setTimeout(daily, 2500).unref();
  const timer = setInterval(daily, 3600_000);
  timer.unref();
  port.on('message', (message: ToWorker | 'close') => {
    if (message === 'close') {
      // After the calls already asked for: a backup on every close, then close the database cleanly (the WAL is folded in).
      void queue.then(() => {
        safely(() => server.autoBackup(0));
        server.close();
        port.close();
      });
      return;
    }
    // How far an import has come, and asking it to stop, are answered at once: the import itself waits in the queue, yielding between files.
    if (IMMEDIATE.has(message.name)) {
      send({ kind: 'result', id: message.id, result: server.call(message.name as never, message.input, message.actor) });
      return;
    }
    // One call at a time, in order: a command that writes a file finishes before the next call starts.
    queue = queue.then(async () => {
      let result: Result<unknown>;
      try {
        result = isAsyncCommand(message.name)
          ? await runAsyncCommand(server, message.name, message.input, message.actor)
          : server.call(message.name as never, message.input, message.actor);
      } catch (err) {
        // Whatever went wrong answers this call; it never stops the calls after it.
        result = failure(err);
      }
      send({ kind: 'result', id: message.id, result });
    });
  });
} catch (err) {
  const code = err instanceof LedgerOpenError ? err.code : 'unreadable';
  send({ kind: 'failed-to-open', code, message: (err as Error).message });
}
