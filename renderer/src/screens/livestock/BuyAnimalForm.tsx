// Buying an animal (or a batch of poultry): what it is, its tag, who keeps it, what
// it cost and which fund paid — the group's own money, a grant, or both.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnimalHistory, AssociationView } from '../../../../electron/server/contract';
import { ChoiceField, DateField, FormError, MoneyField, SelectField, TextField } from '../../components/fields';
import { FundsField } from '../../components/FundsField';
import { useCommand, useQuery } from '../../hooks';
import { currencySymbol, today } from '../../format';
import { cashOptions, fundsInput, GROUP_FUND, type FundLine } from '../../funds';

const SPECIES = ['cow', 'goat', 'pig', 'sheep', 'chicken', 'rabbit'] as const;

export function BuyAnimalForm({ association, onBought, onCancel }: { readonly association: AssociationView; readonly onBought: (animal: AnimalHistory) => void; readonly onCancel: () => void }) {
  const { t } = useTranslation();
  const command = useCommand();
  const { data: members } = useQuery('member-list', { associationId: association.id, status: 'active' }, [association.id]);
  const { data: grants } = useQuery('grant-list', { associationId: association.id }, [association.id]);
  const [form, setForm] = useState({ species: 'cow', sex: 'female', headCount: '1', tag: '', breed: '', keeperId: '', cost: '', paidFrom: 'cash_box', date: today() });
  const [funds, setFunds] = useState<FundLine[]>([{ grantId: GROUP_FUND, amount: '' }]);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const batch = form.species === 'chicken' || form.species === 'rabbit';
  const headCount = batch && /^\d{1,5}$/.test(form.headCount.trim()) ? Number(form.headCount.trim()) : batch ? Number.NaN : 1;

  async function buy() {
    const animal = await command.run('livestock-buy', {
      associationId: association.id, date: form.date, tag: form.tag, species: form.species as (typeof SPECIES)[number], breed: form.breed,
      sex: batch && headCount > 1 ? 'mixed' : form.sex === 'male' ? 'male' : 'female', headCount, keeperId: form.keeperId, cost: form.cost,
      paidFrom: form.paidFrom === 'bank' ? 'bank' : form.paidFrom === 'owned_before' ? 'owned_before' : 'cash_box',
      funds: form.paidFrom === 'owned_before' ? undefined : fundsInput(funds, form.cost),
    });
    if (animal) onBought(animal);
  }

  return (
    <section aria-labelledby="buy-title">
      <h1 id="buy-title">{t('livestock.buyTitle')}</h1>
      <form className="settings-form" noValidate onSubmit={(e) => {
        e.preventDefault();
        void buy();
      }}>
        <SelectField label={t('livestock.speciesLabel')} name="species" value={form.species} onChange={set('species')} error={command.fieldErrors.species}
          options={SPECIES.map((s) => ({ value: s, label: t(`livestock.species.${s}`) }))} />
        {batch ? (
          <TextField label={t('livestock.headCount')} name="headCount" value={form.headCount} onChange={set('headCount')} error={command.fieldErrors.headCount} hint={t('livestock.headCountHint')} />
        ) : null}
        {!batch || headCount === 1 ? (
          <ChoiceField legend={t('livestock.sexLabel')} name="sex" value={form.sex} onChange={set('sex')} error={command.fieldErrors.sex}
            options={[{ value: 'female', label: t('livestock.sex.female') }, { value: 'male', label: t('livestock.sex.male') }]} />
        ) : null}
        <TextField label={t('livestock.tag')} name="tag" value={form.tag} onChange={set('tag')} error={command.fieldErrors.tag} required hint={t('livestock.tagHint')} />
        <TextField label={t('livestock.breed')} name="breed" value={form.breed} onChange={set('breed')} error={command.fieldErrors.breed} labelNote={t('common.optionalNote')} />
        <SelectField label={t('livestock.keeper')} name="keeperId" value={form.keeperId} onChange={set('keeperId')} error={command.fieldErrors.keeperId} required placeholder={t('common.choose')}
          options={(members ?? []).map((x) => ({ value: x.id, label: `${x.memberNo}. ${x.fullName}` }))} />
        <DateField legend={t('livestock.boughtDate')} name="date" value={form.date} onChange={set('date')} error={command.fieldErrors.date} required />
        <SelectField label={t('grant.paidFrom')} name="paidFrom" value={form.paidFrom} onChange={set('paidFrom')} error={command.fieldErrors.paidFrom}
          options={[...cashOptions(t), { value: 'owned_before', label: t('livestock.ownedBefore') }]} />
        <MoneyField label={form.paidFrom === 'owned_before' ? t('livestock.costOpening') : t('livestock.cost')} name="cost" value={form.cost} onChange={set('cost')} error={command.fieldErrors.cost} required currency={currencySymbol(association.currency)} />
        {form.paidFrom === 'owned_before' ? null : <FundsField grants={grants ?? []} currency={association.currency} lines={funds} onChange={setFunds} errors={command.fieldErrors} />}
        <FormError message={command.errorOutside(['species', 'headCount', 'sex', 'tag', 'breed', 'keeperId', 'date', 'cost', 'paidFrom', 'funds', 'funds.*'])} />
        <div className="actions actions--start">
          <button type="button" className="button button--secondary" onClick={onCancel}>{t('common.cancel')}</button>
          <button type="submit" className="button" disabled={command.busy}>
            {batch && headCount > 1 ? t('livestock.buyBatch', { count: headCount, species: t(`livestock.speciesPlural.${form.species}`).toLocaleLowerCase() }) : t('livestock.buyOne')}
          </button>
        </div>
      </form>
    </section>
  );
}
