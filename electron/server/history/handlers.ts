// The audit trail: every command that changed something, who ran it, when, from
// which screen or door. Read-only; the change log itself is append-only.

import { z } from 'zod';
import { handler } from '../registry';
import { prepared } from '../prepared';
import { id, isoDate } from '../validation';
import { READERS, type Role } from '../auth/access';

export interface AuditRow {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly role: Role | null;
  readonly channel: string;
  readonly screen: string | null;
  readonly command: string;
  readonly targetId: string | null;
  readonly outcome: string;
  /** The command's input as recorded (PINs and codes already blanked out). */
  readonly input: unknown;
}

export const auditHandlers = {
  'audit-list': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'The audit trail: who changed what, when, from where; newest first, filtered',
    input: z.strictObject({
      associationId: id,
      from: isoDate.optional(),
      to: isoDate.optional(),
      actor: z.string().trim().max(80).optional(),
      command: z.string().trim().max(60).optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    run(ctx, input): { rows: AuditRow[]; total: number } {
      const where = ['association_id = ?'];
      const args: (string | number)[] = [input.associationId];
      // `at` is an ISO moment; a date filter covers whole days.
      if (input.from) {
        where.push('at >= ?');
        args.push(`${input.from}T00:00:00.000Z`);
      }
      if (input.to) {
        where.push('at <= ?');
        args.push(`${input.to}T23:59:59.999Z`);
      }
      if (input.actor) {
        where.push('actor = ?');
        args.push(input.actor);
      }
      if (input.command) {
        where.push('command = ?');
        args.push(input.command);
      }
      const clause = where.join(' AND ');
      const total = (prepared(ctx.ledger.sqlite, `SELECT count(*) AS n FROM change_log WHERE ${clause}`).get(...args) as { n: number }).n;
      const rows = prepared(
        ctx.ledger.sqlite,
        `SELECT id, at, actor, role, channel, screen, command, target_id AS targetId, outcome, input_json AS inputJson
           FROM change_log WHERE ${clause} ORDER BY at DESC, rowid DESC LIMIT ? OFFSET ?`,
      ).all(...args, input.limit, input.offset) as (Omit<AuditRow, 'input'> & { inputJson: string })[];
      return { rows: rows.map(({ inputJson, ...r }) => ({ ...r, input: JSON.parse(inputJson) as unknown })), total };
    },
  }),
};
