// The ledger worker: the server runs on its own thread so that long commands never
// freeze the window. It answers one message at a time, in order.

import { parentPort, workerData } from 'node:worker_threads';
import { createServer, type LedgerServer } from '../server';
import { LedgerOpenError } from '../../../db/open';
import type { FromWorker, ToWorker, WorkerOptions } from './protocol';

const port = parentPort;
if (!port) throw new Error('The ledger worker must run in a worker thread');
const options = workerData as WorkerOptions;
const send = (message: FromWorker) => port.postMessage(message);

let server: LedgerServer;

/** A failed automatic backup must not stop the books; it is reported and tried again later. */
function safely(backup: () => unknown): void {
  try {
    backup();
  } catch (err) {
    console.error('[ikimina] automatic backup failed:', (err as Error).message);
  }
}
try {
  server = createServer(options.file, { migrationsFolder: options.migrationsFolder, nativeBinding: options.nativeBinding, backupDir: options.backupDir });
  send({ kind: 'ready', file: options.file, handlers: Object.keys(server.handlers) });
  // A daily backup: checked at start and every hour while the app is open.
  const daily = () => safely(() => server.autoBackup(24));
  daily();
  const timer = setInterval(daily, 3600_000);
  timer.unref();
  port.on('message', (message: ToWorker | 'close') => {
    if (message === 'close') {
      // A backup on every close, then close the database cleanly (the WAL is folded in).
      safely(() => server.autoBackup(0));
      server.close();
      port.close();
      return;
    }
    send({ kind: 'result', id: message.id, result: server.call(message.name as never, message.input, message.actor) });
  });
} catch (err) {
  const code = err instanceof LedgerOpenError ? err.code : 'unreadable';
  send({ kind: 'failed-to-open', code, message: (err as Error).message });
}
