// The statements of the group's records: the loan portfolio (with the definitions of
// portfolio at risk), a grant's use (received, spent, back from sales, unspent, the
// spendings with their receipts and the animals it paid for), and a cycle's share-out
// as it was posted (the pool's working and each member's part).

import type { CallContext } from '../context';
import { LedgerError } from '../errors';
import { formatPercent } from '../locale/numbers';
import { loansAsOf, portfolioOf } from '../loans/handlers';
import { grantStatement, type StatementAnimal } from '../grants/use-statement';
import { getCycle } from '../cycles/handlers';
import { postedShareOut } from '../shareouts/post';
import { statementText } from './words';
import type { StatementRequest, StatementTable } from './model';
import type { StatementBody } from './financial';

const text = statementText;
const lineAmount = (ctx: CallContext) => [
  { key: 'line', label: text(ctx, 'col-line'), kind: 'text' as const }, { key: 'amount', label: text(ctx, 'col-amount'), kind: 'money' as const },
];

export function loanPortfolioStatement(ctx: CallContext, req: StatementRequest): StatementBody {
  const p = portfolioOf(ctx, req.associationId, req.asOf);
  const percent = (v: string) => formatPercent(v, ctx.actor.locale);
  const loans = loansAsOf(ctx, req.associationId, req.asOf).filter((l) => l.disbursedOn !== null && l.disbursedOn <= req.asOf && (l.closedOn === null || l.closedOn > req.asOf));
  return {
    title: text(ctx, 'loan-portfolio'),
    tables: [
      {
        key: 'indicators', title: text(ctx, 'indicators'),
        columns: [{ key: 'indicator', label: text(ctx, 'col-indicator'), kind: 'text' }, { key: 'value', label: text(ctx, 'col-value'), kind: 'text' }],
        rows: [
          [text(ctx, 'loans-outstanding'), String(p.loansOutstanding)],
          [text(ctx, 'par', { days: 1 }), percent(p.par1)], [text(ctx, 'par', { days: 30 }), percent(p.par30)], [text(ctx, 'par', { days: 90 }), percent(p.par90)],
          [text(ctx, 'repayment-rate'), percent(p.repaymentRate)],
        ],
      },
      {
        key: 'amounts', title: text(ctx, 'amounts'), columns: lineAmount(ctx),
        rows: [[text(ctx, 'principal-outstanding'), p.principalOutstanding], [text(ctx, 'written-off'), p.writtenOff]],
      },
      {
        key: 'loans', title: text(ctx, 'loans-open'),
        columns: [
          { key: 'member', label: text(ctx, 'col-member'), kind: 'text' }, { key: 'paid_out_on', label: text(ctx, 'col-date'), kind: 'date' },
          { key: 'principal', label: text(ctx, 'col-principal'), kind: 'money' }, { key: 'principal_outstanding', label: text(ctx, 'col-outstanding'), kind: 'money' },
          { key: 'interest_due', label: text(ctx, 'col-interest-due'), kind: 'money' }, { key: 'days_overdue', label: text(ctx, 'col-days-overdue'), kind: 'count' },
        ],
        rows: loans.map((l) => [l.memberName, l.disbursedOn, l.principal, l.principalOutstanding, l.interestDue, String(l.daysOverdue)]),
        total: [text(ctx, 'total'), null, String(loans.reduce((s, l) => s + BigInt(l.principal), 0n)), p.principalOutstanding,
          String(loans.reduce((s, l) => s + BigInt(l.interestDue), 0n)), null],
      },
    ],
    notes: [text(ctx, 'par-definition'), text(ctx, 'repayment-rate-definition')],
  };
}

/** The animals a grant paid for and their young, one line each, the young under their mother marked with a dash per generation. */
function animalLines(ctx: CallContext, animals: readonly StatementAnimal[], depth = 0): (string | null)[][] {
  return animals.flatMap((a) => [
    [`${'— '.repeat(depth)}${a.tag}`, text(ctx, `species-${a.species}`), String(a.heads), text(ctx, `animal-${a.status}`), a.keeperName, a.grantCost, a.grantProceeds],
    ...animalLines(ctx, a.children, depth + 1),
  ]);
}

export function grantUseStatement(ctx: CallContext, req: StatementRequest): StatementBody {
  if (!req.grantId) throw new LedgerError('grant-not-found', {}, 'grantId');
  const g = grantStatement(ctx, req.associationId, req.grantId, req.asOf);
  const spendings: StatementTable = {
    key: 'spendings', title: text(ctx, 'spendings'),
    columns: [
      { key: 'date', label: text(ctx, 'col-date'), kind: 'date' }, { key: 'kind', label: text(ctx, 'col-kind'), kind: 'text' },
      { key: 'description', label: text(ctx, 'col-memo'), kind: 'text' }, { key: 'total', label: text(ctx, 'col-total-cost'), kind: 'money' },
      { key: 'from_grant', label: text(ctx, 'col-from-grant'), kind: 'money' }, { key: 'receipts', label: text(ctx, 'col-receipts'), kind: 'count' },
    ],
    rows: g.spendings.map((s) => [s.date, text(ctx, `spending-${s.kind}`), s.animalTag && !s.description.includes(s.animalTag) ? `${s.description} (${s.animalTag})` : s.description, s.total, s.fromGrant, String(s.evidence.length)]),
    total: [null, text(ctx, 'total'), null, String(g.spendings.reduce((t, s) => t + BigInt(s.total), 0n)), g.spent, String(g.spendings.reduce((t, s) => t + s.evidence.length, 0))],
  };
  return {
    title: text(ctx, 'grant-use', { grant: g.grant.label }),
    tables: [
      {
        key: 'summary', title: text(ctx, 'grant-summary'), columns: lineAmount(ctx),
        // Money out as negative amounts: the column adds up to what is unspent.
        rows: [[text(ctx, 'grant-received'), g.received], [text(ctx, 'grant-spent'), String(-BigInt(g.spent))], [text(ctx, 'grant-back-from-sales'), g.backFromSales], [text(ctx, 'grant-returned'), String(-BigInt(g.returned))]],
        total: [text(ctx, 'grant-unspent'), g.unspent],
      },
      spendings,
      {
        key: 'animals', title: text(ctx, 'grant-animals'),
        columns: [
          { key: 'tag', label: text(ctx, 'col-tag'), kind: 'text' }, { key: 'species', label: text(ctx, 'col-species'), kind: 'text' },
          { key: 'heads', label: text(ctx, 'col-heads'), kind: 'count' }, { key: 'status', label: text(ctx, 'col-status'), kind: 'text' },
          { key: 'keeper', label: text(ctx, 'col-keeper'), kind: 'text' }, { key: 'grant_cost', label: text(ctx, 'col-grant-cost'), kind: 'money' },
          { key: 'grant_proceeds', label: text(ctx, 'col-grant-proceeds'), kind: 'money' },
        ],
        rows: animalLines(ctx, g.animals),
      },
    ],
    notes: [text(ctx, 'grant-use-note', { alive: g.herd.alive, sold: g.herd.sold, dead: g.herd.dead, passedOn: g.herd.passedOn })],
  };
}

export function shareOutStatement(ctx: CallContext, req: StatementRequest): StatementBody {
  const cycle = getCycle(ctx, req.associationId, req.cycleId ?? '');
  const posted = postedShareOut(ctx, req.associationId, cycle.id);
  if (!posted) throw new LedgerError('statement-no-share-out', { cycle: cycle.name }, 'cycleId');
  const w = posted.working;
  const paidHow = new Map(posted.payments.map((p) => [p.memberId, p]));
  const left = new Map(posted.reinvested.map((r) => [r.memberId, r.amount]));
  return {
    title: text(ctx, 'share-out', { cycle: cycle.name }),
    tables: [
      {
        key: 'pool', title: text(ctx, 'share-out-pool'), columns: lineAmount(ctx),
        rows: [
          [text(ctx, 'so-savings'), w.savings], [text(ctx, 'so-interest'), w.income.interest], [text(ctx, 'so-interest-netted'), w.interestNetted],
          [text(ctx, 'so-fines'), w.income.fines], [text(ctx, 'so-fees'), w.income.fees], [text(ctx, 'so-other'), w.income.other],
          [text(ctx, 'so-expenses'), String(-BigInt(w.expenses.general) - BigInt(w.expenses.bank) - BigInt(w.expenses.writeOffs) - BigInt(w.expenses.cashDifferences))],
          [text(ctx, 'so-group-fund'), w.groupFund], [text(ctx, 'so-social-fund'), w.socialFundShared ? w.socialFund : '0'],
          [text(ctx, 'so-reserve'), String(-BigInt(posted.reserve))], [text(ctx, 'so-remainder'), String(-BigInt(posted.remainder))],
        ],
        total: [text(ctx, 'so-divided'), String(BigInt(w.pool) - BigInt(posted.reserve) - BigInt(posted.remainder))],
      },
      {
        key: 'parts', title: text(ctx, 'share-out-parts'),
        columns: [
          { key: 'member_no', label: text(ctx, 'col-no'), kind: 'count' }, { key: 'member', label: text(ctx, 'col-member'), kind: 'text' },
          { key: 'weight', label: text(ctx, posted.basis === 'shares' ? 'col-shares' : posted.basis === 'share_days' ? 'col-share-days' : 'col-saved'), kind: posted.basis === 'savings' ? 'money' : 'count' },
          { key: 'part', label: text(ctx, 'col-part'), kind: 'money' }, { key: 'loan_netted', label: text(ctx, 'col-loan-netted'), kind: 'money' },
          { key: 'payout', label: text(ctx, 'col-payout'), kind: 'money' }, { key: 'left_in', label: text(ctx, 'col-left-in'), kind: 'money' },
          { key: 'still_owed', label: text(ctx, 'col-still-owed'), kind: 'money' }, { key: 'paid_how', label: text(ctx, 'col-paid-how'), kind: 'text' },
        ],
        rows: posted.members.map((m) => {
          const how = paidHow.get(m.memberId);
          return [
            String(m.memberNo), m.fullName, m.weight, m.share, m.loanNetted, m.payout, left.get(m.memberId) ?? null, m.debtCarried,
            how ? (how.method === 'mobile_money' ? text(ctx, 'paid-mobile', { phone: how.phone ?? '' }) : text(ctx, 'paid-cash')) : null,
          ];
        }),
        total: [null, text(ctx, 'total'), null, String(posted.members.reduce((s, m) => s + BigInt(m.share), 0n)), String(posted.members.reduce((s, m) => s + BigInt(m.loanNetted), 0n)),
          String(posted.members.reduce((s, m) => s + BigInt(m.payout), 0n)), String(posted.reinvested.reduce((s, r) => s + BigInt(r.amount), 0n)),
          String(posted.members.reduce((s, m) => s + BigInt(m.debtCarried), 0n)), null],
      },
    ],
    notes: [text(ctx, 'share-out-note', { who: posted.confirmedBy })],
  };
}
