// Naming a laptop administrator: their name and a PIN typed twice. Used by a
// treasurer or chair on books from before there was one, and by an administrator
// adding another.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, TextField } from './fields';
import { useCommand } from '../hooks';

interface NameAdministratorProps {
  readonly onNamed: (administrator: { id: string; name: string }) => void;
  readonly onCancel?: () => void;
}

export function NameAdministrator({ onNamed, onCancel }: NameAdministratorProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const [form, setForm] = useState({ name: '', pin: '', pinAgain: '' });
  const [mismatch, setMismatch] = useState(false);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  async function save() {
    // Typing the PIN twice catches a slip before it locks the administrator out.
    if (form.pin !== form.pinAgain) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    const named = await command.run('administrator-create', { name: form.name, pin: form.pin });
    if (named) {
      setForm({ name: '', pin: '', pinAgain: '' });
      onNamed(named);
    }
  }

  return (
    <form
      className="settings-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextField label={t('administrator.name')} name="administrator-name" value={form.name} onChange={set('name')} error={command.fieldErrors.name} required maxLength={80} />
      <TextField label={t('administrator.pin')} name="administrator-pin" type="password" value={form.pin} onChange={set('pin')} error={command.fieldErrors.pin} hint={t('wizard.pinHint')} required />
      <TextField label={t('wizard.pinAgain')} name="administrator-pin-again" type="password" value={form.pinAgain} onChange={set('pinAgain')} error={mismatch ? t('wizard.pinMismatch') : undefined} required />
      <FormError message={command.errorOutside(['name', 'pin'])} />
      <div className="actions actions--start">
        <button type="submit" className="button" disabled={command.busy}>{t('administrator.nameSave')}</button>
        {onCancel ? <button type="button" className="button button--secondary" onClick={onCancel}>{t('common.cancel')}</button> : null}
      </div>
    </form>
  );
}
