// The laptop administrator's own door. They back up and restore the whole laptop's
// books and add associations; they never see any group's accounts. A programme
// coordinator's door is beside it.

import { useTranslation } from 'react-i18next';
import type { WhoIsSignedIn } from '../../../../electron/server/contract';
import { LaptopPersonSignIn } from '../../components/LaptopPersonSignIn';

interface AdministratorSignInProps {
  readonly onSignedIn: (who: WhoIsSignedIn) => void;
  /** Back to the association's sign-in (absent when there is nowhere to go back to). */
  readonly onBack?: () => void;
  /** To a programme coordinator's sign-in. */
  readonly onCoordinator?: () => void;
}

export function AdministratorSignIn({ onSignedIn, onBack, onCoordinator }: AdministratorSignInProps) {
  const { t } = useTranslation();
  return (
    <LaptopPersonSignIn
      kind="administrator"
      title={t('administrator.title')}
      explain={t('administrator.explain')}
      noneYet={t('administrator.noneYet')}
      onSignedIn={onSignedIn}
      onBack={onBack}
      footer={onCoordinator ? (
        <p className="sign-in__other">
          <button type="button" className="link" onClick={onCoordinator}>{t('programme.door')}</button>
        </p>
      ) : null}
    />
  );
}
