// XLSX with exceljs: a first sheet with the particulars (the association, the
// statement, who printed it and the books' fingerprint in full), then one sheet per
// table — amounts as numbers in the currency's format, dates as dates, the header row
// frozen. Opens in Excel and LibreOffice.

import ExcelJS from 'exceljs';
import { messageIn } from '../../messages/render';
import type { CurrencyCode } from '../../money/currency';
import { tableLayout, type RawTable, type Statement, type TableLayout } from '../model';
import { fromSheet, moneyFormat, sheetValue } from './cells';

const PARTICULARS = 'particulars';
/** The most a statement's table holds: a layout that claims more is not read past it. */
const MAX_ROWS = 100_000;
const MAX_COLUMNS = 16;
/** A workbook whose files would unpack to more than this is refused before it is opened (a zip bomb). */
const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;

/** The size a zip's entries say they unpack to, from its central directory (a ZIP64 entry counts as too big). */
function unzippedSize(bytes: Buffer): number {
  let total = 0;
  for (let at = bytes.indexOf(CENTRAL_ENTRY); at >= 0 && at + 28 <= bytes.length; at = bytes.indexOf(CENTRAL_ENTRY, at + 4)) {
    const size = bytes.readUInt32LE(at + 24);
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
  }
  return total;
}
const CENTRAL_ENTRY = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const MACHINE = { fingerprint: 'ikimina.fingerprint', tables: 'ikimina.tables', currency: 'ikimina.currency' } as const;

export async function renderXlsx(statement: Statement): Promise<Buffer> {
  const say = (key: string) => messageIn(statement.locale, `statement.${key}`, {});
  const code = statement.association.currency;
  const book = new ExcelJS.Workbook();
  book.creator = 'Ikimina';
  book.title = statement.title;
  book.subject = statement.period;
  book.created = new Date(statement.printedAt);

  const particulars = book.addWorksheet(PARTICULARS);
  particulars.columns = [{ key: 'field', width: 44 }, { key: 'value', width: 80 }];
  const rows: [string, string][] = [
    [say('p-association'), statement.association.name],
    [say('p-place'), statement.association.place],
    [say('p-registration'), statement.association.registrationNo ?? ''],
    [say('p-currency'), code],
    [say('p-statement'), statement.title],
    [say('p-period'), statement.period],
    [say('p-printed-by'), statement.printedBy],
    [say('p-printed-at'), statement.printedAt],
    [say('p-last-entry'), String(statement.fingerprint.lastEntry)],
    [say('p-chain-head'), statement.fingerprint.chainHead],
    [say('p-content-hash'), statement.fingerprint.contentHash],
    ...statement.notes.map((n): [string, string] => ['', n]),
    ['', ''],
    // For statement-verify, read back by these fixed names.
    [MACHINE.fingerprint, JSON.stringify(statement.fingerprint)],
    [MACHINE.tables, JSON.stringify(tableLayout(statement))],
    [MACHINE.currency, code],
  ];
  for (const r of rows) particulars.addRow(r);
  particulars.getColumn(1).font = { bold: true };

  for (const table of statement.tables) {
    const sheet = book.addWorksheet(table.key, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({
      header: c.label || c.key, key: c.key, width: c.kind === 'text' ? 40 : 16,
      style: c.kind === 'money' ? { numFmt: moneyFormat(code) } : c.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((v, i) => sheetValue(table.columns[i]!.kind, v, code)));
    if (table.total) sheet.addRow(table.total.map((v, i) => sheetValue(table.columns[i]!.kind, v, code))).font = { bold: true };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The fingerprint text and the raw tables of an exported workbook. */
export async function readXlsx(bytes: Buffer): Promise<{ fingerprint: string | null; tables: RawTable[] }> {
  if (unzippedSize(bytes) > MAX_UNZIPPED_BYTES) throw new Error('the workbook unpacks to too much');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const particulars = book.getWorksheet(PARTICULARS);
  if (!particulars) return { fingerprint: null, tables: [] };
  const fields = new Map<string, string>();
  particulars.eachRow((row) => fields.set(String(row.getCell(1).value ?? ''), String(row.getCell(2).value ?? '')));
  const fingerprint = fields.get(MACHINE.fingerprint) ?? null;
  const layoutText = fields.get(MACHINE.tables);
  if (!layoutText) return { fingerprint, tables: [] };
  const layout = JSON.parse(layoutText) as TableLayout[];
  const code = fields.get(MACHINE.currency) as CurrencyCode;
  return {
    fingerprint,
    tables: layout.map((t) => {
      const sheet = book.getWorksheet(t.key);
      // As many rows and columns as the layout says, and no more: a sheet padded with empty rows is not read to its end.
      const kinds = t.kinds.slice(0, MAX_COLUMNS);
      const count = Math.min(Math.max(0, Math.trunc(Number(t.rows) || 0)), MAX_ROWS) + (t.total ? 1 : 0);
      const raw: (string | null)[][] = [];
      for (let n = 2; sheet && n < count + 2; n++) {
        const row = sheet.getRow(n);
        raw.push(kinds.map((kind, i) => fromSheet(kind, row.getCell(i + 1).value, code)));
      }
      return t.total ? { key: t.key, rows: raw.slice(0, -1), total: raw.at(-1) ?? [] } : { key: t.key, rows: raw };
    }),
  };
}
