// The door of the laptop's own people — its administrators and the programme's
// coordinators — who belong to no association: choose your name, type your PIN.

import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WhoIsSignedIn } from '../../../electron/server/contract';
import { ChoiceField, FormError, TextField } from './fields';
import { useCommand, useQuery } from '../hooks';

interface LaptopPersonSignInProps {
  readonly kind: 'administrator' | 'coordinator';
  readonly title: string;
  readonly explain: string;
  /** Said when no one of this kind has been named yet. */
  readonly noneYet: string;
  readonly onSignedIn: (who: WhoIsSignedIn) => void;
  /** Back to where the person came from (absent when there is nowhere to go back to). */
  readonly onBack?: () => void;
  /** Below the form: the door to the other kind, say. */
  readonly footer?: ReactNode;
}

export function LaptopPersonSignIn({ kind, title, explain, noneYet, onSignedIn, onBack, footer }: LaptopPersonSignInProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const field = kind === 'administrator' ? 'administratorId' : 'coordinatorId';
  const { data: people } = useQuery(kind === 'administrator' ? 'administrator-list' : 'coordinator-list', {}, [kind]);
  const [personId, setPersonId] = useState('');
  const [pin, setPin] = useState('');
  const chosen = personId || (people?.length === 1 ? people[0]!.id : '');

  async function signIn() {
    const signedIn = kind === 'administrator'
      ? await command.run('administrator-sign-in', { administratorId: chosen, pin })
      : await command.run('coordinator-sign-in', { coordinatorId: chosen, pin });
    setPin('');
    if (signedIn) onSignedIn({ user: signedIn.user, can: signedIn.can });
  }

  const back = onBack ? <button type="button" className="button button--secondary" onClick={onBack}>{t('common.back')}</button> : null;
  return (
    <main className="wizard" aria-labelledby={`${kind}-sign-in-title`}>
      <h1 id={`${kind}-sign-in-title`}>{title}</h1>
      <p className="lead">{explain}</p>
      {people && people.length === 0 ? (
        <>
          <p className="notice">{noneYet}</p>
          {back ? <div className="actions">{back}</div> : null}
        </>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void signIn();
          }}
        >
          {people ? (
            <ChoiceField
              legend={t('signIn.who')}
              name={field}
              value={chosen}
              onChange={(v) => {
                command.clear();
                setPersonId(v);
              }}
              error={command.fieldErrors[field]}
              options={people.map((p) => ({ value: p.id, label: p.name }))}
            />
          ) : null}
          <TextField label={t('signIn.pin')} name="pin" type="password" value={pin} onChange={setPin} error={command.fieldErrors.pin} required autoFocus />
          <FormError message={command.errorOutside([field, 'pin'])} />
          <div className="actions">
            {back}
            <button type="submit" className="button" disabled={command.busy || !chosen}>{t('signIn.submit')}</button>
          </div>
        </form>
      )}
      {footer}
    </main>
  );
}
