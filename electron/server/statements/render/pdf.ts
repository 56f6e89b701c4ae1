// PDF, A4, with pdfmake: the association, its place and registration number, the
// statement's title and day or period; tables that break across pages with their
// headers repeated; on every page who printed it and when, page n of m and the books'
// fingerprint (short; in full in the file's keywords). Roboto is embedded (it writes
// Kinyarwanda and French); black text at 10 pt or more, for a cheap printer.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { messageIn } from '../../messages/render';
import { currency } from '../../money/currency';
import { formatDate } from '../../locale/dates';
import { shortFingerprint, type Statement } from '../model';
import { printedCell } from './cells';

// pdfmake's own copy of Roboto, wherever the package is (ESM under tsx and vitest; CommonJS in the app's bundle).
const resolver = typeof require === 'function' ? require : createRequire(import.meta.url);
const FONTS = join(dirname(resolver.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

let ready = false;
/** pdfmake with Roboto embedded, reading nothing but its fonts (every PDF the app writes). */
export function pdfPrinter(): typeof pdfmake {
  if (!ready) {
    pdfmake.setFonts({
      Roboto: {
        normal: join(FONTS, 'Roboto-Regular.ttf'), bold: join(FONTS, 'Roboto-Medium.ttf'),
        italics: join(FONTS, 'Roboto-Italic.ttf'), bolditalics: join(FONTS, 'Roboto-MediumItalic.ttf'),
      },
    });
    // Nothing from the network; from the disk only the fonts.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONTS));
    ready = true;
  }
  return pdfmake;
}

/** The keywords entry that carries the fingerprint in full (read back by statement-verify). */
export const PDF_FINGERPRINT_PREFIX = 'ikimina-fingerprint:';

export function pdfDefinition(statement: Statement): TDocumentDefinitions {
  const say = (key: string, params: Record<string, string | number> = {}) => messageIn(statement.locale, `statement.${key}`, params);
  const code = statement.association.currency;
  const printedAt = `${formatDate(statement.printedAt.slice(0, 10), statement.locale)} ${statement.printedAt.slice(11, 16)} UTC`;
  const short = shortFingerprint(statement.fingerprint);
  const header: Content[] = [
    { text: statement.association.name, style: 'association' },
    { text: [statement.association.place, statement.association.registrationNo ? say('registration', { no: statement.association.registrationNo }) : ''].filter(Boolean).join(' · ') },
    { text: statement.title, style: 'title' },
    { text: `${statement.period} · ${say('amounts-in', { currency: currency(code).symbol })}` },
  ];
  const tables: Content[] = statement.tables.flatMap((table): Content[] => {
    const align = (i: number) => (table.columns[i]!.kind === 'text' ? 'left' : 'right');
    // Dates and figures stay on one line; text wraps.
    const cell = (i: number, v: string | null, bold: boolean): TableCell => ({
      text: printedCell(table.columns[i]!.kind, v, code, statement.locale), alignment: align(i), bold, noWrap: table.columns[i]!.kind !== 'text',
    });
    const body: TableCell[][] = [
      table.columns.map((c, i) => ({ text: c.label, bold: true, alignment: align(i) })),
      ...table.rows.map((r) => r.map((v, i): TableCell => cell(i, v, false))),
      ...(table.total ? [table.total.map((v, i): TableCell => cell(i, v, true))] : []),
    ];
    // The widest text column takes the room left; the others fit their figures.
    const textColumn = table.columns.findIndex((c) => c.kind === 'text' && c.key !== 'code');
    if (table.rows.length === 0 && !table.total) return [{ text: table.title, style: 'table' }, { text: say('none') }];
    // A table named as the statement is not named twice.
    return [
      ...(table.title === statement.title ? [] : [{ text: table.title, style: 'table' } as Content]),
      { table: { headerRows: 1, dontBreakRows: true, widths: table.columns.map((_, i) => (i === textColumn ? '*' : 'auto')), body }, layout: 'lightHorizontalLines' },
    ];
  });
  // A table of nine columns or more does not fit across A4 at 10 pt: the page turns.
  const wide = statement.tables.some((t) => t.columns.length >= 9);
  return {
    pageSize: 'A4',
    pageOrientation: wide ? 'landscape' : 'portrait',
    pageMargins: [40, 40, 40, 60],
    info: {
      title: `${statement.title} — ${statement.association.name}`, author: statement.printedBy, subject: statement.period,
      keywords: `${PDF_FINGERPRINT_PREFIX}${JSON.stringify(statement.fingerprint)}`, creator: 'Ikimina', producer: 'Ikimina',
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, color: '#000000' },
    styles: {
      association: { fontSize: 14, bold: true },
      title: { fontSize: 16, bold: true, margin: [0, 8, 0, 2] },
      table: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
    },
    footer: (page: number, pages: number): Content => ({
      margin: [40, 12, 40, 0],
      stack: [
        { columns: [{ text: say('printed-by', { who: statement.printedBy, when: printedAt }), width: '*' }, { text: say('page', { page, pages }), width: 'auto' }] },
        { text: say('fingerprint', { short }) },
      ],
    }),
    content: [...header, ...tables, ...statement.notes.map((n): Content => ({ text: n, margin: [0, 8, 0, 0] })), ...slips(statement)],
  };
}

/**
 * A share-out report ends with one slip per member, each on its own part of a page and
 * never split: what they get and why, with a line to sign — the same figures as the
 * table of parts, written out.
 */
function slips(statement: Statement): Content[] {
  const parts = statement.kind === 'share-out' ? statement.tables.find((t) => t.key === 'parts') : undefined;
  if (!parts) return [];
  const say = (key: string, params: Record<string, string | number> = {}) => messageIn(statement.locale, `statement.${key}`, params);
  const code = statement.association.currency;
  const at = (key: string) => parts.columns.findIndex((c) => c.key === key);
  return parts.rows.map((row, n): Content => ({
    unbreakable: true,
    ...(n === 0 ? { pageBreak: 'before' as const } : {}),
    margin: [0, 0, 0, 18],
    stack: [
      { text: `${statement.title} — ${statement.association.name}`, bold: true },
      { text: say('slip-member', { no: row[at('member_no')] ?? '', name: row[at('member')] ?? '' }), margin: [0, 2, 0, 4] },
      {
        table: {
          widths: ['*', 'auto'],
          body: parts.columns.slice(2).filter((c) => row[at(c.key)] !== null && row[at(c.key)] !== '0').map((c) => [
            { text: c.label }, { text: printedCell(c.kind, row[at(c.key)] ?? null, code, statement.locale), alignment: c.kind === 'text' ? 'left' : 'right', bold: c.key === 'payout' },
          ]),
        },
        layout: 'lightHorizontalLines',
      },
      { text: say('slip-sign'), margin: [0, 10, 0, 0] },
    ],
  }));
}

export async function renderPdf(statement: Statement): Promise<Buffer> {
  return pdfPrinter().createPdf(pdfDefinition(statement)).getBuffer();
}

/**
 * The fingerprint a PDF carries in its document information (a literal string in an
 * indirect object, as pdfmake writes it), or null.
 */
export function fingerprintOfPdf(bytes: Buffer): string | null {
  const text = bytes.toString('latin1');
  const ref = /\/Keywords\s+(\d+)\s+0\s+R/.exec(text);
  const literal = ref ? new RegExp(`\\n${ref[1]} 0 obj\\s*\\(((?:\\\\.|[^\\\\)])*)\\)`).exec(text) : /\/Keywords\s*\(((?:\\.|[^\\)])*)\)/.exec(text);
  if (!literal) return null;
  const value = literal[1]!.replace(/\\([nrtbf()\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[c] ?? c);
  return value.startsWith(PDF_FINGERPRINT_PREFIX) ? value.slice(PDF_FINGERPRINT_PREFIX.length) : null;
}
