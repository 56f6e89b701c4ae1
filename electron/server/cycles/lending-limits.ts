// The limits a group's lending rules may set, in one place: the cycle's rules are
// checked against them, and so is every loan.

/** The highest monthly interest rate a cycle may set (percent). */
export const MAX_MONTHLY_RATE_PERCENT = 20;
/** The most instalments a loan may have (five years of weekly payments). */
export const MAX_INSTALMENTS = 260;
