// Timing and summary helpers for the benchmark: a monotonic clock, medians and
// percentiles, and number formatting for the readable report.

/** Nanoseconds since an arbitrary point, from process.hrtime.bigint(). */
export const clock = (): bigint => process.hrtime.bigint();

/** Elapsed time in milliseconds between two clock() readings. */
export const msBetween = (start: bigint, end: bigint): number => Number(end - start) / 1e6;

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100) of the values; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 12456 -> "12,456" */
export const int = (n: number): string => grouped.format(n);
/** 52.06 -> "52.1" */
export const dec1 = (n: number): string => oneDecimal.format(n);
/** A ratio, two decimals. */
export const ratio2 = (n: number): string => n.toFixed(2);

/** Rounds to a few significant places for the JSON output (keeps it readable). */
export function round(n: number, places = 3): number {
  const f = 10 ** places;
  return Math.round(n * f) / f;
}
