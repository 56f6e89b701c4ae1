// One loan: its terms, every instalment due and what covered it, every repayment,
// and the next step — approve, pay out, receive a repayment, write off.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, LoanStatement as Statement, WhoIsSignedIn } from '../../../electron/server/contract';
import { DateField, FormError, MoneyField, TextField } from '../components/fields';
import { useCommand } from '../hooks';
import { NO_SECOND_PERSON, SecondPersonFields, type SecondPerson } from '../components/SecondPerson';
import { currencySymbol, date, money, percent, today } from '../format';
import { ExportButtons } from '../components/ExportButtons';
import { LoanStatusText } from './LoanStatusText';

interface Props {
  readonly association: AssociationView;
  readonly who: WhoIsSignedIn;
  readonly loan: Statement;
  readonly onChanged: (loan: Statement) => void;
  readonly onBack: () => void;
}

export function LoanStatement({ association, who, loan, onChanged, onBack }: Props) {
  const { t } = useTranslation();
  const command = useCommand();
  const [when, setWhen] = useState(today());
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [newTerm, setNewTerm] = useState('');
  const [secondPerson, setSecondPerson] = useState<SecondPerson>(NO_SECOND_PERSON);
  const m = (minor: string) => money(minor, association.currency);
  const writable = who.can.record && !association.readOnly;
  const ids = { associationId: association.id, loanId: loan.id };

  async function act(step: 'approve' | 'disburse' | 'repay' | 'write-off' | 'reschedule' | 'cancel') {
    const term = /^\d{1,3}$/.test(newTerm.trim()) ? Number(newTerm.trim()) : Number.NaN;
    const next =
      step === 'reschedule' ? await command.run('loan-reschedule', { ...ids, date: when, instalments: term, reason })
      : step === 'approve' ? await command.run('loan-approve', { ...ids, date: when })
      : step === 'disburse' ? await command.run('loan-disburse', { ...ids, date: when })
      : step === 'repay' ? await command.run('loan-repay', { ...ids, date: when, amount })
      : step === 'cancel' ? await command.run('loan-cancel', { ...ids, date: when, reason })
      : await command.run('loan-write-off', { ...ids, date: when, reason, confirmation: secondPerson });
    // The confirmer's PIN is never kept once it has been sent.
    setSecondPerson((p) => ({ ...p, pin: '' }));
    if (!next) return;
    setAmount('');
    const statement = await command.run('loan-get', ids);
    if (statement) onChanged(statement);
  }

  return (
    <section aria-labelledby="loan-title">
      <h1 id="loan-title">{t('loan.title', { name: t('meeting.memberNo', { no: loan.memberNo, name: loan.memberName }) })}</h1>
      <p data-testid="loan-terms">
        {t('loan.terms', {
          principal: m(loan.principal), instalments: loan.instalments, rate: percent(loan.monthlyRatePercent),
          method: t(`loan.method.${loan.method}`), frequency: t(`loan.frequency.${loan.frequency}`),
        })}
      </p>
      <p>
        <strong data-testid="loan-status"><LoanStatusText loan={loan} /></strong> · {t('loan.purposeIs', { purpose: loan.purpose })}
        {loan.scheduleVersion > 1 ? ` · ${t('loan.rescheduled', { count: loan.scheduleVersion - 1 })}` : ''}
      </p>
      <dl className="cash-count">
        <div><dt>{t('loan.outstanding')}</dt><dd data-testid="loan-outstanding">{m(loan.principalOutstanding)}</dd></div>
        <div><dt>{t('loan.interestDue')}</dt><dd>{m(loan.interestDue)}</dd></div>
        <div><dt>{t('loan.penaltyDue')}</dt><dd>{m(loan.penaltyDue)}</dd></div>
        <div><dt>{t('loan.arrears')}</dt><dd>{m(loan.arrears)}</dd></div>
        <div><dt>{t('loan.daysOverdue')}</dt><dd data-testid="loan-days-overdue">{loan.daysOverdue}</dd></div>
      </dl>
      {loan.schedule.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('loan.schedule')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('loan.dueOn')}</th>
                <th scope="col" className="num">{t('loan.payment')}</th>
                <th scope="col" className="num">{t('loan.paid')}</th>
                <th scope="col">{t('loan.status')}</th>
              </tr>
            </thead>
            <tbody>
              {loan.schedule.map((s) => (
                <tr key={s.number}>
                  <td>{s.number}</td>
                  <td>{date(s.dueOn)}</td>
                  <td className="num">{m(s.payment)}</td>
                  <td className="num">{m(s.covered)}</td>
                  <td className={s.status === 'late' ? 'late' : ''}>{t(`loan.instalment.${s.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {loan.repayments.length > 0 ? (
        <>
          <h2>{t('loan.repayments')}</h2>
          <ul>
            {loan.repayments.map((r, k) => (
              <li key={k}>{t('loan.repaymentLine', { date: date(r.paidOn), principal: m(r.principal), interest: m(r.interest), penalty: m(r.penalty) })}</li>
            ))}
          </ul>
        </>
      ) : null}

      {writable && loan.status !== 'closed' && loan.status !== 'written_off' && loan.status !== 'cancelled' ? (
        <div className="settings-form no-print">
          <h2>{t('loan.next')}</h2>
          <DateField legend={t('loan.date')} name="when" value={when} onChange={setWhen} error={command.fieldErrors.date} required />
          {loan.status === 'disbursed' ? (
            <MoneyField label={t('loan.amountReceived')} name="amount" value={amount} onChange={setAmount} currency={currencySymbol(association.currency)} error={command.fieldErrors.amount} required />
          ) : null}
          {(loan.status === 'applied' || loan.status === 'approved') && who.can.manageUsers ? (
            <TextField label={t('loan.cancelReason')} name="reason" value={reason} onChange={setReason} error={command.fieldErrors.reason} hint={t('loan.cancelHint')} />
          ) : null}
          {loan.status === 'disbursed' && who.can.manageUsers ? (
            <>
              <TextField label={t('loan.newTerm')} name="instalments" value={newTerm} onChange={setNewTerm} error={command.fieldErrors.instalments} hint={t('loan.newTermHint')} count />
              <TextField label={t('loan.writeOffReason')} name="reason" value={reason} onChange={setReason} error={command.fieldErrors.reason} />
              <SecondPersonFields associationId={association.id} currentUserId={who.user.userId} value={secondPerson} onChange={setSecondPerson} fieldErrors={command.fieldErrors} />
            </>
          ) : null}
          <FormError message={command.errorOutside(['date', 'amount', 'reason', 'instalments', 'confirmation', 'confirmation.*'])} />
          <div className="actions actions--start">
            {loan.status === 'applied' && who.can.manageUsers ? <button type="button" className="button" onClick={() => void act('approve')}>{t('loan.approve')}</button> : null}
            {loan.status === 'approved' ? <button type="button" className="button" onClick={() => void act('disburse')}>{t('loan.disburse')}</button> : null}
            {loan.status === 'disbursed' ? <button type="button" className="button" onClick={() => void act('repay')}>{t('loan.repay')}</button> : null}
            {loan.status === 'disbursed' && who.can.manageUsers ? <button type="button" className="button button--secondary" onClick={() => void act('reschedule')}>{t('loan.reschedule')}</button> : null}
            {loan.status === 'disbursed' && who.can.manageUsers ? <button type="button" className="button button--danger" onClick={() => void act('write-off')}>{t('loan.writeOff')}</button> : null}
            {(loan.status === 'applied' || loan.status === 'approved') && who.can.manageUsers ? <button type="button" className="button button--danger" onClick={() => void act('cancel')}>{t('loan.cancel')}</button> : null}
          </div>
        </div>
      ) : null}
      <div className="actions actions--start no-print">
        <button type="button" className="button button--secondary" onClick={onBack}>{t('common.back')}</button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>{t('common.print')}</button>
      </div>
      <ExportButtons request={{ associationId: association.id, kind: 'loan-statement', loanId: loan.id, asOf: today() }} suggestedName={`${t('loan.title', { name: loan.memberName })} ${today()}`} />
    </section>
  );
}
