// "Try it first": whoever sits at a new laptop makes a practice group — ten made-up
// members and a cycle from today — and signs in to it as its treasurer with a PIN of
// their own. Nothing of it touches real books; it is deleted in one step later.

import { useTranslation } from 'react-i18next';
import type { AssociationView, WhoIsSignedIn } from '../../../../electron/server/contract';
import { FormError } from '../../components/fields';
import { useCommand } from '../../hooks';
import { PracticeForm } from './PracticeForm';

interface PracticeStartProps {
  readonly onStarted: (association: AssociationView, who: WhoIsSignedIn) => void;
  readonly onBack: () => void;
}

export function PracticeStart({ onStarted, onBack }: PracticeStartProps) {
  const { t } = useTranslation();
  const command = useCommand();
  return (
    <main className="wizard" aria-labelledby="practice-title">
      <h1 id="practice-title">{t('practice.startTitle')}</h1>
      <p className="lead">{t('practice.startIntro')}</p>
      <PracticeForm
        submitLabel={t('practice.start')}
        onCancel={onBack}
        onMade={async (made, pin) => {
          const signedIn = await command.run('session-sign-in', { associationId: made.id, userId: made.treasurerId, pin });
          if (signedIn) onStarted(made, { user: signedIn.user, can: signedIn.can });
        }}
      />
      <FormError message={command.errorOutside([])} />
    </main>
  );
}
