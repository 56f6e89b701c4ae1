// The programme's dataset as Parquet, partitioned by country and quarter
// (country=RW/quarter=2025-Q1/…): the layout DuckDB, Spark and Trino read as one table
// with those two columns. Written by DuckDB (its Parquet writer is built in; nothing is
// downloaded), from the same columns as the CSV, with a README of the columns.
//
// Types: text as VARCHAR, counts as BIGINT, amounts as DECIMAL(18,2) in major units of
// the row's `currency` (exact: written from decimal text), percentages as DECIMAL(9,1),
// dates as DATE, `partial` as BOOLEAN.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minorToMajor } from '../money/money';
import { currency as currencyOf, isCurrencyCode } from '../money/currency';
import { DATASET_COLUMNS, type DatasetColumn, type DatasetKind, type DatasetRow } from './dataset';
import type { IndicatorDefinition } from './handlers';

const SQL_TYPE: Record<DatasetKind, string> = {
  text: 'VARCHAR', date: 'DATE', flag: 'BOOLEAN', count: 'BIGINT', money: 'DECIMAL(18,2)', percent: 'DECIMAL(9,1)',
};

/** A value as text DuckDB casts exactly: amounts in major units, the rest as the dataset has it. */
function textValue(column: DatasetColumn, row: DatasetRow): string | null {
  const v = column.value(row);
  if (v === null || column.kind !== 'money' || !isCurrencyCode(row.currency)) return v;
  return minorToMajor(v, row.currency).toFixed(currencyOf(row.currency).exponent);
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function writeParquetDataset(folder: string, rows: readonly DatasetRow[], definitions: readonly IndicatorDefinition[]): Promise<void> {
  // Loaded when first asked for: the engine is big, and most of the app's days never write Parquet.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const db = await instance.connect();
  try {
    // Loaded as text through the appender (no SQL built from the values), then cast once, exactly.
    await db.run(`CREATE TABLE staged (${DATASET_COLUMNS.map((c) => `${quoted(c.key)} VARCHAR`).join(', ')})`);
    const appender = await db.createAppender('staged');
    for (const row of rows) {
      for (const column of DATASET_COLUMNS) {
        const v = textValue(column, row);
        if (v === null) appender.appendNull();
        else appender.appendVarchar(v);
      }
      appender.endRow();
    }
    appender.closeSync();
    const select = DATASET_COLUMNS.map((c) => `CAST(${quoted(c.key)} AS ${SQL_TYPE[c.kind]}) AS ${quoted(c.key)}`).join(', ');
    const target = join(folder, 'data').replace(/'/g, "''");
    await db.run(`COPY (SELECT ${select} FROM staged ORDER BY country, quarter, province, district, sector, group_name, group_id)
                  TO '${target}' (FORMAT parquet, PARTITION_BY (country, quarter), COMPRESSION zstd)`);
  } finally {
    db.closeSync();
    instance.closeSync();
  }
  writeFileSync(join(folder, 'README.md'), readme(definitions), { encoding: 'utf8', flush: true });
}

/** The dataset's README: its layout, each column's type, and each indicator's definition. */
export function readme(definitions: readonly IndicatorDefinition[]): string {
  const lines = [
    '# Ikimina programme dataset',
    '',
    'One row per savings group per quarter, as of the quarter\'s last day (or the day the group\'s books were exported, for the quarter they stop in: `partial`).',
    'Partitioned by `country` and `quarter` (Hive style: `data/country=RW/quarter=2025-Q1/data_0.parquet`); read the folder as one table, e.g. in DuckDB:',
    '',
    '    SELECT district, quarter, sum(savings) FROM read_parquet(\'data/**/*.parquet\', hive_partitioning = true) GROUP BY ALL;',
    '',
    'Amounts are in major units of the row\'s `currency`: never add amounts of different currencies. Counts and amounts add up across groups;',
    'a ratio for several groups is the ratio of their sums (PAR 30 = sum(par30_value) / sum(loans_outstanding_value)), never an average of ratios.',
    '',
    '| column | type |',
    '|---|---|',
    ...DATASET_COLUMNS.map((c) => `| \`${c.key}\` | ${SQL_TYPE[c.kind]} |`),
    '',
    '## Indicators',
    '',
    ...definitions.map((d) => `- **${d.name}** (\`${d.id}\`): ${d.definition}`),
    '',
  ];
  return lines.join('\n');
}
