// What can happen next to a live animal: a birth, a vet or feed cost, a sale, a
// death, a new keeper, or the pass-on to the next member.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnimalHistory, AssociationView } from '../../../../electron/server/contract';
import { ChoiceField, DateField, FormError, MoneyField, SelectField, TextField } from '../../components/fields';
import { FundsField } from '../../components/FundsField';
import { useCommand, useQuery } from '../../hooks';
import { currencySymbol, today } from '../../format';
import { cashOptions, fundsInput, GROUP_FUND, type FundLine } from '../../funds';
import { memberLabel } from '../../herd-view';

type Action = 'birth' | 'care' | 'sale' | 'death' | 'transfer' | 'pass_on';

export function AnimalActions({ association, animal, onDone }: { readonly association: AssociationView; readonly animal: AnimalHistory; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const command = useCommand();
  const { data: members } = useQuery('member-list', { associationId: association.id, status: 'active' }, [association.id]);
  const { data: grants } = useQuery('grant-list', { associationId: association.id }, [association.id]);
  const { data: queue } = useQuery('livestock-queue-list', { associationId: association.id }, [association.id]);
  const next = queue?.find((p) => p.position === 1) ?? null;
  const canBear = animal.sex === 'female' && animal.headCount === 1;
  const actions: Action[] = [...(canBear ? ['birth' as const] : []), 'care', 'sale', 'death', 'transfer', 'pass_on'];
  const [action, setAction] = useState<Action>(actions[0]!);
  const [when, setWhen] = useState(today());
  const [form, setForm] = useState({ sex: 'female', description: '', amount: '', cash: 'cash_box', note: '', toMemberId: '', heads: '' });
  const batch = animal.headCount > 1;
  const heads = form.heads.trim() === '' ? undefined : /^\d{1,6}$/.test(form.heads.trim()) ? Number(form.heads.trim()) : Number.NaN;
  const [funds, setFunds] = useState<FundLine[]>([{ grantId: GROUP_FUND, amount: '' }]);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const ids = { associationId: association.id, animalId: animal.id, date: when };
  const cash = form.cash === 'bank' ? 'bank' : 'cash_box';

  async function record() {
    const done =
      action === 'birth' ? await command.run('livestock-birth', { associationId: association.id, motherId: animal.id, date: when, offspring: [{ sex: form.sex === 'male' ? 'male' : 'female' }] })
      : action === 'care' ? await command.run('livestock-care', { ...ids, description: form.description, amount: form.amount, paidFrom: cash, funds: fundsInput(funds, form.amount) })
      : action === 'sale' ? await command.run('livestock-sale', { ...ids, proceeds: form.amount, paidInto: cash, buyer: form.note, headCount: heads })
      : action === 'death' ? await command.run('livestock-death', { ...ids, cause: form.note, headCount: heads })
      : action === 'transfer' ? await command.run('livestock-transfer', { ...ids, toMemberId: form.toMemberId, note: form.note })
      : await command.run('livestock-pass-on', { ...ids, toMemberId: form.toMemberId, note: form.note });
    if (!done) return;
    setForm((f) => ({ ...f, description: '', amount: '', note: '', toMemberId: '', heads: '' }));
    onDone();
  }

  const cashChoices = cashOptions(t);
  return (
    <form className="settings-form no-print" noValidate onSubmit={(e) => {
      e.preventDefault();
      void record();
    }}>
      <h2>{t('livestock.next')}</h2>
      <ChoiceField legend={t('livestock.whatHappened')} name="action" value={action} onChange={(v) => {
        setAction(v as Action);
        command.clear();
        if (v === 'pass_on' && next && !form.toMemberId) setForm((f) => ({ ...f, toMemberId: next.memberId }));
      }} options={actions.map((a) => ({ value: a, label: t(`livestock.action.${a}`) }))} />
      <DateField legend={t('livestock.date')} name="when" value={when} onChange={setWhen} error={command.fieldErrors.date} required />
      {action === 'birth' ? (
        <ChoiceField legend={t('livestock.offspringSex')} name="sex" value={form.sex} onChange={set('sex')}
          options={[{ value: 'female', label: t('livestock.sex.female') }, { value: 'male', label: t('livestock.sex.male') }]} error={command.fieldErrors['offspring.0.sex']} />
      ) : null}
      {action === 'care' ? (
        <>
          <TextField label={t('livestock.careWhat')} name="description" value={form.description} onChange={set('description')} error={command.fieldErrors.description} required />
          <MoneyField label={t('livestock.amount')} name="amount" value={form.amount} onChange={set('amount')} error={command.fieldErrors.amount} required currency={currencySymbol(association.currency)} />
          <SelectField label={t('grant.paidFrom')} name="paidFrom" value={form.cash} onChange={set('cash')} options={cashChoices} error={command.fieldErrors.paidFrom} />
          <FundsField grants={grants ?? []} currency={association.currency} lines={funds} onChange={setFunds} errors={command.fieldErrors} />
        </>
      ) : null}
      {batch && (action === 'sale' || action === 'death') ? (
        <TextField label={t('livestock.howMany')} name="headCount" value={form.heads} onChange={set('heads')} error={command.fieldErrors.headCount}
          hint={t('livestock.howManyHint', { count: animal.heads })} />
      ) : null}
      {action === 'sale' ? (
        <>
          <MoneyField label={t('livestock.proceeds')} name="proceeds" value={form.amount} onChange={set('amount')} error={command.fieldErrors.proceeds} required hint={t('livestock.proceedsHint')} currency={currencySymbol(association.currency)} />
          <SelectField label={t('livestock.paidInto')} name="paidInto" value={form.cash} onChange={set('cash')} options={cashChoices} error={command.fieldErrors.paidInto} />
          <TextField label={t('livestock.buyer')} name="buyer" value={form.note} onChange={set('note')} error={command.fieldErrors.buyer} />
        </>
      ) : null}
      {action === 'death' ? <TextField label={t('livestock.cause')} name="cause" value={form.note} onChange={set('note')} error={command.fieldErrors.cause} required /> : null}
      {action === 'transfer' || action === 'pass_on' ? (
        <>
          {action === 'pass_on' ? <p className="field__hint">{next ? t('queue.nextIs', { name: memberLabel(t, next.name, next.memberNo) }) : t('livestock.passOnHint')}</p> : null}
          <SelectField label={t('livestock.toMember')} name="toMemberId" value={form.toMemberId} onChange={set('toMemberId')} error={command.fieldErrors.toMemberId} required
            placeholder={t('common.choose')} options={(members ?? []).filter((x) => x.id !== animal.keeperId).map((x) => ({ value: x.id, label: `${x.memberNo}. ${x.fullName}` }))} />
          <TextField label={t('livestock.note')} name="note" value={form.note} onChange={set('note')} error={command.fieldErrors.note} />
        </>
      ) : null}
      <FormError message={command.errorOutside(['date', 'description', 'amount', 'paidFrom', 'proceeds', 'paidInto', 'buyer', 'cause', 'toMemberId', 'note', 'offspring.0.sex', 'funds', 'funds.*', 'headCount'])} />
      <div className="actions actions--start">
        <button type="submit" className="button" disabled={command.busy}>{t(`livestock.record.${action}`)}</button>
      </div>
    </form>
  );
}
