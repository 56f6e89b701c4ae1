// On every screen of a practice group: it is made up, and (for its officers) the one
// button that deletes it, after saying what goes and what stays.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, WhoIsSignedIn } from '../../../../electron/server/contract';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/fields';
import { useCommand } from '../../hooks';

interface PracticeBannerProps {
  readonly association: AssociationView;
  readonly who: WhoIsSignedIn;
  readonly onDeleted: (name: string) => void;
}

export function PracticeBanner({ association, who, onDeleted }: PracticeBannerProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const [asking, setAsking] = useState(false);

  async function remove() {
    const deleted = await command.run('practice-delete', { associationId: association.id, confirm: true });
    if (deleted) onDeleted(deleted.name);
  }

  return (
    <div className="notice practice-banner" role="note" data-testid="practice-banner">
      <p>{t('practice.banner')}</p>
      {who.can.record ? (
        <button type="button" className="button button--secondary button--small" onClick={() => setAsking(true)}>{t('practice.delete')}</button>
      ) : null}
      {asking ? (
        <Dialog title={t('practice.deleteTitle')} onClose={() => setAsking(false)}>
          <p>{t('practice.deleteExplain', { name: association.name })}</p>
          <FormError message={command.formError ?? Object.values(command.fieldErrors)[0] ?? null} />
          <div className="actions">
            <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>{t('common.cancel')}</button>
            <button type="button" className="button button--danger" disabled={command.busy} onClick={() => void remove()}>{t('practice.deleteConfirm')}</button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
