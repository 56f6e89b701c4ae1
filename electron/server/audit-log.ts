// One row of the change log. Written by the registry for every command, and by the
// server itself for what happens outside a command (a restore).

import type Database from 'better-sqlite3';
import { prepared } from './prepared';

export interface ChangeRow {
  readonly id: string;
  readonly associationId: string | null;
  readonly at: string;
  readonly actor: string;
  readonly userId: string | null;
  readonly role: string | null;
  readonly channel: string;
  readonly screen: string | null;
  readonly command: string;
  readonly input: unknown;
  readonly targetId: string | null;
  readonly outcome: string;
}

const SECRET_KEY = /pin|password|recoverycode/i;

/** PINs, passwords and recovery codes never reach the change log. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '•••' : redactSecrets(v)]));
  }
  return value;
}

export function writeChange(sqlite: Database.Database, row: ChangeRow): void {
  prepared(
    sqlite,
    `INSERT INTO change_log (id, association_id, at, actor, user_id, role, channel, screen, command, input_json, target_id, outcome)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.id, row.associationId, row.at, row.actor, row.userId, row.role, row.channel, row.screen, row.command,
    JSON.stringify(redactSecrets(row.input)), row.targetId, row.outcome);
}
