// Recording a grant: who gave it, their reference, when and how much arrived and
// where (box or bank), what it is for, its conditions and reporting dates.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, GrantPurpose } from '../../../../electron/server/contract';
import { ChoiceField, DateField, FormError, MoneyField, SelectField, TextField } from '../../components/fields';
import { useCommand } from '../../hooks';
import { currencySymbol, today } from '../../format';
import { cashOptions } from '../../funds';

const PURPOSES: readonly GrantPurpose[] = ['livestock', 'loan_capital', 'equipment', 'training', 'general'];

export function GrantForm({ association, onSaved, onCancel }: { readonly association: AssociationView; readonly onSaved: () => void; readonly onCancel: () => void }) {
  const { t } = useTranslation();
  const command = useCommand();
  const [form, setForm] = useState({ grantor: '', reference: '', date: today(), amount: '', purpose: 'livestock', conditions: '', report1: '', report2: '', returnUnspent: 'no', receivedInto: 'bank' });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  async function save() {
    const saved = await command.run('grant-create', {
      associationId: association.id, grantor: form.grantor, reference: form.reference, date: form.date, amount: form.amount,
      purpose: form.purpose as GrantPurpose, conditions: form.conditions, reportingDates: [form.report1, form.report2].filter((d) => d !== ''),
      returnUnspent: form.returnUnspent === 'yes', receivedInto: form.receivedInto === 'cash_box' ? 'cash_box' : 'bank',
    });
    if (saved) onSaved();
  }

  return (
    <section aria-labelledby="grant-form-title">
      <h1 id="grant-form-title">{t('grant.newTitle')}</h1>
      <form className="settings-form" noValidate onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}>
        <TextField label={t('grant.grantor')} name="grantor" value={form.grantor} onChange={set('grantor')} error={command.fieldErrors.grantor} required hint={t('grant.grantorHint')} />
        <TextField label={t('grant.reference')} name="reference" value={form.reference} onChange={set('reference')} error={command.fieldErrors.reference} required />
        <DateField legend={t('grant.receivedOn')} name="date" value={form.date} onChange={set('date')} error={command.fieldErrors.date} required />
        <MoneyField label={t('grant.amount')} name="amount" value={form.amount} onChange={set('amount')} error={command.fieldErrors.amount} required currency={currencySymbol(association.currency)} />
        <SelectField label={t('grant.receivedInto')} name="receivedInto" value={form.receivedInto} onChange={set('receivedInto')} error={command.fieldErrors.receivedInto}
          options={[...cashOptions(t)].reverse()} /* grants mostly arrive in the bank: it comes first */ />
        <SelectField label={t('grant.purposeLabel')} name="purpose" value={form.purpose} onChange={set('purpose')} error={command.fieldErrors.purpose}
          options={PURPOSES.map((p) => ({ value: p, label: t(`grant.purpose.${p}`) }))} />
        <p className="field__hint">{t(`grant.purposeHint.${form.purpose}`)}</p>
        <TextField label={t('grant.conditions')} name="conditions" value={form.conditions} onChange={set('conditions')} error={command.fieldErrors.conditions} labelNote={t('common.optionalNote')} />
        <DateField legend={t('grant.reportDue', { n: 1 })} name="report1" value={form.report1} onChange={set('report1')} error={command.fieldErrors['reportingDates.0']} />
        <DateField legend={t('grant.reportDue', { n: 2 })} name="report2" value={form.report2} onChange={set('report2')} error={command.fieldErrors['reportingDates.1']} />
        <ChoiceField legend={t('grant.returnUnspent')} name="returnUnspent" value={form.returnUnspent} onChange={set('returnUnspent')}
          options={[{ value: 'yes', label: t('grant.yes') }, { value: 'no', label: t('grant.no') }]} />
        <FormError message={command.errorOutside(['grantor', 'reference', 'date', 'amount', 'receivedInto', 'purpose', 'conditions', 'reportingDates.*'])} />
        <div className="actions actions--start">
          <button type="button" className="button button--secondary" onClick={onCancel}>{t('common.cancel')}</button>
          <button type="submit" className="button" disabled={command.busy}>{t('grant.save')}</button>
        </div>
      </form>
    </section>
  );
}
