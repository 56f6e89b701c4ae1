// The laptop administrator's own door: choose your name, type your PIN. They back
// up and restore the whole laptop's books and add associations; they never see any
// group's accounts.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WhoIsSignedIn } from '../../../../electron/server/contract';
import { ChoiceField, FormError, TextField } from '../../components/fields';
import { useCommand, useQuery } from '../../hooks';

interface AdministratorSignInProps {
  readonly onSignedIn: (who: WhoIsSignedIn) => void;
  /** Back to the association's sign-in (absent when there is nowhere to go back to). */
  readonly onBack?: () => void;
  /** To a programme coordinator's sign-in. */
  readonly onCoordinator?: () => void;
}

export function AdministratorSignIn({ onSignedIn, onBack, onCoordinator }: AdministratorSignInProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const { data: administrators } = useQuery('administrator-list', {}, []);
  const [administratorId, setAdministratorId] = useState('');
  const [pin, setPin] = useState('');
  const chosen = administratorId || (administrators?.length === 1 ? administrators[0]!.id : '');

  async function signIn() {
    const signedIn = await command.run('administrator-sign-in', { administratorId: chosen, pin });
    setPin('');
    if (signedIn) onSignedIn({ user: signedIn.user, can: signedIn.can });
  }

  return (
    <main className="wizard" aria-labelledby="administrator-sign-in-title">
      <h1 id="administrator-sign-in-title">{t('administrator.title')}</h1>
      <p className="lead">{t('administrator.explain')}</p>
      {administrators && administrators.length === 0 ? (
        <>
          <p className="notice">{t('administrator.noneYet')}</p>
          {onBack ? (
            <div className="actions">
              <button type="button" className="button button--secondary" onClick={onBack}>{t('common.back')}</button>
            </div>
          ) : null}
        </>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void signIn();
          }}
        >
          {administrators ? (
            <ChoiceField
              legend={t('signIn.who')}
              name="administratorId"
              value={chosen}
              onChange={(v) => {
                command.clear();
                setAdministratorId(v);
              }}
              error={command.fieldErrors.administratorId}
              options={administrators.map((a) => ({ value: a.id, label: a.name }))}
            />
          ) : null}
          <TextField label={t('signIn.pin')} name="pin" type="password" value={pin} onChange={setPin} error={command.fieldErrors.pin} required autoFocus />
          <FormError message={command.errorOutside(['administratorId', 'pin'])} />
          <div className="actions">
            {onBack ? <button type="button" className="button button--secondary" onClick={onBack}>{t('common.back')}</button> : null}
            <button type="submit" className="button" disabled={command.busy || !chosen}>{t('signIn.submit')}</button>
          </div>
        </form>
      )}
      {onCoordinator ? (
        <p className="sign-in__other">
          <button type="button" className="link" onClick={onCoordinator}>{t('programme.door')}</button>
        </p>
      ) : null}
    </main>
  );
}
