// Home's to-do list: what needs doing today, each line opening the place to act.
// The server works the list out (home-todo); this only words it.

import { useTranslation } from 'react-i18next';
import type { AssociationView, TodoList, WhoIsSignedIn } from '../../../electron/server/contract';
import { date, money } from '../format';

interface Line {
  readonly key: string;
  readonly text: string;
  readonly href: string;
  /** Overdue or missing: shown first and marked. */
  readonly urgent: boolean;
}

/** The list's lines, most pressing first. */
function linesOf(todo: TodoList, association: AssociationView, who: WhoIsSignedIn, t: (key: string, params?: Record<string, unknown>) => string): Line[] {
  const lines: Line[] = [];
  const member = (no: number, name: string) => t('todo.member', { no, name });
  for (const l of todo.loansOverdue.slice(0, 5)) {
    lines.push({ key: `loan-${l.loanId}`, urgent: true, href: '#/loans', text: t('todo.loanOverdue', { member: member(l.memberNo, l.name), count: l.daysOverdue, arrears: money(l.arrears, association.currency) }) });
  }
  if (todo.loansOverdue.length > 5) lines.push({ key: 'loans-more', urgent: true, href: '#/loans', text: t('todo.loansMore', { count: todo.loansOverdue.length - 5 }) });
  for (const r of todo.reports) {
    lines.push({ key: `report-${r.grantId}-${r.date}`, urgent: r.overdue, href: '#/grants', text: t(r.overdue ? 'todo.reportOverdue' : 'todo.reportDue', { grant: r.grant, date: date(r.date) }) });
  }
  if (todo.receiptsMissing.length > 0) {
    lines.push({
      key: 'receipts', urgent: true, href: '#/grants',
      text: t('todo.receiptsMissing', { count: todo.receiptsMissing.length, first: `${todo.receiptsMissing[0]!.description} (${date(todo.receiptsMissing[0]!.date)})` }),
    });
  }
  if (todo.lastMeeting?.due && who.can.record) {
    lines.push({ key: 'meeting', urgent: false, href: '#/meetings', text: t('todo.meetingDue', { count: todo.lastMeeting.days, date: date(todo.lastMeeting.date) }) });
  }
  if (!todo.lastMeeting && who.can.record) lines.push({ key: 'meeting', urgent: false, href: '#/meetings', text: t('todo.firstMeeting') });
  if (todo.passOnWaiting.length > 0) {
    const first = todo.passOnWaiting[0]!;
    lines.push({ key: 'pass-on', urgent: false, href: '#/livestock', text: t('todo.passOn', { count: todo.passOnWaiting.length, first: member(first.memberNo, first.name) }) });
  }
  if (todo.backup?.stale && who.can.manageUsers) {
    lines.push({ key: 'backup', urgent: false, href: '#/settings', text: todo.backup.at ? t('todo.backupOld', { date: date(todo.backup.at.slice(0, 10)) }) : t('todo.backupNone') });
  }
  return [...lines.filter((l) => l.urgent), ...lines.filter((l) => !l.urgent)];
}

export function HomeTodo({ todo, association, who }: { readonly todo: TodoList; readonly association: AssociationView; readonly who: WhoIsSignedIn }) {
  const { t } = useTranslation();
  const lines = linesOf(todo, association, who, t);
  return (
    <section aria-labelledby="todo-title" className="todo">
      <h2 id="todo-title">{t('todo.title')}</h2>
      {lines.length === 0 ? <p data-testid="todo-empty">{t('todo.nothing')}</p> : (
        <ul className="todo__list">
          {lines.map((l) => (
            <li key={l.key} className={l.urgent ? 'todo__item todo__item--urgent' : 'todo__item'} data-todo={l.key.split('-')[0]}>
              <a href={l.href}>{l.text}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
