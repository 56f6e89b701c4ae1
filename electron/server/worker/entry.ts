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
try {
  server = createServer(options.file, { migrationsFolder: options.migrationsFolder, nativeBinding: options.nativeBinding });
  send({ kind: 'ready', file: options.file, handlers: Object.keys(server.handlers) });
  port.on('message', (message: ToWorker | 'close') => {
    if (message === 'close') {
      // Close the database cleanly (the WAL is checkpointed) before the thread ends.
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
