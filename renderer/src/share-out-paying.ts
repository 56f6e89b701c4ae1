// How members are paid at the share-out, as typed in the paying table, and the
// share-out command's lists made from it (the rows with something to receive only).

import type { PaymentMethod, ShareOutPreview } from '../../electron/server/contract';

export interface Paying {
  /** What each member leaves in, as typed. */
  readonly leave: Readonly<Record<string, string>>;
  readonly how: Readonly<Record<string, { readonly method: PaymentMethod; readonly phone: string }>>;
}

export const NOBODY_PAYING: Paying = { leave: {}, how: {} };

/** The share-out command's reinvest and payments lists, and where each member's line is in them (for errors). */
export function payingInput(paying: Paying, members: ShareOutPreview['members']) {
  // Only the members with something to receive: a row not on screen is never sent.
  const paid = members.filter((p) => p.payout !== '0');
  const reinvest = paid.filter((p) => (paying.leave[p.memberId] ?? '').trim() !== '').map((p) => ({ memberId: p.memberId, amount: paying.leave[p.memberId]! }));
  const payments = paid.filter((p) => paying.how[p.memberId]?.method === 'mobile_money')
    .map((p) => ({ memberId: p.memberId, method: 'mobile_money' as const, phone: paying.how[p.memberId]!.phone.trim() || undefined }));
  return {
    paid,
    reinvest,
    payments,
    /** The fields the paying table shows its errors beside (any other error is shown under the form). */
    shownFields: [...reinvest.map((_, i) => `reinvest.${i}.amount`), ...payments.map((_, i) => `payments.${i}.phone`)],
    leaveIndex: (memberId: string) => reinvest.findIndex((r) => r.memberId === memberId),
    payIndex: (memberId: string) => payments.findIndex((r) => r.memberId === memberId),
  };
}
