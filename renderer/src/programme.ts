// What the programme page shows of an import, worked out here (not in the components):
// how far it has come, in words and as a fraction, and the report's lines grouped by
// what became of each file.

import type { ImportLine, ImportProgressView, ImportReport } from '../../electron/server/contract';

/** The fraction of files done (0 to 1), for the progress bar. */
export function importFraction(progress: ImportProgressView | null): number {
  if (!progress || progress.files === 0) return 0;
  return Math.min(1, progress.filesDone / progress.files);
}

/** Minutes and seconds left, or null before there is a pace to go by. */
export function timeLeft(progress: ImportProgressView | null): { minutes: number; seconds: number } | null {
  if (!progress || progress.secondsLeft === null) return null;
  return { minutes: Math.floor(progress.secondsLeft / 60), seconds: progress.secondsLeft % 60 };
}

/** The lines the coordinator must look at first: refused, kept aside, a new key; then the rest. */
export function linesByConcern(report: ImportReport | null): { attention: ImportLine[]; fine: ImportLine[] } {
  const lines = report?.lines ?? [];
  const concern = new Set(['refused', 'conflict', 'new-key']);
  return { attention: lines.filter((l) => concern.has(l.outcome)), fine: lines.filter((l) => !concern.has(l.outcome)) };
}

/** What became of the report's files, by outcome, leaving out the outcomes no file had (in the report's order). */
export function outcomeCounts(report: ImportReport): { outcome: ImportLine['outcome']; count: number }[] {
  return (Object.entries(report.counts) as [ImportLine['outcome'], number][]).filter(([, count]) => count > 0).map(([outcome, count]) => ({ outcome, count }));
}
