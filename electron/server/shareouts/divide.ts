// Dividing the pool at a share-out: the arithmetic alone, on whole minor units, in
// BigInt so that no division is ever rounded before the rule says so.
//
//   reserve   = the stated percentage of the profit, rounded down to a minor unit
//               (nothing when there is no profit);
//   divisible = pool − reserve;
//   share     = divisible × member's weight ÷ all weights, rounded DOWN to the group's
//               rounding unit (the smallest note or coin it pays in);
//   remainder = divisible − Σ shares (less than one unit per member), carried over;
//   a loan still owed (when the rules net it) is taken from the share: what the
//   share cannot cover is never dropped — it stays the member's debt.
//
// So Σ shares + remainder + reserve = pool, exactly, always.

export interface MemberBasis {
  readonly memberId: string;
  /** What the member's part is in proportion to: shares bought, savings, or savings × days held. */
  readonly weight: bigint;
  /** Principal and interest the member still owes, to take from the share (0 when loans are collected first). */
  readonly owed: bigint;
}

export interface MemberPart {
  readonly memberId: string;
  readonly weight: bigint;
  /** The exact share before rounding, as a decimal text with two places (for the report). */
  readonly exact: string;
  /** The share rounded down to the rounding unit. */
  readonly share: bigint;
  /** What was taken from the share to pay the member's loan. */
  readonly loanNetted: bigint;
  /** What the member receives (never negative). */
  readonly payout: bigint;
  /** What the share could not cover: still owed, into the next cycle. */
  readonly debtCarried: bigint;
}

export interface Division {
  readonly pool: bigint;
  readonly reserve: bigint;
  readonly divisible: bigint;
  readonly parts: readonly MemberPart[];
  /** Left by rounding every share down: carried to the next cycle by rule. */
  readonly remainder: bigint;
}

export class DivisionError extends Error {
  constructor(readonly code: 'share-out-no-weights' | 'share-out-pool-negative' | 'share-out-unit-invalid') {
    super(code);
  }
}

/** A percentage written as decimal text ("10", "12.5") as a fraction of 100: [numerator, denominator]. */
function percentFraction(percent: string): [bigint, bigint] {
  const [whole = '0', fraction = ''] = percent.split('.');
  const scale = 10n ** BigInt(fraction.length);
  return [BigInt(whole + fraction), 100n * scale];
}

/** The exact quotient as text with two decimals, rounded down (shown, never paid). */
function exactText(numerator: bigint, denominator: bigint): string {
  const hundredths = (numerator * 100n) / denominator;
  const whole = hundredths / 100n;
  const cents = hundredths % 100n;
  return `${whole}.${String(cents).padStart(2, '0')}`;
}

export function divide(input: {
  readonly pool: bigint;
  readonly profit: bigint;
  /** Decimal text, 0–100. */
  readonly reservePercent: string;
  /** Minor units of the smallest note or coin the group pays in (≥ 1). */
  readonly roundingUnit: bigint;
  readonly members: readonly MemberBasis[];
}): Division {
  const { pool, profit, roundingUnit, members } = input;
  if (roundingUnit < 1n) throw new DivisionError('share-out-unit-invalid');
  if (pool < 0n) throw new DivisionError('share-out-pool-negative');
  const totalWeight = members.reduce((sum, m) => sum + m.weight, 0n);
  if (totalWeight <= 0n || members.some((m) => m.weight < 0n)) throw new DivisionError('share-out-no-weights');

  const [num, den] = percentFraction(input.reservePercent);
  const wanted = profit > 0n ? (profit * num) / den : 0n;
  const reserve = wanted < pool ? wanted : pool;
  const divisible = pool - reserve;
  const parts = members.map((m): MemberPart => {
    const numerator = divisible * m.weight;
    const share = (numerator / (totalWeight * roundingUnit)) * roundingUnit;
    const loanNetted = m.owed < share ? m.owed : share;
    return {
      memberId: m.memberId,
      weight: m.weight,
      exact: exactText(numerator, totalWeight),
      share,
      loanNetted,
      payout: share - loanNetted,
      debtCarried: m.owed - loanNetted,
    };
  });
  const remainder = divisible - parts.reduce((sum, p) => sum + p.share, 0n);
  return { pool, reserve, divisible, parts, remainder };
}
