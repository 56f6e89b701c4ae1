// A programme coordinator's door. Coordinators import groups' books and read them;
// they never change them.

import { useTranslation } from 'react-i18next';
import type { WhoIsSignedIn } from '../../../../electron/server/contract';
import { LaptopPersonSignIn } from '../../components/LaptopPersonSignIn';

export function CoordinatorSignIn({ onSignedIn, onBack }: { readonly onSignedIn: (who: WhoIsSignedIn) => void; readonly onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <LaptopPersonSignIn
      kind="coordinator"
      title={t('programme.signInTitle')}
      explain={t('programme.explain')}
      noneYet={t('programme.noneYet')}
      onSignedIn={onSignedIn}
      onBack={onBack}
    />
  );
}
