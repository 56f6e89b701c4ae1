// CSV, RFC 4180, UTF-8: one file per table (columns named by their stable keys) and
// particulars.csv with the association, the statement and its fingerprint. Amounts in
// major units with a point, dates as ISO days: for scripts, not for people.

import type { CurrencyCode } from '../../money/currency';
import { tableLayout, type RawTable, type Statement, type TableLayout } from '../model';
import { fromPlain, plainCell } from './cells';

/** One CSV field: quoted when it holds a comma, a quote or a line break (quotes doubled). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLines(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The files of a CSV export: name → content. */
export function renderCsv(statement: Statement): Map<string, string> {
  const code = statement.association.currency;
  const files = new Map<string, string>();
  files.set('particulars.csv', csvLines([
    ['field', 'value'],
    ['association', statement.association.name],
    ['place', statement.association.place],
    ['registration_no', statement.association.registrationNo ?? ''],
    ['currency', code],
    ['statement', statement.title],
    ['period', statement.period],
    ['printed_by', statement.printedBy],
    ['printed_at', statement.printedAt],
    ['last_entry', String(statement.fingerprint.lastEntry)],
    ['chain_head', statement.fingerprint.chainHead],
    ['content_hash', statement.fingerprint.contentHash],
    ['fingerprint', JSON.stringify(statement.fingerprint)],
    ['tables', JSON.stringify(tableLayout(statement))],
  ]));
  for (const table of statement.tables) {
    const rows = [...table.rows, ...(table.total ? [table.total] : [])];
    files.set(`${table.key}.csv`, csvLines([table.columns.map((c) => c.key), ...rows.map((r) => r.map((v, i) => plainCell(table.columns[i]!.kind, v, code)))]));
  }
  return files;
}

/** RFC 4180 text to rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { value += '"'; i++; } else if (c === '"') quoted = false; else value += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(value); value = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(value); rows.push(row); row = []; value = '';
    } else value += c;
  }
  if (value !== '' || row.length > 0) { row.push(value); rows.push(row); }
  return rows;
}

/** The raw tables of a CSV export, read back, as the particulars describe them. */
export function tablesFromCsv(particulars: ReadonlyMap<string, string>, files: ReadonlyMap<string, string>): RawTable[] {
  const code = particulars.get('currency') as CurrencyCode;
  const layout = JSON.parse(particulars.get('tables') ?? '[]') as TableLayout[];
  return layout.map((t) => {
    const [, ...body] = parseCsv(files.get(`${t.key}.csv`) ?? '');
    const raw = body.map((r) => r.map((v, i) => fromPlain(t.kinds[i] ?? 'text', v, code)));
    return t.total ? { key: t.key, rows: raw.slice(0, -1), total: raw.at(-1) ?? [] } : { key: t.key, rows: raw };
  });
}
