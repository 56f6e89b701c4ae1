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

/**
 * The median time of a server read and of the raw SQLite read it is compared with,
 * after a warm-up, taking turns (the one that goes first alternates) so that a busy
 * moment on the machine falls on both.
 */
export function medianReadTimes(serverRead: () => void, rawRead: () => void, options: { readonly warmup: number; readonly reps: number }): { server: number; raw: number } {
  for (let i = 0; i < options.warmup; i++) {
    serverRead();
    rawRead();
  }
  const time = (f: () => void) => {
    const start = clock();
    f();
    return msBetween(start, clock());
  };
  const server: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < options.reps; i++) {
    if (i % 2 === 0) {
      server.push(time(serverRead));
      raw.push(time(rawRead));
    } else {
      raw.push(time(rawRead));
      server.push(time(serverRead));
    }
  }
  return { server: median(server), raw: median(raw) };
}
