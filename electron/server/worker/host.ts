// The main process's side of the ledger worker: starts it on a ledger file, relays
// calls to it and their results back, and can switch to another file. Plain Node
// (worker_threads), so it is tested without Electron.

import { Worker } from 'node:worker_threads';
import type { Actor } from '../context';
import type { Result } from '../errors';
import { workerGoneError, type FromWorker, type WorkerOptions } from './protocol';

export interface LedgerHost {
  readonly file: string;
  /** Every handler the server answers. */
  readonly handlers: readonly string[];
  call(name: string, input: unknown, actor: Actor): Promise<Result<unknown>>;
  close(): Promise<void>;
}

export class LedgerHostOpenError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export interface HostOptions extends WorkerOptions {
  /** The worker's script: the bundled .cjs in the app, the .ts source in tests. */
  readonly workerScript: string | URL;
  readonly execArgv?: string[];
}

export function startLedgerHost(options: HostOptions): Promise<LedgerHost> {
  const { workerScript, execArgv, ...workerData } = options;
  const worker = new Worker(workerScript, { workerData, execArgv });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  let gone = false;

  const failAll = () => {
    gone = true;
    for (const resolve of pending.values()) resolve({ ok: false, error: workerGoneError() });
    pending.clear();
  };

  return new Promise((resolveHost, rejectHost) => {
    worker.on('error', (err) => {
      failAll();
      rejectHost(new LedgerHostOpenError('unreadable', err.message));
    });
    worker.on('exit', failAll);
    worker.on('message', (message: FromWorker) => {
      if (message.kind === 'failed-to-open') {
        void worker.terminate();
        rejectHost(new LedgerHostOpenError(message.code, message.message));
      } else if (message.kind === 'ready') {
        resolveHost({
          file: message.file,
          handlers: message.handlers,
          call(name, input, actor) {
            if (gone) return Promise.resolve({ ok: false, error: workerGoneError() });
            const id = nextId++;
            return new Promise((resolve) => {
              pending.set(id, resolve);
              worker.postMessage({ id, name, input, actor });
            });
          },
          close() {
            if (gone) return Promise.resolve();
            return new Promise<void>((done) => {
              worker.once('exit', () => done());
              worker.postMessage('close');
            });
          },
        });
      } else {
        const resolve = pending.get(message.id);
        pending.delete(message.id);
        resolve?.(message.result);
      }
    });
  });
}
