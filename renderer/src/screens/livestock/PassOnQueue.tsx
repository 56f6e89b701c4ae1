// The pass-on queue: who waits in which place, who was served with which animal,
// and (for those who keep the books) putting a member in the queue.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView } from '../../../../electron/server/contract';
import { DateField, FormError, SelectField, TextField } from '../../components/fields';
import { useCommand, useQuery } from '../../hooks';
import { date, today } from '../../format';
import { memberLabel } from '../../herd-view';

export function PassOnQueue({ association, canRecord }: { readonly association: AssociationView; readonly canRecord: boolean }) {
  const { t } = useTranslation();
  const command = useCommand();
  const { data: places, reload } = useQuery('livestock-queue-list', { associationId: association.id }, [association.id]);
  const { data: members } = useQuery('member-list', canRecord ? { associationId: association.id, status: 'active' } : null, [association.id, canRecord]);
  const [form, setForm] = useState({ memberId: '', date: today(), note: '' });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const waiting = (places ?? []).filter((p) => p.position !== null);
  const done = (places ?? []).filter((p) => p.position === null);

  async function add() {
    const r = await command.run('livestock-queue-add', { associationId: association.id, memberId: form.memberId, date: form.date, note: form.note });
    if (!r) return;
    setForm((f) => ({ ...f, memberId: '', note: '' }));
    reload();
  }

  return (
    <>
      <p className="muted">{t('queue.hint')}</p>
      {places && waiting.length === 0 ? <p className="empty">{t('queue.empty')}</p> : null}
      {waiting.length > 0 ? (
        <ol className="queue" data-testid="queue-waiting">
          {waiting.map((p) => (
            <li key={`${p.memberId}-${p.addedOn}`}>
              <strong>{memberLabel(t, p.name, p.memberNo)}</strong> <span className="muted">{t('queue.since', { date: date(p.addedOn) })}{p.note ? ` — ${p.note}` : ''}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {done.length > 0 ? (
        <>
          <h2>{t('queue.served')}</h2>
          <ul className="plain-list">
            {done.map((p) => (
              <li key={`${p.memberId}-${p.addedOn}`}>
                {p.left ? t('queue.leftLine', { name: memberLabel(t, p.name, p.memberNo) }) : t('queue.servedLine', { name: memberLabel(t, p.name, p.memberNo), tag: p.animalTag, date: date(p.servedOn) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canRecord ? (
        <form className="settings-form no-print" noValidate onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}>
          <h2>{t('queue.add')}</h2>
          <SelectField label={t('queue.member')} name="memberId" value={form.memberId} onChange={set('memberId')} error={command.fieldErrors.memberId} required placeholder={t('common.choose')}
            options={(members ?? []).map((x) => ({ value: x.id, label: `${x.memberNo}. ${x.fullName}` }))} />
          <DateField legend={t('queue.date')} name="date" value={form.date} onChange={set('date')} error={command.fieldErrors.date} required />
          <TextField label={t('livestock.note')} name="note" value={form.note} onChange={set('note')} error={command.fieldErrors.note} labelNote={t('common.optionalNote')} />
          <FormError message={command.errorOutside(['memberId', 'date', 'note'])} />
          <div className="actions actions--start">
            <button type="submit" className="button" disabled={command.busy}>{t('queue.addButton')}</button>
          </div>
        </form>
      ) : null}
    </>
  );
}
