// Signing in on the shared laptop: choose your name, type your PIN. A forgotten
// PIN is reset by the treasurer or chair; a forgotten treasurer PIN with the
// association's recovery code (kept on paper, away from the laptop). The laptop's
// administrator signs in through a quiet door of their own at the bottom.

import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, WhoIsSignedIn } from '../../../electron/server/contract';
import { ChoiceField, FormError, TextField } from '../components/fields';
import { useCommand, useQuery } from '../hooks';

interface SignInProps {
  readonly association: AssociationView;
  /** Preselects the user after a lock. */
  readonly lockedUserId?: string;
  readonly canSwitch: boolean;
  readonly onSignedIn: (who: WhoIsSignedIn) => void;
  readonly onSwitchAssociation: () => void;
  readonly onAdministrator: () => void;
  /** What the person should know first (e.g. after a restore, where the books as they were are kept). */
  readonly notice?: ReactNode;
  /** Only practice groups so far, and no administrator: the real first start is still to come. */
  readonly onSetUp?: () => void;
}

export function SignIn({ association, lockedUserId, canSwitch, onSignedIn, onSwitchAssociation, onAdministrator, notice, onSetUp }: SignInProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const { data: users } = useQuery('user-sign-in-list', { associationId: association.id }, [association.id]);
  const [userId, setUserId] = useState(lockedUserId ?? '');
  const [pin, setPin] = useState('');
  const [recovering, setRecovering] = useState(false);
  const [recoveryCode, setRecoveryCode] = useState('');
  const [newPin, setNewPin] = useState('');
  const [newCode, setNewCode] = useState<string | null>(null);
  const chosen = userId || (users?.length === 1 ? users[0]!.id : '');

  async function signIn() {
    const signedIn = await command.run('session-sign-in', { associationId: association.id, userId: chosen, pin });
    setPin('');
    if (signedIn) onSignedIn({ user: signedIn.user, can: signedIn.can });
  }

  async function recover() {
    const done = await command.run('user-pin-recover', { associationId: association.id, userId: chosen, recoveryCode, newPin });
    if (done) {
      setNewCode(done.newRecoveryCode);
      setRecovering(false);
      setRecoveryCode('');
      setNewPin('');
    }
  }

  return (
    <main className="wizard" aria-labelledby="signin-title">
      <h1 id="signin-title">{association.name}</h1>
      <p className="lead">{lockedUserId ? t('signIn.locked') : t('signIn.intro')}</p>
      {notice}
      {newCode ? (
        <div className="notice" role="status">
          <p>{t('signIn.recovered')}</p>
          <p className="recovery-code">{newCode}</p>
          <p>{t('wizard.recoveryKeep')}</p>
        </div>
      ) : null}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void (recovering ? recover() : signIn());
        }}
      >
        {users && users.length > 0 ? (
          <ChoiceField
            legend={t('signIn.who')}
            name="userId"
            value={chosen}
            onChange={(v) => {
              command.clear();
              setUserId(v);
            }}
            error={command.fieldErrors.userId}
            options={users.map((u) => ({ value: u.id, label: `${u.name} (${t(`userRole.${u.role}`)})` }))}
          />
        ) : null}
        {recovering ? (
          <>
            <p>{t('signIn.recoverExplain')}</p>
            <TextField label={t('signIn.recoveryCode')} name="recoveryCode" value={recoveryCode} onChange={setRecoveryCode} error={command.fieldErrors.recoveryCode} required autoFocus />
            <TextField label={t('signIn.newPin')} name="newPin" type="password" value={newPin} onChange={setNewPin} error={command.fieldErrors.newPin} required />
          </>
        ) : (
          <TextField label={t('signIn.pin')} name="pin" type="password" value={pin} onChange={setPin} error={command.fieldErrors.pin} required autoFocus={Boolean(lockedUserId)} />
        )}
        <FormError message={command.errorOutside(['userId', 'pin', 'recoveryCode', 'newPin'])} />
        <div className="actions">
          {canSwitch ? (
            <button type="button" className="button button--secondary" onClick={onSwitchAssociation}>{t('nav.switchAssociation')}</button>
          ) : null}
          <button type="submit" className="button" disabled={command.busy || !chosen}>
            {recovering ? t('signIn.setNewPin') : t('signIn.submit')}
          </button>
        </div>
      </form>
      {/* A practice group has no recovery code: a forgotten practice PIN costs nothing but a new practice. */}
      {association.practice ? null : <details className="forgot">
        <summary>{t('signIn.forgot')}</summary>
        <p>{t('signIn.forgotExplain')}</p>
        {!recovering ? (
          <button type="button" className="button button--secondary button--small" onClick={() => setRecovering(true)}>{t('signIn.useRecoveryCode')}</button>
        ) : (
          <button type="button" className="button button--secondary button--small" onClick={() => setRecovering(false)}>{t('common.cancel')}</button>
        )}
      </details>}
      {onSetUp ? <p><button type="button" className="button button--secondary" onClick={onSetUp}>{t('practice.setUpReal')}</button></p> : null}
      <p className="quiet-door">
        <button type="button" className="link" onClick={onAdministrator}>{t('administrator.door')}</button>
      </p>
    </main>
  );
}
