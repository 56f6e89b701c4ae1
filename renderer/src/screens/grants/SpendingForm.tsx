// Paying for the group's projects (equipment, training, feed, other), naming the
// fund that pays; or handing unspent grant money back to the grantor.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, GrantSummary } from '../../../../electron/server/contract';
import { DateField, FormError, MoneyField, SelectField, TextField } from '../../components/fields';
import { FundsField } from '../../components/FundsField';
import { useCommand, useQuery } from '../../hooks';
import { currencySymbol, today } from '../../format';
import { cashOptions, fundsInput, GROUP_FUND, type FundLine } from '../../funds';

const KINDS = ['livestock_care', 'equipment', 'training', 'other'] as const;

interface Props {
  readonly association: AssociationView;
  /** Set to hand this grant's unspent money back instead. */
  readonly returning?: GrantSummary;
  readonly onSaved: () => void;
  readonly onCancel: () => void;
}

export function SpendingForm({ association, returning, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const command = useCommand();
  const { data: grants } = useQuery('grant-list', { associationId: association.id }, [association.id]);
  const [form, setForm] = useState({ kind: 'equipment', description: '', amount: '', paidFrom: returning ? 'bank' : 'cash_box', date: today() });
  const [funds, setFunds] = useState<FundLine[]>([{ grantId: GROUP_FUND, amount: '' }]);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const paidFrom = form.paidFrom === 'bank' ? 'bank' : 'cash_box';

  async function save() {
    const saved = returning
      ? await command.run('grant-return', { associationId: association.id, grantId: returning.id, date: form.date, amount: form.amount, paidFrom, note: form.description })
      : await command.run('spending-record', {
          associationId: association.id, date: form.date, kind: form.kind as (typeof KINDS)[number], description: form.description, amount: form.amount, paidFrom,
          funds: fundsInput(funds, form.amount),
        });
    if (saved) onSaved();
  }

  return (
    <section aria-labelledby="spending-title">
      <h1 id="spending-title">{returning ? t('grant.returnTitle', { label: returning.label }) : t('spending.newTitle')}</h1>
      <form className="settings-form" noValidate onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}>
        {returning ? null : (
          <SelectField label={t('spending.kindLabel')} name="kind" value={form.kind} onChange={set('kind')} error={command.fieldErrors.kind}
            options={KINDS.map((k) => ({ value: k, label: t(`spending.kind.${k}`) }))} />
        )}
        <TextField label={returning ? t('grant.returnNote') : t('spending.description')} name="description" value={form.description} onChange={set('description')}
          error={command.fieldErrors.description ?? command.fieldErrors.note} required={!returning} />
        <MoneyField label={t('spending.amount')} name="amount" value={form.amount} onChange={set('amount')} error={command.fieldErrors.amount} required currency={currencySymbol(association.currency)} />
        <DateField legend={t('spending.date')} name="date" value={form.date} onChange={set('date')} error={command.fieldErrors.date} required />
        <SelectField label={t('grant.paidFrom')} name="paidFrom" value={form.paidFrom} onChange={set('paidFrom')} error={command.fieldErrors.paidFrom}
          options={cashOptions(t)} />
        {returning ? null : <FundsField grants={grants ?? []} currency={association.currency} lines={funds} onChange={setFunds} errors={command.fieldErrors} />}
        <FormError message={command.errorOutside(['kind', 'description', 'note', 'amount', 'date', 'paidFrom', 'funds', 'funds.*'])} />
        <div className="actions actions--start">
          <button type="button" className="button button--secondary" onClick={onCancel}>{t('common.cancel')}</button>
          <button type="submit" className="button" disabled={command.busy}>{returning ? t('grant.returnSave') : t('spending.save')}</button>
        </div>
      </form>
    </section>
  );
}
