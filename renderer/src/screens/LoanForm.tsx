// A loan application: the cycle's rate and limits said first, then the terms, and the
// repayment schedule shown as they are typed (worked out by the server under the
// cycle's rules), above the button that records it.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, LoanStatement, ScheduleView } from '../../../electron/server/contract';
import { DateField, FormError, MoneyField, SelectField, TextField } from '../components/fields';
import { call } from '../api';
import { useCommand, useErrorText, useQuery } from '../hooks';
import { currencySymbol, date, isIsoDate, money, percent, today } from '../format';

export function LoanForm({ association, onApplied, onCancel }: { readonly association: AssociationView; readonly onApplied: (loan: LoanStatement) => void; readonly onCancel: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const command = useCommand();
  const { data: members } = useQuery('member-list', { associationId: association.id, status: 'active' }, [association.id]);
  const [form, setForm] = useState({ memberId: '', principal: '', instalments: '3', date: today(), purpose: '' });
  const [guarantors, setGuarantors] = useState<string[]>([]);
  const [preview, setPreview] = useState<{ schedule: ScheduleView | null; problem: string | null }>({ schedule: null, problem: null });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const instalments = /^\d{1,3}$/.test(form.instalments.trim()) ? Number(form.instalments.trim()) : Number.NaN;
  // The rate and limits of the cycle the loan's date falls in (nothing shown for a date outside every cycle: the preview says why).
  const { data: terms } = useQuery('loan-terms-get', isIsoDate(form.date) ? { associationId: association.id, date: form.date } : null, [association.id, form.date]);

  // The schedule, live: asked of the server as the terms change.
  useEffect(() => {
    if (!form.memberId || !form.principal.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(form.date)) {
      setPreview({ schedule: null, problem: null });
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      void call('loan-preview', { associationId: association.id, memberId: form.memberId, principal: form.principal, instalments, date: form.date }).then((r) => {
        if (live) setPreview(r.ok ? { schedule: r.value, problem: null } : { schedule: null, problem: errorText(r.error) });
      });
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [association.id, form.memberId, form.principal, form.date, instalments, errorText]);

  async function apply() {
    const loan = await command.run('loan-apply', {
      associationId: association.id, memberId: form.memberId, principal: form.principal, instalments, date: form.date, purpose: form.purpose,
      guarantorIds: guarantors.filter((g) => g !== form.memberId),
    });
    if (!loan) return;
    const statement = await command.run('loan-get', { associationId: association.id, loanId: loan.id });
    if (statement) onApplied(statement);
  }
  const m = (minor: string) => money(minor, association.currency);

  return (
    <section aria-labelledby="loan-form-title">
      <h1 id="loan-form-title">{t('loan.newTitle')}</h1>
      {terms && isIsoDate(form.date) ? (
        <p className="loan-terms" data-testid="loan-terms">
          {t('loan.termsOfCycle', {
            cycle: terms.cycleName, rate: percent(terms.monthlyRatePercent), method: t(`loan.methodShort.${terms.method}`),
            max: terms.maxInstalments, frequency: t(`loan.frequency.${terms.frequency}`), multiple: terms.maxMultipleOfSavings,
          })}
        </p>
      ) : null}
      <form className="loan-form" noValidate onSubmit={(e) => {
        e.preventDefault();
        void apply();
      }}>
        <SelectField label={t('loan.member')} name="memberId" value={form.memberId} onChange={set('memberId')} error={command.fieldErrors.memberId} required placeholder={t('common.choose')}
          options={(members ?? []).map((x) => ({ value: x.id, label: `${x.memberNo}. ${x.fullName}` }))} />
        <MoneyField label={t('loan.principal')} name="principal" value={form.principal} onChange={set('principal')} currency={currencySymbol(association.currency)} error={command.fieldErrors.principal} required />
        <TextField label={t('loan.instalments')} name="instalments" value={form.instalments} onChange={set('instalments')} error={command.fieldErrors.instalments} required count />
        <DateField legend={t('loan.date')} name="date" value={form.date} onChange={set('date')} error={command.fieldErrors.date} required />
        <TextField label={t('loan.purpose')} name="purpose" value={form.purpose} onChange={set('purpose')} error={command.fieldErrors.purpose} required />
        <details className="guarantors" open={Boolean(command.fieldErrors.guarantorIds) || guarantors.length > 0}>
          <summary>{t('loan.guarantors')}{guarantors.length > 0 ? ` (${guarantors.length})` : ''}</summary>
        <fieldset className="field choice">
          <legend className="visually-hidden">{t('loan.guarantors')}</legend>
          <p className="field__hint">{t('loan.guarantorsHint')}</p>
          <div className="choice__options">
            {(members ?? []).filter((x) => x.id !== form.memberId).map((x) => (
              <label key={x.id} className="choice__option">
                <input type="checkbox" checked={guarantors.includes(x.id)}
                  onChange={(e) => setGuarantors((g) => (e.target.checked ? [...g, x.id] : g.filter((y) => y !== x.id)))} />
                {x.fullName}
              </label>
            ))}
          </div>
          {command.fieldErrors.guarantorIds ? <p className="field__error" role="alert">{command.fieldErrors.guarantorIds}</p> : null}
        </fieldset>
        </details>
        {/* The schedule before the button: what the member will owe is read before it is recorded. */}
        <h2>{t('loan.schedule')}</h2>
        {preview.problem ? <p className="form-error" role="status">{preview.problem}</p> : null}
        {preview.schedule ? (
          <div className="table-wrap">
            <table className="table" data-testid="schedule-preview">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('loan.dueOn')}</th>
                  <th scope="col" className="num">{t('loan.principalPart')}</th>
                  <th scope="col" className="num">{t('loan.interest')}</th>
                  <th scope="col" className="num">{t('loan.payment')}</th>
                  <th scope="col" className="num">{t('loan.balanceAfter')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.schedule.instalments.map((i) => (
                  <tr key={i.number}>
                    <td>{i.number}</td>
                    <td>{date(i.dueOn)}</td>
                    <td className="num">{m(i.principal)}</td>
                    <td className="num">{m(i.interest)}</td>
                    <td className="num">{m(i.payment)}</td>
                    <td className="num">{m(i.balanceAfter)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>{t('meeting.totals')}</th>
                  <td className="num">{m(preview.schedule.totalPrincipal)}</td>
                  <td className="num">{m(preview.schedule.totalInterest)}</td>
                  <td className="num">{m(preview.schedule.totalPayment)}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
        ) : <p className="muted">{t('loan.scheduleHint')}</p>}
        <FormError message={command.errorOutside(['memberId', 'principal', 'instalments', 'date', 'purpose', 'guarantorIds'])} />
        <div className="actions actions--start">
          <button type="button" className="button button--secondary" onClick={onCancel}>{t('common.cancel')}</button>
          <button type="submit" className="button" disabled={command.busy}>{t('loan.apply')}</button>
        </div>
      </form>
    </section>
  );
}
