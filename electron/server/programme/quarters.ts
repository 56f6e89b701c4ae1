// Calendar quarters, as the programme reports them ('2025-Q1' is January to March
// 2025). Pure: shared by the server, the exports and the page.

export type Quarter = string;

const QUARTER = /^(\d{4})-Q([1-4])$/;

export function isQuarter(text: string): boolean {
  return QUARTER.test(text);
}

export function quarterOf(date: string): Quarter {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

function parts(quarter: Quarter): { year: number; q: number } {
  const m = QUARTER.exec(quarter);
  if (!m) throw new Error(`not a quarter: ${quarter}`);
  return { year: Number(m[1]), q: Number(m[2]) };
}

export function quarterStart(quarter: Quarter): string {
  const { year, q } = parts(quarter);
  return `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
}

const LAST_DAY = ['03-31', '06-30', '09-30', '12-31'];

export function quarterEnd(quarter: Quarter): string {
  const { year, q } = parts(quarter);
  return `${year}-${LAST_DAY[q - 1]}`;
}

/** The quarter `n` quarters after (or before, for a negative n) this one. */
export function shiftQuarter(quarter: Quarter, n: number): Quarter {
  const { year, q } = parts(quarter);
  const index = year * 4 + (q - 1) + n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** Every quarter from the one holding `from` to the one holding `to`, in order. */
export function quartersBetween(from: string, to: string): Quarter[] {
  const out: Quarter[] = [];
  const last = quarterOf(to);
  for (let q = quarterOf(from); q <= last; q = shiftQuarter(q, 1)) out.push(q);
  return out;
}
