// The registers as statements: a meeting's minutes (who came, what each paid, the
// totals and the cash count), one loan's statement (its schedule and repayments) and
// the livestock register (every animal, where it is and who keeps it, on a day).

import type { CallContext } from '../context';
import { ERROR_CATALOGS, messageIn } from '../messages/render';
import { prepared } from '../prepared';
import { formatDate } from '../locale/dates';
import { getMeeting } from '../meetings/handlers';
import { loanStatementOf } from '../loans/handlers';
import { loadHerd } from '../livestock/herd';
import { animalView, namesFor, type AnimalView } from '../livestock/views';
import { aboutRows } from '../history/about';
import { statementText } from './words';
import type { StatementRequest } from './model';
import type { StatementBody } from './financial';

const text = statementText;

export function meetingMinutesStatement(ctx: CallContext, req: StatementRequest): StatementBody {
  const m = getMeeting(ctx, req.associationId, req.meetingId ?? '');
  const t = m.totals;
  return {
    title: text(ctx, 'minutes', { date: formatDate(m.date, ctx.actor.locale) }),
    tables: [
      {
        key: 'members', title: text(ctx, 'minutes-members', { present: m.present, absent: m.absent, represented: m.represented }),
        columns: [
          { key: 'member_no', label: text(ctx, 'col-no'), kind: 'count' }, { key: 'member', label: text(ctx, 'col-member'), kind: 'text' },
          { key: 'attendance', label: text(ctx, 'col-attendance'), kind: 'text' }, { key: 'shares', label: text(ctx, 'col-shares'), kind: 'count' },
          { key: 'saved', label: text(ctx, 'col-saved'), kind: 'money' }, { key: 'social_fund', label: text(ctx, 'col-social-fund'), kind: 'money' },
          { key: 'fines', label: text(ctx, 'col-fines'), kind: 'money' }, { key: 'loan_repaid', label: text(ctx, 'col-loan-repaid'), kind: 'money' },
          { key: 'total', label: text(ctx, 'total'), kind: 'money' },
        ],
        rows: m.rows.map((r) => [String(r.memberNo), r.name, text(ctx, `attendance-${r.attendance}`), String(r.shares), r.savings, r.socialFund,
          String(BigInt(r.fines) + BigInt(r.entranceFee)), r.loanRepayment, r.total]),
        total: [null, text(ctx, 'total'), null, String(t.shares), t.savings, t.socialFund, String(BigInt(t.fines) + BigInt(t.entranceFee)), t.loanRepayment, t.total],
      },
      {
        key: 'cash_count', title: text(ctx, 'cash-count'),
        columns: [
          { key: 'where', label: text(ctx, 'col-line'), kind: 'text' }, { key: 'opening', label: text(ctx, 'col-opening'), kind: 'money' },
          { key: 'money_in', label: text(ctx, 'col-in'), kind: 'money' }, { key: 'expected', label: text(ctx, 'col-expected'), kind: 'money' },
          { key: 'counted', label: text(ctx, 'col-counted'), kind: 'money' }, { key: 'difference', label: text(ctx, 'col-difference'), kind: 'money' },
        ],
        rows: [
          [text(ctx, 'cash-box'), m.box.opening, m.box.moneyIn, m.box.expected, m.box.counted, m.box.difference],
          [text(ctx, 'cash-bank'), m.bank.opening, m.bank.moneyIn, m.bank.expected, m.bank.counted, m.bank.difference],
        ],
      },
      {
        key: 'loans_given', title: text(ctx, 'minutes-loans-given'),
        columns: [
          { key: 'member_no', label: text(ctx, 'col-no'), kind: 'count' }, { key: 'member', label: text(ctx, 'col-member'), kind: 'text' },
          { key: 'principal', label: text(ctx, 'col-principal'), kind: 'money' },
        ],
        rows: m.loansGiven.map((l) => [String(l.memberNo), l.name, l.principal]),
        ...(m.loansGiven.length > 0 ? { total: [null, text(ctx, 'total'), String(m.loansGiven.reduce((s, l) => s + BigInt(l.principal), 0n))] } : {}),
      },
    ],
    notes: [
      text(ctx, 'minutes-closed', { by: m.closedBy }),
      ...(m.differenceReason ? [text(ctx, 'minutes-difference', { reason: m.differenceReason })] : []),
      ...m.versions.filter((v) => v.reason).map((v) => text(ctx, 'minutes-corrected', { version: v.version, by: v.by, reason: v.reason ?? '' })),
      text(ctx, 'minutes-sign'),
    ],
  };
}

export function loanStatement(ctx: CallContext, req: StatementRequest): StatementBody {
  const l = loanStatementOf(ctx, req.associationId, req.loanId ?? '', req.asOf);
  return {
    title: text(ctx, 'loan-statement', { name: l.memberName }),
    tables: [
      {
        key: 'position', title: text(ctx, 'loan-position'),
        columns: [{ key: 'line', label: text(ctx, 'col-line'), kind: 'text' }, { key: 'amount', label: text(ctx, 'col-amount'), kind: 'money' }],
        rows: [
          [text(ctx, 'col-principal'), l.principal], [text(ctx, 'col-outstanding'), l.principalOutstanding], [text(ctx, 'col-interest-due'), l.interestDue],
          [text(ctx, 'penalty-due'), l.penaltyDue], [text(ctx, 'arrears'), l.arrears],
        ],
      },
      {
        key: 'schedule', title: text(ctx, 'schedule'),
        columns: [
          { key: 'number', label: text(ctx, 'col-no'), kind: 'count' }, { key: 'due_on', label: text(ctx, 'col-due-on'), kind: 'date' },
          { key: 'principal', label: text(ctx, 'col-principal-part'), kind: 'money' }, { key: 'interest', label: text(ctx, 'col-interest'), kind: 'money' },
          { key: 'payment', label: text(ctx, 'col-payment'), kind: 'money' }, { key: 'covered', label: text(ctx, 'col-covered'), kind: 'money' },
          { key: 'status', label: text(ctx, 'col-status'), kind: 'text' },
        ],
        rows: l.schedule.map((i) => [String(i.number), i.dueOn, i.principal, i.interest, i.payment, i.covered, text(ctx, `instalment-${i.status}`)]),
        total: [null, null, String(l.schedule.reduce((s, i) => s + BigInt(i.principal), 0n)), String(l.schedule.reduce((s, i) => s + BigInt(i.interest), 0n)),
          String(l.schedule.reduce((s, i) => s + BigInt(i.payment), 0n)), String(l.schedule.reduce((s, i) => s + BigInt(i.covered), 0n)), null],
      },
      {
        key: 'repayments', title: text(ctx, 'repayments'),
        columns: [
          { key: 'paid_on', label: text(ctx, 'col-date'), kind: 'date' }, { key: 'penalty', label: text(ctx, 'col-penalty'), kind: 'money' },
          { key: 'interest', label: text(ctx, 'col-interest'), kind: 'money' }, { key: 'principal', label: text(ctx, 'col-principal-part'), kind: 'money' },
        ],
        rows: l.repayments.map((r) => [r.paidOn, r.penalty, r.interest, r.principal]),
      },
    ],
    notes: l.guarantors.length > 0 ? [text(ctx, 'guarantors', { names: l.guarantors.join(', ') })] : [],
  };
}

export function livestockRegisterStatement(ctx: CallContext, req: StatementRequest): StatementBody {
  const herd = loadHerd(ctx, req.associationId);
  const names = namesFor(ctx, req.associationId);
  const animals = [...herd.values()].map((a) => animalView(herd, a, names, req.asOf)).filter((v): v is AnimalView => v !== null)
    .sort((a, b) => a.tag.localeCompare(b.tag));
  return {
    title: text(ctx, 'livestock-register'),
    tables: [{
      key: 'animals', title: text(ctx, 'livestock-register'),
      columns: [
        { key: 'tag', label: text(ctx, 'col-tag'), kind: 'text' }, { key: 'species', label: text(ctx, 'col-species'), kind: 'text' },
        { key: 'heads', label: text(ctx, 'col-heads'), kind: 'count' }, { key: 'acquired_on', label: text(ctx, 'col-date'), kind: 'date' },
        { key: 'mother', label: text(ctx, 'col-mother'), kind: 'text' }, { key: 'status', label: text(ctx, 'col-status'), kind: 'text' },
        { key: 'keeper', label: text(ctx, 'col-keeper'), kind: 'text' }, { key: 'cost_left', label: text(ctx, 'col-cost-left'), kind: 'money' },
      ],
      rows: animals.map((a) => [a.tag, text(ctx, `species-${a.species}`), String(a.heads), a.acquiredOn, a.motherTag, text(ctx, `animal-${a.status}`), a.keeperName, a.costLeft]),
      total: [text(ctx, 'total'), null, String(animals.filter((a) => a.status === 'alive').reduce((n, a) => n + a.heads, 0)), null, null, null, null,
        String(animals.reduce((s, a) => s + BigInt(a.costLeft), 0n))],
    }],
    notes: [text(ctx, 'livestock-register-note')],
  };
}

/** Every change recorded in a period, who made it and how it ended: for an officer's file. */
const HISTORY = `SELECT at, actor, channel, command, outcome, target_id AS targetId, input_json AS inputJson FROM change_log
  WHERE association_id = ? AND at >= ? AND at <= ? ORDER BY at, rowid`;

export function historyStatement(ctx: CallContext, req: StatementRequest): StatementBody {
  const rows = prepared(ctx.ledger.sqlite, HISTORY).all(req.associationId, `${req.from ?? '0000-01-01'}T00:00:00.000Z`, `${req.asOf}T23:59:59.999Z`) as
    { at: string; actor: string; channel: string; command: string; outcome: string; targetId: string | null; inputJson: string }[];
  const locale = ctx.actor.locale;
  // The change and what it was about, as the History screen says it ("Death recorded — cow C-01 (keeper …)").
  const about = aboutRows(ctx, req.associationId, locale, rows.map((r) => ({ command: r.command, targetId: r.targetId, input: JSON.parse(r.inputJson) as unknown })));
  const what = (command: string, i: number) => [ERROR_CATALOGS[locale][`command.${command}`] ?? command, about[i]].filter(Boolean).join(' — ');
  return {
    title: text(ctx, 'history'),
    tables: [{
      key: 'changes', title: text(ctx, 'history'),
      columns: [
        { key: 'at', label: text(ctx, 'col-when'), kind: 'text' }, { key: 'who', label: text(ctx, 'col-who'), kind: 'text' },
        { key: 'command', label: text(ctx, 'col-what'), kind: 'text' }, { key: 'outcome', label: text(ctx, 'col-outcome'), kind: 'text' },
        { key: 'door', label: text(ctx, 'col-door'), kind: 'text' },
      ],
      rows: rows.map((r, i) => [
        `${formatDate(r.at.slice(0, 10), locale)} ${r.at.slice(11, 16)}`, r.actor, what(r.command, i),
        r.outcome === 'done' ? text(ctx, 'outcome-done') : text(ctx, 'outcome-refused', { reason: messageIn(locale, r.outcome, {}) }), r.channel,
      ]),
    }],
    notes: [text(ctx, 'history-note')],
  };
}
