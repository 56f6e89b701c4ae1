// Savings brought in: what each member had saved before the group kept its books here
// (a paper ledger, another app), recorded once as one entry. Members' savings move only
// through records like this one, a meeting or a payout — never by a hand-made entry.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView } from '../../../electron/server/contract';
import { Dialog } from '../components/Dialog';
import { ChoiceField, DateField, FormError, TextField } from '../components/fields';
import { useCommand, useQuery } from '../hooks';
import { money } from '../format';

interface Props {
  readonly association: AssociationView;
  readonly onClose: () => void;
  readonly onSaved: (text: string) => void;
}

export function SavingsBroughtInForm({ association, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const command = useCommand();
  const { data: members } = useQuery('member-list', { associationId: association.id, status: 'active' }, [association.id]);
  const [date, setDate] = useState('');
  const [heldIn, setHeldIn] = useState<'cash_box' | 'bank'>('cash_box');
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  // Only the members with an amount typed are sent; the server reads each amount as typed.
  const given = (members ?? []).filter((m) => (amounts[m.id] ?? '').trim() !== '');
  async function save() {
    const saved = await command.run('savings-brought-in', {
      associationId: association.id, date, heldIn, members: given.map((m) => ({ memberId: m.id, amount: amounts[m.id]! })),
    });
    if (saved) onSaved(t('savingsIn.saved', { count: saved.members, total: money(saved.total, association.currency) }));
  }
  return (
    <Dialog title={t('savingsIn.title')} onClose={onClose}>
      <p>{t('savingsIn.explain')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <DateField legend={t('savingsIn.date')} name="date" value={date} onChange={setDate} error={command.fieldErrors.date} required autoFocus />
        <ChoiceField
          legend={t('savingsIn.heldIn')}
          name="heldIn"
          value={heldIn}
          onChange={(v) => setHeldIn(v === 'bank' ? 'bank' : 'cash_box')}
          options={[{ value: 'cash_box', label: t('savingsIn.box') }, { value: 'bank', label: t('savingsIn.bank') }]}
          error={command.fieldErrors.heldIn}
        />
        <div className="savings-in-list">
          {(members ?? []).map((m) => {
            const index = given.findIndex((g) => g.id === m.id);
            return (
              <TextField
                key={m.id}
                label={`${m.memberNo}. ${m.fullName}`}
                name={`amount-${m.id}`}
                value={amounts[m.id] ?? ''}
                onChange={(v) => setAmounts((a) => ({ ...a, [m.id]: v }))}
                error={index >= 0 ? command.fieldErrors[`members.${index}.amount`] ?? command.fieldErrors[`members.${index}.memberId`] : undefined}
              />
            );
          })}
        </div>
        <FormError message={command.errorOutside(['date', 'heldIn', 'members.*'])} />
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="button" disabled={command.busy}>{t('savingsIn.record')}</button>
        </div>
      </form>
    </Dialog>
  );
}
