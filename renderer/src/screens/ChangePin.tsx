// Everyone can change their own PIN, giving the old one first.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView } from '../../../electron/server/contract';
import { FormError, TextField } from '../components/fields';
import { useCommand } from '../hooks';

export function ChangePin({ association }: { readonly association: AssociationView }) {
  const { t } = useTranslation();
  const command = useCommand();
  const [oldPin, setOldPin] = useState('');
  const [newPin, setNewPin] = useState('');
  const [done, setDone] = useState(false);
  async function save() {
    setDone(false);
    const saved = await command.run('user-pin-change', { associationId: association.id, oldPin, newPin });
    setOldPin('');
    setNewPin('');
    if (saved) setDone(true);
  }
  return (
    <>
      <h2>{t('pin.title')}</h2>
      <form className="settings-form" noValidate onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}>
        <TextField label={t('pin.old')} name="oldPin" type="password" value={oldPin} onChange={setOldPin} error={command.fieldErrors.oldPin} required />
        <TextField label={t('pin.new')} name="newPin" type="password" value={newPin} onChange={setNewPin} error={command.fieldErrors.newPin} hint={t('wizard.pinHint')} required />
        <FormError message={command.errorOutside(['oldPin', 'newPin'])} />
        {done ? <p className="notice" role="status">{t('pin.changed')}</p> : null}
        <div className="actions actions--start">
          <button type="submit" className="button button--secondary" disabled={command.busy}>{t('pin.change')}</button>
        </div>
      </form>
    </>
  );
}
