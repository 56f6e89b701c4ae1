// Messages between the ledger host (main process) and the ledger worker thread.

import type { Actor } from '../context';
import type { ErrorResult, Result } from '../errors';

export interface WorkerOptions {
  readonly file: string;
  /** Where automatic backups go (made at start if a day old, hourly check, and on close). */
  readonly backupDir?: string;
  readonly migrationsFolder?: string;
  readonly nativeBinding?: string;
  /** The laptop's PIN key (hex), from the key store the shell keeps it in. */
  readonly pepperHex?: string;
  /** Where the chains' heads are kept, beside the app's data. */
  readonly headsFile?: string;
  /** The laptop's signing key for the books it exports, beside the app's data. */
  readonly laptopKeyFile?: string;
}

export type ToWorker = { readonly id: number; readonly name: string; readonly input: unknown; readonly actor: Actor };

export type FromWorker =
  | { readonly kind: 'ready'; readonly file: string; readonly handlers: readonly string[] }
  | { readonly kind: 'failed-to-open'; readonly code: string; readonly message: string }
  | { readonly kind: 'result'; readonly id: number; readonly result: Result<unknown> };

export function workerGoneError(): ErrorResult {
  return { code: 'internal-error', messageKey: 'errors.internal-error', params: {}, message: 'The ledger stopped unexpectedly. Nothing was saved.' };
}
