// The programme's exports (issue 16): the dataset as CSV and XLSX, the report as PDF,
// and the Parquet dataset partitioned by country and quarter — read back by DuckDB and
// checked against the summary table summed by SQLite (the test's own SQL), opened as a
// workbook, and read as text from the PDF. Refusals write nothing.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestLedger } from '../helpers/ledger';
import { coordinatorLaptop, importInto } from '../helpers/exchange';
import { buildProgrammeFixture, type ProgrammeFixture } from '../helpers/programme-fixture';
import { runAsyncCommand } from '../../electron/server/async-commands';
import { DATASET_COLUMNS } from '../../electron/server/programme/dataset';
import { parseCsv } from '../../electron/server/statements/render/csv';

let dir: string;
let c: TestLedger;
let fixture: ProgrammeFixture;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ikimina-programme-export-'));
  fixture = await buildProgrammeFixture(join(dir, 'files'));
  c = coordinatorLaptop();
  await importInto(c, { files: [...fixture.files] });
}, 120_000);

afterAll(() => {
  fixture?.cleanup();
  c?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function exported(input: Record<string, unknown>, who: TestLedger = c) {
  return runAsyncCommand(who.server, 'programme-export', input, { channel: 'test', locale: 'en', session: who.session });
}

async function written(format: string, extra: Record<string, unknown> = {}): Promise<string> {
  const folder = join(dir, format);
  mkdirSync(folder, { recursive: true });
  const r = await exported({ format, folder, ...extra });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return (r.value as { file: string }).file;
}

/** The summary summed by SQLite per district and quarter: what every export must carry. */
function sqliteTotals(): { district: string; quarter: string; groups: number; members: number; savings: number; par30: number }[] {
  return c.server.ledger.sqlite.prepare(`SELECT a.district, q.quarter, count(*) AS groups, sum(q.members) AS members, sum(q.savings) AS savings, sum(q.par30_value) AS par30
    FROM programme_quarters q JOIN associations a ON a.id = q.association_id GROUP BY a.district, q.quarter ORDER BY a.district, q.quarter`).all() as never;
}

describe('the Parquet dataset', () => {
  it('is partitioned by country and quarter, one file each, and DuckDB reads back the same totals per district and quarter as the app’s table', async () => {
    const folder = await written('parquet');
    const partitions = readdirSync(join(folder, 'data', 'country=RW')).sort();
    expect(partitions).toEqual(['quarter=2025-Q1', 'quarter=2025-Q2', 'quarter=2025-Q3', 'quarter=2025-Q4', 'quarter=2026-Q1']);
    for (const p of partitions) expect(readdirSync(join(folder, 'data', 'country=RW', p)).filter((f) => f.endsWith('.parquet'))).toHaveLength(1);
    const readme = readFileSync(join(folder, 'README.md'), 'utf8');
    for (const column of DATASET_COLUMNS) expect(readme).toContain(`\`${column.key}\``);
    expect(readme).toContain('Portfolio at risk > 30 days');

    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    try {
      const result = await db.runAndReadAll(`SELECT district, quarter, count(*)::INTEGER AS groups, sum(members)::INTEGER AS members,
          sum(savings)::VARCHAR AS savings, sum(par30_value)::VARCHAR AS par30
        FROM read_parquet('${join(folder, 'data').replace(/'/g, "''")}/**/*.parquet', hive_partitioning = true) GROUP BY ALL ORDER BY district, quarter`);
      const fromParquet = result.getRowObjects().map((r) => ({ ...r, savings: Number(String(r.savings)), par30: Number(String(r.par30)) }));
      expect(fromParquet).toEqual(sqliteTotals());
      // The types a bigger engine sees: amounts as decimals, percentages as decimals, days as dates.
      const types = await db.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${join(folder, 'data').replace(/'/g, "''")}/**/*.parquet', hive_partitioning = true))`);
      const typeOf = new Map(types.getRows().map(([n, t]) => [String(n), String(t)]));
      expect(typeOf.get('savings')).toBe('DECIMAL(18,2)');
      expect(typeOf.get('par30_pct')).toBe('DECIMAL(9,1)');
      expect(typeOf.get('as_of')).toBe('DATE');
      expect(typeOf.get('partial')).toBe('BOOLEAN');
      // One figure, worked by hand (programme-indicators.test.ts): group A's PAR 30 in 2025-Q2 is 100.0 %.
      const par = await db.runAndReadAll(`SELECT par30_pct::VARCHAR FROM read_parquet('${join(folder, 'data').replace(/'/g, "''")}/**/*.parquet', hive_partitioning = true)
        WHERE group_id = '${fixture.ids.A}' AND quarter = '2025-Q2'`);
      expect(par.getRows()).toEqual([['100.0']]);
    } finally {
      db.closeSync();
      instance.closeSync();
    }
  });
});

describe('CSV and XLSX', () => {
  it('write one row per group per quarter with the stable columns, and the definitions beside them', async () => {
    const folder = await written('csv');
    const rows = parseCsv(readFileSync(join(folder, 'indicators.csv'), 'utf8'));
    expect(rows[0]).toEqual(DATASET_COLUMNS.map((col) => col.key));
    // A: 2025-Q1 to 2026-Q1 (5), B: the same (5), C: 2025-Q1 and Q2 (2).
    expect(rows.length - 1).toBe(12);
    const at = (key: string) => rows[0]!.indexOf(key);
    const a1 = rows.find((r) => r[at('group_id')] === fixture.ids.A && r[at('quarter')] === '2025-Q1')!;
    expect([a1[at('savings')], a1[at('women_share_pct')], a1[at('loan_fund_utilisation_pct')], a1[at('district')]]).toEqual(['7000', '50.0', '28.3', 'Huye']);
    const definitions = parseCsv(readFileSync(join(folder, 'definitions.csv'), 'utf8'));
    expect(definitions.length - 1).toBe(27);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await written('xlsx'));
    const sheet = book.getWorksheet('indicators')!;
    expect(sheet.getRow(2).values).toEqual([undefined, ...DATASET_COLUMNS.map((col) => col.key)]);
    expect(sheet.getRow(1).getCell(at('savings') + 1).value).toBe('Savings');
    expect(sheet.rowCount).toBe(2 + 12);
    const savings = [...Array(12).keys()].map((i) => sheet.getRow(3 + i).getCell(at('savings') + 1).value as number);
    expect(savings.every((v) => typeof v === 'number')).toBe(true);
    expect(book.getWorksheet('definitions')!.rowCount).toBe(28);
  });
});

describe('the PDF report', () => {
  it('gives the quarter’s indicators with their definitions, the districts and the groups to visit, in the reader’s language', async () => {
    const file = await written('pdf', { quarter: '2025-Q2' });
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
    expect(text).toContain('Programme report');
    expect(text).toContain('2025-Q2');
    expect(text).toContain('Portfolio at risk > 30');
    expect(text).toContain('Loans outstanding ÷ the loan fund');
    expect(text).toMatch(/Portfolio at risk > 30\s+100\.0 %/); // A's unpaid loan, the only one outstanding
    expect(text).toMatch(/Southern Province · Huye/);
    expect(text).toMatch(/Groups needing a visit \(2\)/);
    expect(text).toContain('Duterimbere');
  });
});

describe('refusals', () => {
  it('writes nothing for someone who is not a coordinator, a format it does not know, a quarter that is not one, or a folder it cannot write', async () => {
    const folder = join(dir, 'refused');
    mkdirSync(folder, { recursive: true });
    const treasurer = coordinatorLaptop();
    try {
      const notSignedIn = await runAsyncCommand(c.server, 'programme-export', { format: 'csv', folder }, { channel: 'test', locale: 'en' });
      expect(notSignedIn.ok || notSignedIn.error.code).toBe('sign-in-required');
    } finally {
      treasurer.cleanup();
    }
    const badFormat = await exported({ format: 'docx', folder });
    expect(badFormat.ok || badFormat.error.code).toBe('field-not-allowed');
    const badQuarter = await exported({ format: 'pdf', folder, quarter: '2025-13' });
    expect(badQuarter.ok || badQuarter.error.code).toBe('programme-quarter-invalid');
    expect(readdirSync(folder)).toEqual([]);
    // A "folder" that is a file (a stick's name taken by a file): nothing can go in it.
    const notAFolder = join(folder, 'not-a-folder');
    writeFileSync(notAFolder, 'x');
    for (const format of ['parquet', 'xlsx', 'csv']) {
      const refused = await exported({ format, folder: notAFolder });
      expect(refused.ok || refused.error.code).toBe('backup-folder-unwritable');
    }
    expect(readdirSync(folder)).toEqual(['not-a-folder']);
    const empty = coordinatorLaptop();
    try {
      const nothing = await exported({ format: 'csv', folder }, empty);
      expect(nothing.ok || nothing.error.code).toBe('programme-nothing-to-export');
    } finally {
      empty.cleanup();
    }
    expect(existsSync(join(folder, 'ikimina-programme'))).toBe(false);
  });
});
