// Files checked by the import (outside any transaction) and waiting for the internal
// command that takes them in: handed over by a one-time id, never through a caller.

import { randomBytes } from 'node:crypto';
import type { CheckedFile } from './file-check';

const waiting = new Map<string, CheckedFile>();

export function handOver(checked: CheckedFile): string {
  const key = randomBytes(16).toString('hex');
  waiting.set(key, checked);
  return key;
}

/** The checked file for `key`; it is handed over once. */
export function takeChecked(key: string): CheckedFile {
  const checked = waiting.get(key);
  if (!checked) throw new Error('No checked file waits under this id');
  return checked;
}

export function forget(key: string): void {
  waiting.delete(key);
}
