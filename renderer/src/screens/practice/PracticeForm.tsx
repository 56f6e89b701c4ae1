// The practice group's one form: who will practise, and the PIN they will sign in
// with (typed twice). Used at first start (then they are signed in) and by the
// laptop's administrator for a new treasurer in training.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../electron/server/contract';
import { FormError, TextField } from '../../components/fields';
import { useCommand, useLanguage } from '../../hooks';

const FIELDS = ['treasurer.name', 'treasurer.pin', 'pinAgain'];

interface PracticeFormProps {
  readonly submitLabel: string;
  /** The practice group made, with the PIN chosen (to sign in with at once, when it is theirs). */
  readonly onMade: (made: OutputOf<'practice-create'>, pin: string) => void | Promise<void>;
  readonly onCancel: () => void;
}

export function PracticeForm({ submitLabel, onMade, onCancel }: PracticeFormProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const command = useCommand();
  const [form, setForm] = useState({ name: '', pin: '', pinAgain: '' });
  const [mismatch, setMismatch] = useState(false);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  async function make() {
    // As in the wizard: a PIN typed twice, so a slip does not lock the practice away.
    setMismatch(form.pin !== form.pinAgain);
    if (form.pin !== form.pinAgain) return;
    const made = await command.run('practice-create', { language, treasurer: { name: form.name, pin: form.pin } });
    if (made) await onMade(made, form.pin);
  }

  return (
    <form
      className="wizard__form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void make();
      }}
    >
      <TextField label={t('practice.yourName')} name="treasurer.name" value={form.name} onChange={set('name')} error={command.fieldErrors['treasurer.name']} required autoFocus maxLength={80} />
      <TextField label={t('wizard.pin')} name="treasurer.pin" type="password" value={form.pin} onChange={set('pin')} error={command.fieldErrors['treasurer.pin']} hint={t('wizard.pinHint')} required />
      <TextField label={t('wizard.pinAgain')} name="pinAgain" type="password" value={form.pinAgain} onChange={set('pinAgain')} error={mismatch ? t('wizard.pinMismatch') : undefined} required />
      <FormError message={command.errorOutside(FIELDS)} />
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>{t('common.back')}</button>
        <button type="submit" className="button" disabled={command.busy}>{submitLabel}</button>
      </div>
    </form>
  );
}
