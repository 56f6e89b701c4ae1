// Starting a savings cycle: its dates and the group's rules.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, CycleView } from '../../../electron/server/contract';
import { ChoiceField, DateField, FormError, TextField } from '../components/fields';
import { useCommand } from '../hooks';

export function CycleForm({ association, onCreated }: { readonly association: AssociationView; readonly onCreated: (cycle: CycleView) => void }) {
  const { t } = useTranslation();
  const command = useCommand();
  const [form, setForm] = useState({
    name: '', startsOn: '', endsOn: '', savingMode: 'shares', sharePrice: '', minShares: '1', maxShares: '5',
    socialFund: '0', entranceFee: '0', fineLate: '0', fineAbsent: '0', fineOther: '0',
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const err = (field: string) => command.fieldErrors[field];
  async function save() {
    const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);
    const created = await command.run('cycle-create', {
      associationId: association.id, name: form.name, startsOn: form.startsOn, endsOn: form.endsOn,
      rules: {
        savingMode: form.savingMode as 'shares' | 'savings', ...(form.savingMode === 'shares' ? { sharePrice: form.sharePrice } : {}),
        minShares: whole(form.minShares), maxShares: whole(form.maxShares), socialFund: form.socialFund, entranceFee: form.entranceFee,
        fineLate: form.fineLate, fineAbsent: form.fineAbsent, fineOther: form.fineOther,
      },
    });
    if (created) onCreated(created);
  }
  return (
    <form className="settings-form" noValidate onSubmit={(e) => {
      e.preventDefault();
      void save();
    }}>
      <h2>{t('cycle.title')}</h2>
      <p>{t('cycle.explain')}</p>
      <TextField label={t('cycle.name')} name="name" value={form.name} onChange={set('name')} error={err('name')} hint={t('cycle.nameHint')} required />
      <DateField legend={t('cycle.startsOn')} name="startsOn" value={form.startsOn} onChange={set('startsOn')} error={err('startsOn')} required />
      <DateField legend={t('cycle.endsOn')} name="endsOn" value={form.endsOn} onChange={set('endsOn')} error={err('endsOn')} required />
      <ChoiceField legend={t('cycle.savingMode')} name="savingMode" value={form.savingMode} onChange={set('savingMode')} options={[
        { value: 'shares', label: t('cycle.modeShares') },
        { value: 'savings', label: t('cycle.modeSavings') },
      ]} />
      {form.savingMode === 'shares' ? (
        <>
          <TextField label={t('cycle.sharePrice')} name="sharePrice" value={form.sharePrice} onChange={set('sharePrice')} error={err('rules.sharePrice')} required />
          <TextField label={t('cycle.minShares')} name="minShares" value={form.minShares} onChange={set('minShares')} error={err('rules.minShares')} />
          <TextField label={t('cycle.maxShares')} name="maxShares" value={form.maxShares} onChange={set('maxShares')} error={err('rules.maxShares')} />
        </>
      ) : null}
      <TextField label={t('cycle.socialFund')} name="socialFund" value={form.socialFund} onChange={set('socialFund')} error={err('rules.socialFund')} />
      <TextField label={t('cycle.entranceFee')} name="entranceFee" value={form.entranceFee} onChange={set('entranceFee')} error={err('rules.entranceFee')} />
      <TextField label={t('cycle.fineLate')} name="fineLate" value={form.fineLate} onChange={set('fineLate')} error={err('rules.fineLate')} />
      <TextField label={t('cycle.fineAbsent')} name="fineAbsent" value={form.fineAbsent} onChange={set('fineAbsent')} error={err('rules.fineAbsent')} />
      <TextField label={t('cycle.fineOther')} name="fineOther" value={form.fineOther} onChange={set('fineOther')} error={err('rules.fineOther')} />
      <FormError message={command.errorOutside(['name', 'startsOn', 'endsOn', 'rules.sharePrice', 'rules.minShares', 'rules.maxShares', 'rules.socialFund', 'rules.entranceFee', 'rules.fineLate', 'rules.fineAbsent', 'rules.fineOther'])} />
      <div className="actions actions--start">
        <button type="submit" className="button" disabled={command.busy}>{t('cycle.start')}</button>
      </div>
    </form>
  );
}
