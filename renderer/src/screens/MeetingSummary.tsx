// A closed meeting, as minutes to read aloud, print and sign: who came, what each
// paid, the totals, the cash count with any difference and its reason, the loans
// given, every correction, and lines for the treasurer, the president and those who
// counted. Printed, it is the page alone (the app's frame is hidden by the print styles).

import { useTranslation } from 'react-i18next';
import type { AssociationView, MeetingView } from '../../../electron/server/contract';
import { date, moment, money } from '../format';
import { ExportButtons } from '../components/ExportButtons';

interface MeetingSummaryProps {
  readonly association: AssociationView;
  readonly meeting: MeetingView;
  readonly canRecord: boolean;
  readonly onCorrect: () => void;
  readonly onBack: () => void;
}

export function MeetingSummary({ association, meeting, canRecord, onCorrect, onBack }: MeetingSummaryProps) {
  const { t } = useTranslation();
  const m = (minor: string) => money(minor, association.currency);
  const diff = meeting.box.difference;
  const lending = meeting.totals.loanRepayment !== '0';
  return (
    <section aria-labelledby="summary-title" className="summary">
      <p className="print-only summary-association">{association.name}</p>
      {/* On paper too: a practice group's summary never passes for a real meeting's. */}
      {association.practice ? <p className="print-only summary-practice">{t('practice.printed')}</p> : null}
      <h1 id="summary-title">{t('meeting.summaryTitle', { date: date(meeting.date) })}</h1>
      <p>{t('meeting.attendanceLine', { present: t('meeting.presentCount', { count: meeting.present }), represented: t('meeting.representedCount', { count: meeting.represented }), absent: t('meeting.absentCount', { count: meeting.absent }) })}</p>
      {meeting.absent > 0 ? (
        <p className="muted">{t('meeting.absentNames', { names: meeting.rows.filter((r) => r.attendance === 'absent').map((r) => t('meeting.memberNo', { no: r.memberNo, name: r.name })).join(', ') })}</p>
      ) : null}
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('meeting.sheet')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('members.number')}</th>
              <th scope="col">{t('members.fullName')}</th>
              <th scope="col">{t('meeting.attendance')}</th>
              <th scope="col" className="num">{t('meeting.sharesShort')}</th>
              <th scope="col" className="num">{t('meeting.savings')}</th>
              <th scope="col" className="num">{t('meeting.socialFund')}</th>
              <th scope="col" className="num">{t('meeting.fines')}</th>
              {lending ? <th scope="col" className="num">{t('meeting.loanRepayment')}</th> : null}
              <th scope="col" className="num">{t('meeting.total')}</th>
            </tr>
          </thead>
          <tbody>
            {meeting.rows.map((r) => (
              <tr key={r.memberId}>
                <td>{r.memberNo}</td>
                <th scope="row">{r.name}</th>
                <td>{t(`meeting.${r.attendance}`)}</td>
                <td className="num">{r.shares}</td>
                <td className="num">{m(r.savings)}</td>
                <td className="num">{m(r.socialFund)}</td>
                <td className="num">{m(r.fines)}</td>
                {lending ? <td className="num">{m(r.loanRepayment)}</td> : null}
                <td className="num">{m(r.total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>{t('meeting.totals')}</th>
              <td className="num">{meeting.totals.shares}</td>
              <td className="num">{m(meeting.totals.savings)}</td>
              <td className="num">{m(meeting.totals.socialFund)}</td>
              <td className="num">{m(meeting.totals.fines)}</td>
              {lending ? <td className="num">{m(meeting.totals.loanRepayment)}</td> : null}
              <td className="num" data-testid="meeting-total">{m(meeting.totals.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h2>{t('meeting.cashCount')}</h2>
      <dl className="cash-count">
        <div><dt>{t('meeting.opening')}</dt><dd>{m(meeting.box.opening)}</dd></div>
        <div><dt>{t('meeting.moneyIn')}</dt><dd>{m(meeting.box.moneyIn)}</dd></div>
        <div><dt>{t('meeting.expected')}</dt><dd>{m(meeting.box.expected)}</dd></div>
        <div><dt>{t('meeting.countedBox')}</dt><dd>{m(meeting.box.counted)}</dd></div>
        <div><dt>{t('meeting.difference')}</dt><dd data-testid="box-difference">{m(diff)}</dd></div>
      </dl>
      {meeting.differenceReason ? <p>{t('meeting.reasonGiven', { reason: meeting.differenceReason })}</p> : null}
      <h2>{t('meeting.loansGiven')}</h2>
      {meeting.loansGiven.length === 0 ? <p className="muted">{t('meeting.noLoansGiven')}</p> : (
        <ul className="loans-given" data-testid="loans-given">
          {meeting.loansGiven.map((l) => <li key={l.loanId}>{t('meeting.memberNo', { no: l.memberNo, name: l.name })}: {m(l.principal)}</li>)}
        </ul>
      )}
      <h2>{t('meeting.record')}</h2>
      <ul className="versions">
        {meeting.versions.map((v) => (
          <li key={v.version}>
            {v.version === 1
              ? t('meeting.closedBy', { by: v.by, at: moment(v.at) })
              : t('meeting.correctedBy', { by: v.by, at: moment(v.at), reason: v.reason ?? '' })}
          </li>
        ))}
      </ul>
      <div className="sign-block">
        <h2>{t('meeting.signatures')}</h2>
        <div className="signatures" data-testid="signatures">
          {(['signTreasurer', 'signPresident', 'signCounted', 'signCounted'] as const).map((key, i) => (
            <div key={i} className="signature"><span className="signature__line" aria-hidden="true" />{t(`meeting.${key}`)}</div>
          ))}
        </div>
      </div>
      <div className="actions actions--start no-print">
        <button type="button" className="button button--secondary" onClick={onBack}>{t('common.back')}</button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>{t('common.print')}</button>
        {canRecord && !association.readOnly ? <button type="button" className="button" onClick={onCorrect}>{t('meeting.correct')}</button> : null}
      </div>
      <ExportButtons request={{ associationId: association.id, kind: 'meeting-minutes', meetingId: meeting.id, asOf: meeting.date }} suggestedName={`${t('meeting.summaryTitle', { date: meeting.date })}`} />
    </section>
  );
}
