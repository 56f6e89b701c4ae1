// On every screen of a practice group: it is made up, and (for its officers) the one
// button that deletes it, after saying what goes and what stays.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, WhoIsSignedIn } from '../../../../electron/server/contract';
import { DeletePracticeDialog } from './DeletePracticeDialog';

interface PracticeBannerProps {
  readonly association: AssociationView;
  readonly who: WhoIsSignedIn;
  readonly onDeleted: (name: string) => void;
}

export function PracticeBanner({ association, who, onDeleted }: PracticeBannerProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <div className="notice practice-banner no-print" role="note" data-testid="practice-banner">
      <p>{t('practice.banner')}</p>
      {who.can.record ? (
        <button type="button" className="button button--secondary button--small" onClick={() => setAsking(true)}>{t('practice.delete')}</button>
      ) : null}
      {asking ? <DeletePracticeDialog association={association} onClose={() => setAsking(false)} onDeleted={onDeleted} /> : null}
    </div>
  );
}
