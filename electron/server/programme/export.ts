// Handing the programme out: the dataset (one row per group per quarter) as CSV or
// XLSX, with every indicator's definition beside it; a programme report as PDF for a
// quarter; and the dataset as Parquet, partitioned by country and quarter, for DuckDB,
// Spark or Trino. The data is read in one server call (who may: a coordinator), then
// written outside it, whole or not at all, under a name no file has.

import { mkdtempSync, renameSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Actor } from '../context';
import { LedgerError, type Result } from '../errors';
import { failure } from '../registry';
import type { LedgerServer } from '../server';
import { messageIn } from '../messages/render';
import { formatCount, formatPercent, type UiLocale } from '../locale/numbers';
import { formatDate } from '../locale/dates';
import { isCountryCode } from '../locale/places';
import { formatAmount, minorToMajor } from '../money/money';
import { currency as currencyOf, isCurrencyCode, type CurrencyCode } from '../money/currency';
import { writeWholeUnderFreeName, fileWriteError } from '../backups/copy';
import { csvLines } from '../statements/render/csv';
import { pdfPrinter } from '../statements/render/pdf';
import { DATASET_COLUMNS, type DatasetColumn, type DatasetRow } from './dataset';
import { addUp, INDICATORS, indicatorsOf, type Figures, type IndicatorValue } from './measures';
import type { IndicatorDefinition, ProgrammeView } from './handlers';
import { writeParquetDataset } from './parquet';

export const PROGRAMME_EXPORT_FORMATS = ['csv', 'xlsx', 'pdf', 'parquet'] as const;
export type ProgrammeExportFormat = (typeof PROGRAMME_EXPORT_FORMATS)[number];

export interface ProgrammeExportRequest {
  readonly format: ProgrammeExportFormat;
  /** The folder to write into (a file, or for CSV and Parquet a new folder, goes in it under a free name). */
  readonly folder: string;
  /** The report's currency and quarter (PDF); the other formats hold every group and quarter. */
  readonly currency?: string;
  readonly quarter?: string;
}

export interface ProgrammeExported {
  readonly file: string;
  readonly rows: number;
}

/** What an export is made of, read in one call. */
export interface ProgrammeExportData {
  readonly rows: readonly DatasetRow[];
  readonly definitions: readonly IndicatorDefinition[];
  readonly view: ProgrammeView;
  readonly printedBy: string;
  readonly printedAt: string;
  readonly locale: UiLocale;
}

/** A column's name in the reader's language: the indicator's, or the column's own. */
function columnName(column: DatasetColumn, data: ProgrammeExportData): string {
  const camel = column.key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const indicator = column.indicator ?? INDICATORS.find((i) => i.id === camel)?.id;
  if (indicator) return data.definitions.find((d) => d.id === indicator)?.name ?? column.key;
  return messageIn(data.locale, `programme.column.${column.key}`, {});
}

/** A value as CSV and Parquet hold it: amounts in major units with a point, percentages as "12.5", dates as ISO days. */
function plainValue(column: DatasetColumn, row: DatasetRow): string {
  const v = column.value(row);
  if (v === null) return '';
  if (column.kind === 'money' && isCurrencyCode(row.currency)) return minorToMajor(v, row.currency).toFixed(currencyOf(row.currency).exponent);
  return v;
}

function definitionsTable(data: ProgrammeExportData): string[][] {
  return [['indicator', 'name', 'definition'], ...data.definitions.map((d) => [d.id, d.name, d.definition])];
}

function renderCsv(data: ProgrammeExportData): Map<string, string> {
  return new Map([
    ['indicators.csv', csvLines([DATASET_COLUMNS.map((c) => c.key), ...data.rows.map((r) => DATASET_COLUMNS.map((c) => plainValue(c, r)))])],
    ['definitions.csv', csvLines(definitionsTable(data))],
  ]);
}

async function renderXlsx(data: ProgrammeExportData): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Ikimina';
  book.title = messageIn(data.locale, 'programme.report-title', {});
  book.created = new Date(data.printedAt);
  const sheet = book.addWorksheet('indicators', { views: [{ state: 'frozen', xSplit: 8, ySplit: 2 }] });
  // Two header rows: the reader's names, then the stable keys a script reads.
  sheet.addRow(DATASET_COLUMNS.map((c) => columnName(c, data))).font = { bold: true };
  sheet.addRow(DATASET_COLUMNS.map((c) => c.key)).font = { italic: true, color: { argb: 'FF4A535C' } };
  for (const r of data.rows) {
    sheet.addRow(DATASET_COLUMNS.map((c) => {
      const v = c.value(r);
      if (v === null) return null;
      if (c.kind === 'money' && isCurrencyCode(r.currency)) return minorToMajor(v, r.currency).toNumber();
      if (c.kind === 'count' || c.kind === 'percent') return Number(v);
      if (c.kind === 'date') return new Date(`${v}T00:00:00Z`);
      if (c.kind === 'flag') return v === 'true';
      return v;
    }));
  }
  DATASET_COLUMNS.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.kind === 'text' ? 18 : 14;
    if (c.kind === 'money') column.numFmt = '#,##0.##';
    if (c.kind === 'percent') column.numFmt = '0.0';
    if (c.kind === 'date') column.numFmt = 'yyyy-mm-dd';
  });
  const defs = book.addWorksheet('definitions');
  for (const line of definitionsTable(data)) defs.addRow(line);
  defs.getRow(1).font = { bold: true };
  defs.getColumn(2).width = 34;
  defs.getColumn(3).width = 110;
  defs.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The PDF's figures: amounts in the currency without its symbol (the page says which), percentages with the sign. */
function printed(value: IndicatorValue, kind: string, code: CurrencyCode, locale: UiLocale): string {
  if (value === null) return '—';
  if (kind === 'money') return formatAmount(String(value), code, locale, { symbol: false });
  if (kind === 'percent') return formatPercent(String(value), locale);
  return formatCount(Number(value), locale);
}

/** The second table's heading: by the country's own second level when every group is of one country (Burundi's communes), else "by district". */
export function secondLevelHeading(groups: readonly { readonly country: string }[]): string {
  const countries = new Set(groups.map((g) => g.country));
  const only = countries.size === 1 ? [...countries][0]! : null;
  return only && isCountryCode(only) ? `report-by-second-level.${only}` : 'report-by-district';
}

export function reportDefinition(data: ProgrammeExportData): TDocumentDefinitions {
  const say = (key: string, params: Record<string, string | number> = {}) => messageIn(data.locale, `programme.${key}`, params);
  const v = data.view;
  const code = (v.currency ?? 'RWF') as CurrencyCode;
  const totals = v.trend.find((p) => p.quarter === v.quarter);
  const values = totals ? indicatorsOf(totals.figures) : null;
  const byDistrict = new Map<string, typeof v.groups[number][]>();
  for (const g of v.groups) (byDistrict.get(`${g.province} · ${g.district}`) ?? byDistrict.set(`${g.province} · ${g.district}`, []).get(`${g.province} · ${g.district}`)!).push(g);
  const DISTRICT_COLUMNS = ['groups', 'members', 'womenShare', 'savings', 'loansOutstandingValue', 'par30', 'returnOnSavings', 'grantsUnspent', 'animalsAlive'] as const;
  const kindOf = (id: string) => INDICATORS.find((i) => i.id === id)!.kind;
  const nameOf = (id: string) => data.definitions.find((d) => d.id === id)?.name ?? id;
  const totalsBody: TableCell[][] = [
    [{ text: say('report-indicator'), bold: true }, { text: say('report-value'), bold: true, alignment: 'right' }, { text: say('report-definition'), bold: true }],
    ...data.definitions.map((d): TableCell[] => [
      { text: d.name }, { text: values ? printed(values[d.id as keyof typeof values], d.kind, code, data.locale) : '—', alignment: 'right', noWrap: true }, { text: d.definition, fontSize: 9 },
    ]),
  ];
  const districtBody: TableCell[][] = [
    [{ text: say('report-place'), bold: true }, ...DISTRICT_COLUMNS.map((id): TableCell => ({ text: nameOf(id), bold: true, alignment: 'right' }))],
    ...[...byDistrict.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([place, groups]): TableCell[] => {
      const reporting = groups.map((g) => g.figures).filter((f): f is Figures => f !== null);
      const sums = reporting.length > 0 ? indicatorsOf(addUp(reporting)) : null;
      return [{ text: place }, ...DISTRICT_COLUMNS.map((id): TableCell => ({ text: sums ? printed(sums[id], kindOf(id), code, data.locale) : '—', alignment: 'right', noWrap: true }))];
    }),
  ];
  const visits = v.groups.filter((g) => g.flags.length > 0);
  const visitBody: TableCell[][] = [
    [{ text: say('group'), bold: true }, { text: say('report-place'), bold: true }, { text: say('flags'), bold: true }],
    ...visits.map((g): TableCell[] => [{ text: g.name }, { text: [g.province, g.district, g.sector].join(' · ') }, { text: g.flags.map((f) => say(`flag-${f}`)).join(', ') }]),
  ];
  const printedAt = `${formatDate(data.printedAt.slice(0, 10), data.locale)} ${data.printedAt.slice(11, 16)} UTC`;
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [40, 40, 40, 50],
    info: { title: say('report-title'), author: data.printedBy, subject: `${v.quarter} ${code}`, creator: 'Ikimina', producer: 'Ikimina' },
    defaultStyle: { font: 'Roboto', fontSize: 10, color: '#000000' },
    styles: { title: { fontSize: 16, bold: true, margin: [0, 0, 0, 2] }, table: { fontSize: 12, bold: true, margin: [0, 14, 0, 4] } },
    footer: (page: number, pages: number): Content => ({
      margin: [40, 12, 40, 0],
      columns: [{ text: messageIn(data.locale, 'statement.printed-by', { who: data.printedBy, when: printedAt }), width: '*' }, { text: messageIn(data.locale, 'statement.page', { page, pages }), width: 'auto' }],
    }),
    content: [
      { text: say('report-title'), style: 'title' },
      { text: say('report-subtitle', { quarter: v.quarter ?? '', currency: currencyOf(code).symbol, groups: totals?.figures.groups ?? 0 }) },
      { text: say('report-totals'), style: 'table' },
      { table: { headerRows: 1, dontBreakRows: true, widths: ['auto', 'auto', '*'], body: totalsBody }, layout: 'lightHorizontalLines' },
      { text: say(secondLevelHeading(v.groups)), style: 'table', pageBreak: 'before' },
      { table: { headerRows: 1, dontBreakRows: true, widths: ['*', ...DISTRICT_COLUMNS.map(() => 'auto' as const)], body: districtBody }, layout: 'lightHorizontalLines' },
      { text: say('report-visits', { count: visits.length }), style: 'table' },
      visits.length > 0 ? { table: { headerRows: 1, dontBreakRows: true, widths: ['auto', 'auto', '*'], body: visitBody }, layout: 'lightHorizontalLines' } : { text: say('report-no-visits') },
    ],
  };
}

/** Writes a folder whole: filled under a temporary name beside it, then renamed to the first free name. */
function writeFolderUnderFreeName(folder: string, name: string, fill: (temporary: string) => Promise<void> | void): Promise<string> {
  return (async () => {
    let temporary: string;
    try {
      temporary = mkdtempSync(join(folder, `.${name}.`));
    } catch (err) {
      throw fileWriteError(err);
    }
    try {
      try {
        await fill(temporary);
      } catch (err) {
        throw fileWriteError(err);
      }
      for (let attempt = 1; ; attempt++) {
        const target = join(folder, attempt === 1 ? name : `${name}-${attempt}`);
        if (existsSync(target)) continue;
        renameSync(temporary, target);
        return target;
      }
    } finally {
      rmSync(temporary, { recursive: true, force: true });
    }
  })();
}

export async function exportProgramme(server: LedgerServer, actor: Actor, input: ProgrammeExportRequest): Promise<Result<ProgrammeExported>> {
  const read = server.callInternal('programme-export-data', {
    format: input.format, ...(input.currency ? { currency: input.currency } : {}), ...(input.quarter ? { quarter: input.quarter } : {}),
  }, actor);
  if (!read.ok) return read;
  const data = read.value;
  const day = data.printedAt.slice(0, 10);
  try {
    if (input.format === 'csv') {
      const files = renderCsv(data);
      const file = await writeFolderUnderFreeName(input.folder, `ikimina-programme-${day}-csv`, (dir) => {
        for (const [name, content] of files) writeFileSync(join(dir, name), content, { encoding: 'utf8', flush: true });
      });
      return { ok: true, value: { file, rows: data.rows.length } };
    }
    if (input.format === 'parquet') {
      const file = await writeFolderUnderFreeName(input.folder, `ikimina-programme-${day}-parquet`, (dir) => writeParquetDataset(dir, data.rows, data.definitions));
      return { ok: true, value: { file, rows: data.rows.length } };
    }
    const bytes = input.format === 'xlsx' ? await renderXlsx(data) : await pdfPrinter().createPdf(reportDefinition(data)).getBuffer();
    const name = input.format === 'xlsx' ? `ikimina-programme-${day}.xlsx` : `ikimina-programme-${data.view.quarter ?? day}-${data.view.currency ?? ''}.pdf`;
    const { file } = writeWholeUnderFreeName(input.folder, name, (temporary) => writeFileSync(temporary, bytes));
    return { ok: true, value: { file, rows: data.rows.length } };
  } catch (err) {
    return failure(err instanceof LedgerError ? err : fileWriteError(err));
  }
}
