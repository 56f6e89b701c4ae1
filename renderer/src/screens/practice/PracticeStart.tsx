// "Try it first": whoever sits at a new laptop makes a practice group — ten made-up
// members and a cycle from today — and signs in to it as its treasurer with a PIN of
// their own. Nothing of it touches real books; it is deleted in one step later.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, WhoIsSignedIn } from '../../../../electron/server/contract';
import { FormError, TextField } from '../../components/fields';
import { useCommand, useLanguage } from '../../hooks';

const FIELDS = ['treasurer.name', 'treasurer.pin', 'pinAgain'];

interface PracticeStartProps {
  readonly onStarted: (association: AssociationView, who: WhoIsSignedIn) => void;
  readonly onBack: () => void;
}

export function PracticeStart({ onStarted, onBack }: PracticeStartProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const command = useCommand();
  const [form, setForm] = useState({ name: '', pin: '', pinAgain: '' });
  const [mismatch, setMismatch] = useState(false);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  async function start() {
    // As in the wizard: a PIN typed twice, so a slip does not lock the practice away.
    setMismatch(form.pin !== form.pinAgain);
    if (form.pin !== form.pinAgain) return;
    const made = await command.run('practice-create', { language, treasurer: { name: form.name, pin: form.pin } });
    if (!made) return;
    const signedIn = await command.run('session-sign-in', { associationId: made.id, userId: made.treasurerId, pin: form.pin });
    if (signedIn) onStarted(made, { user: signedIn.user, can: signedIn.can });
  }

  return (
    <main className="wizard" aria-labelledby="practice-title">
      <h1 id="practice-title">{t('practice.startTitle')}</h1>
      <p className="lead">{t('practice.startIntro')}</p>
      <form
        className="wizard__form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <TextField label={t('practice.yourName')} name="treasurer.name" value={form.name} onChange={set('name')} error={command.fieldErrors['treasurer.name']} required autoFocus maxLength={80} />
        <TextField label={t('wizard.pin')} name="treasurer.pin" type="password" value={form.pin} onChange={set('pin')} error={command.fieldErrors['treasurer.pin']} hint={t('wizard.pinHint')} required />
        <TextField label={t('wizard.pinAgain')} name="pinAgain" type="password" value={form.pinAgain} onChange={set('pinAgain')} error={mismatch ? t('wizard.pinMismatch') : undefined} required />
        <FormError message={command.errorOutside(FIELDS)} />
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={onBack}>{t('common.back')}</button>
          <button type="submit" className="button" disabled={command.busy}>{t('practice.start')}</button>
        </div>
      </form>
    </main>
  );
}
