// A statement is data first: its particulars, its tables of raw values (amounts in
// minor units, dates as ISO days) and the fingerprint of the books it came from.
// Each format (PDF, XLSX, CSV) renders the same data; none computes a figure.

import { createHash } from 'node:crypto';
import type { CurrencyCode } from '../money/currency';
import type { UiLocale } from '../locale/numbers';

export const STATEMENT_KINDS = ['trial-balance', 'financial-position', 'income-expenditure', 'cash-book', 'member-statement', 'loan-portfolio', 'grant-use', 'share-out', 'meeting-minutes', 'loan-statement', 'livestock-register', 'history'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

export const STATEMENT_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

/** How a column's values are written: amounts and counts are numbers in XLSX, dates are dates. */
export type ColumnKind = 'text' | 'money' | 'date' | 'count';

export interface StatementColumn {
  /** Stable, for CSV headers and scripts (documented in the README). */
  readonly key: string;
  /** In the reader's language, for PDF and XLSX. */
  readonly label: string;
  readonly kind: ColumnKind;
}

/** A cell: text, minor units as an integer string, an ISO date, a count — or nothing. */
export type Cell = string | null;

export interface StatementTable {
  /** Stable: the CSV file's and the XLSX sheet's name. */
  readonly key: string;
  readonly title: string;
  readonly columns: readonly StatementColumn[];
  readonly rows: readonly (readonly Cell[])[];
  /** The totals line, when the table has one. */
  readonly total?: readonly Cell[];
}

/** What a statement is asked for: its kind and its parameters. */
export interface StatementRequest {
  readonly kind: StatementKind;
  readonly associationId: string;
  /** As-of day (balances) or the period's last day. */
  readonly asOf: string;
  /** The period's first day (income and expenditure, cash book). */
  readonly from?: string | undefined;
  readonly memberId?: string | undefined;
  readonly account?: 'box' | 'bank' | undefined;
  /** The grant (grant-use). */
  readonly grantId?: string | undefined;
  /** The cycle whose share-out it is (share-out). */
  readonly cycleId?: string | undefined;
  /** The meeting (meeting-minutes). */
  readonly meetingId?: string | undefined;
  /** The loan (loan-statement). */
  readonly loanId?: string | undefined;
}

/**
 * The books a statement came from: the association, the last journal entry there was
 * when it was made and the head of the hash chain at that entry, and a hash of the
 * statement's own figures. A later rewrite of history contradicts the chain head; a
 * figure edited in the file contradicts the books.
 */
export interface Fingerprint {
  readonly version: 1;
  readonly request: StatementRequest;
  /** The language it was written in: its texts are among the figures hashed. */
  readonly locale: UiLocale;
  /** Sequence number of the last journal entry in the books when it was made (0: none). */
  readonly lastEntry: number;
  /** That entry's hash (the chain's head), hex. */
  readonly chainHead: string;
  /** SHA-256 of the tables' raw values, hex. */
  readonly contentHash: string;
}

export interface Statement {
  readonly kind: StatementKind;
  readonly title: string;
  /** "As of 31 March 2026" or "1 January – 31 March 2026", in the reader's language. */
  readonly period: string;
  readonly association: { readonly name: string; readonly place: string; readonly registrationNo: string | null; readonly currency: CurrencyCode };
  readonly locale: UiLocale;
  readonly printedBy: string;
  /** ISO timestamp. */
  readonly printedAt: string;
  readonly tables: readonly StatementTable[];
  /** Definitions and notes printed under the tables. */
  readonly notes: readonly string[];
  readonly fingerprint: Fingerprint;
}

/** The raw values every format carries, in one canonical text: what the content hash covers. */
export function canonicalFigures(tables: readonly Pick<StatementTable, 'key' | 'rows' | 'total'>[]): string {
  return JSON.stringify(tables.map((t) => [t.key, t.rows, t.total ?? null]));
}

export function contentHashOf(tables: readonly Pick<StatementTable, 'key' | 'rows' | 'total'>[]): string {
  return createHash('sha256').update(canonicalFigures(tables)).digest('hex');
}

/** The fingerprint as printed on each page: short enough to read out, long enough to tell books apart. */
export function shortFingerprint(f: Fingerprint): string {
  return `${f.lastEntry}-${f.chainHead.slice(0, 12)}-${f.contentHash.slice(0, 8)}`;
}

/** A table's raw values as read back from a file. */
export interface RawTable {
  readonly key: string;
  readonly rows: readonly (readonly Cell[])[];
  readonly total?: readonly Cell[] | undefined;
}

/** How a file lays out its tables, written beside them so that they can be read back exactly. */
export interface TableLayout {
  readonly key: string;
  readonly rows: number;
  readonly total: boolean;
  readonly kinds: readonly ColumnKind[];
}

export function tableLayout(statement: Pick<Statement, 'tables'>): TableLayout[] {
  return statement.tables.map((t) => ({ key: t.key, rows: t.rows.length, total: t.total !== undefined, kinds: t.columns.map((c) => c.kind) }));
}
