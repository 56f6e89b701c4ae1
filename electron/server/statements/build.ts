// A statement built from the books, with its particulars and its fingerprint. The
// request is checked here (what a treasurer would get wrong: a day before the group
// existed, a period that ends before it starts, a member who is not theirs).

import { LedgerError } from '../errors';
import type { CallContext } from '../context';
import { getAssociation } from '../association-record';
import { formatDate } from '../locale/dates';
import { placeLine } from '../locale/places';
import { messageIn } from '../messages/render';
import { booksHead } from './fingerprint';
import { contentHashOf, type Statement, type StatementKind, type StatementRequest } from './model';
import { financialPositionStatement, incomeExpenditureStatement, trialBalanceStatement, type StatementBody } from './financial';
import { cashBookStatement, memberStatement } from './books';
import { grantUseStatement, loanPortfolioStatement, shareOutStatement } from './records';
import { historyStatement, livestockRegisterStatement, loanStatement, meetingMinutesStatement } from './registers';

const BUILDERS: Record<StatementKind, (ctx: CallContext, req: StatementRequest) => StatementBody> = {
  'trial-balance': trialBalanceStatement,
  'financial-position': financialPositionStatement,
  'income-expenditure': incomeExpenditureStatement,
  'cash-book': cashBookStatement,
  'member-statement': memberStatement,
  'loan-portfolio': loanPortfolioStatement,
  'grant-use': grantUseStatement,
  'share-out': shareOutStatement,
  'meeting-minutes': meetingMinutesStatement,
  'loan-statement': loanStatement,
  'livestock-register': livestockRegisterStatement,
  history: historyStatement,
};

/** Statements about a period (the others are as of a day). */
const PERIODS: ReadonlySet<StatementKind> = new Set(['income-expenditure', 'cash-book', 'history']);

/** The request with only what its kind uses (so that the fingerprint names exactly what was asked). */
export function normalRequest(req: StatementRequest): StatementRequest {
  return {
    kind: req.kind, associationId: req.associationId, asOf: req.asOf,
    ...(PERIODS.has(req.kind) && req.from ? { from: req.from } : {}),
    ...(req.kind === 'member-statement' ? { memberId: req.memberId } : {}),
    ...(req.kind === 'cash-book' ? { account: req.account ?? 'box' } : {}),
    ...(req.kind === 'grant-use' ? { grantId: req.grantId } : {}),
    ...(req.kind === 'share-out' ? { cycleId: req.cycleId } : {}),
    ...(req.kind === 'meeting-minutes' ? { meetingId: req.meetingId } : {}),
    ...(req.kind === 'loan-statement' ? { loanId: req.loanId } : {}),
  };
}

export function buildStatement(ctx: CallContext, asked: StatementRequest): Statement {
  const req = normalRequest(asked);
  const association = getAssociation(ctx, req.associationId);
  if (req.asOf < association.foundedOn) throw new LedgerError('statement-before-founding', { date: association.foundedOn }, 'asOf');
  if (req.from !== undefined && req.from > req.asOf) throw new LedgerError('statement-period-backwards', {}, 'from');
  if (req.kind === 'member-statement' && !req.memberId) throw new LedgerError('member-not-found', {}, 'memberId');
  const locale = ctx.actor.locale;
  // The head first: the figures then include at least every entry it covers (all in one read transaction).
  const head = booksHead(ctx, req.associationId);
  const body = BUILDERS[req.kind](ctx, req);
  const place = placeLine(association.country, association);
  const period = req.from
    ? messageIn(locale, 'statement.period', { from: formatDate(req.from, locale), to: formatDate(req.asOf, locale) })
    : messageIn(locale, 'statement.as-of', { date: formatDate(req.asOf, locale) });
  return {
    kind: req.kind, title: body.title, period,
    // A practice group's statement says so wherever its name is printed: made-up books never pass for real ones, renamed or not.
    association: {
      name: association.practice ? messageIn(locale, 'statement.practice-name', { name: association.name }) : association.name,
      place, registrationNo: association.registrationNo, currency: association.currency,
    },
    locale, printedBy: ctx.actorName, printedAt: ctx.now().toISOString(), tables: body.tables, notes: body.notes,
    fingerprint: { version: 1, request: req, locale, ...head, contentHash: contentHashOf(body.tables) },
  };
}
