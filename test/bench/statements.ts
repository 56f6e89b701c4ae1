// (g) of `npm run bench`: statements handed out as PDF — the grant-use statement of a
// herd of hundreds of animals (the grant bench's herd) and the cash book of a year of
// 52 weekly meetings — through exportStatement (built from the books in one call,
// rendered by pdfmake, written whole, recorded), next to the time to read their data
// alone ('statement-get'). Peak memory is the process's maximum resident set before
// and after the exports (it only grows: the difference is what the exports needed
// beyond everything before them).

import { statSync } from 'node:fs';
import { exportStatement } from '../../electron/server/statements/export';
import type { StatementRequest } from '../../electron/server/statements/model';
import type { LedgerServer } from '../../electron/server/server';
import type { Actor } from '../../electron/server/context';
import { buildGrantHerd } from './grant';
import { buildMeetingYear } from './share-out';
import { clock, int, median, msBetween, ratio2 } from './stats';
import type { MeetingMetric } from './meeting';

export interface StatementBenchOptions {
  readonly animals: number;
  readonly meetings: number;
  readonly reps: number;
}

async function measure(dir: string, name: string, server: LedgerServer, actor: Actor, request: StatementRequest, reps: number) {
  const read: number[] = [];
  const written: number[] = [];
  const peakBefore = process.resourceUsage().maxRSS;
  let size = 0;
  for (let i = 0; i < reps; i++) {
    let start = clock();
    const data = server.call('statement-get', request, actor);
    if (!data.ok) throw new Error(data.error.message);
    read.push(msBetween(start, clock()));
    const file = `${dir}/${name}-${i}.pdf`;
    start = clock();
    const out = await exportStatement(server, actor, { ...request, format: 'pdf', file });
    if (!out.ok) throw new Error(out.error.message);
    written.push(msBetween(start, clock()));
    size = statSync(file).size;
  }
  return { read: median(read), written: median(written), peakMb: (process.resourceUsage().maxRSS - peakBefore) / 1024, sizeKb: size / 1024 };
}

export async function benchStatements(dir: string, options: StatementBenchOptions, progress: (line: string) => void): Promise<MeetingMetric[]> {
  const herd = buildGrantHerd(dir, options.animals, progress, 'statements-grant');
  progress(`statements: the grant-use statement as PDF …`);
  const grant = await measure(dir, 'grant', herd.server, herd.actor, { kind: 'grant-use', associationId: herd.associationId, grantId: herd.grant.id, asOf: herd.asOf }, options.reps);
  herd.server.close();
  const year = buildMeetingYear(dir, options.meetings, progress, 'statements-year');
  progress(`statements: the cash book of ${int(options.meetings)} meetings as PDF …`);
  const book = await measure(dir, 'cash-book', year.server, year.actor, { kind: 'cash-book', associationId: year.associationId, account: 'box', from: '2024-01-01', asOf: '2024-12-31' }, options.reps);
  year.server.close();
  const line = (what: string, m: Awaited<ReturnType<typeof measure>>) =>
    `${what}: PDF ${m.written.toFixed(0)} ms (${m.sizeKb.toFixed(0)} KB), reading its data ${m.read.toFixed(1)} ms, ratio ${ratio2(m.read / m.written)}; ` +
    `peak memory +${m.peakMb.toFixed(0)} MB   (median of ${options.reps})`;
  return [
    { metric: { name: 'statement_pdf_grant_ms', value: grant.written, unit: 'ms', baseline: grant.read, ratio: grant.read / grant.written }, readable: line(`grant-use statement of ${int(options.animals)} bought animals`, grant) },
    { metric: { name: 'statement_pdf_cash_book_ms', value: book.written, unit: 'ms', baseline: book.read, ratio: book.read / book.written }, readable: line(`cash book of ${int(options.meetings)} meetings`, book) },
  ];
}
