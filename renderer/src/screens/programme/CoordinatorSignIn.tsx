// A programme coordinator's door: choose your name, type your PIN. Coordinators import
// groups' books and read them; they never change them.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WhoIsSignedIn } from '../../../../electron/server/contract';
import { ChoiceField, FormError, TextField } from '../../components/fields';
import { useCommand, useQuery } from '../../hooks';

interface CoordinatorSignInProps {
  readonly onSignedIn: (who: WhoIsSignedIn) => void;
  readonly onBack: () => void;
}

export function CoordinatorSignIn({ onSignedIn, onBack }: CoordinatorSignInProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const { data: coordinators } = useQuery('coordinator-list', {}, []);
  const [coordinatorId, setCoordinatorId] = useState('');
  const [pin, setPin] = useState('');
  const chosen = coordinatorId || (coordinators?.length === 1 ? coordinators[0]!.id : '');

  async function signIn() {
    const signedIn = await command.run('coordinator-sign-in', { coordinatorId: chosen, pin });
    setPin('');
    if (signedIn) onSignedIn({ user: signedIn.user, can: signedIn.can });
  }

  return (
    <main className="wizard" aria-labelledby="coordinator-sign-in-title">
      <h1 id="coordinator-sign-in-title">{t('programme.signInTitle')}</h1>
      <p className="lead">{t('programme.explain')}</p>
      {coordinators && coordinators.length === 0 ? <p className="notice">{t('programme.noneYet')}</p> : null}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void signIn();
        }}
      >
        {coordinators && coordinators.length > 0 ? (
          <ChoiceField
            legend={t('signIn.who')}
            name="coordinatorId"
            value={chosen}
            onChange={(v) => {
              command.clear();
              setCoordinatorId(v);
            }}
            error={command.fieldErrors.coordinatorId}
            options={coordinators.map((c) => ({ value: c.id, label: c.name }))}
          />
        ) : null}
        <TextField label={t('signIn.pin')} name="pin" type="password" value={pin} onChange={setPin} error={command.fieldErrors.pin} required autoFocus />
        <FormError message={command.errorOutside(['coordinatorId', 'pin'])} />
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={onBack}>{t('common.back')}</button>
          <button type="submit" className="button" disabled={command.busy || !chosen}>{t('signIn.submit')}</button>
        </div>
      </form>
    </main>
  );
}
