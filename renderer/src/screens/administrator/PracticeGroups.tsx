// The laptop administrator's practice groups: start one for a treasurer in training
// (who then signs in to it with the PIN they chose), and delete one — also when its
// PIN was forgotten, since a practice group has no recovery code.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView } from '../../../../electron/server/contract';
import { Dialog } from '../../components/Dialog';
import { date } from '../../format';
import { PracticeForm } from '../practice/PracticeForm';
import { DeletePracticeDialog } from '../practice/DeletePracticeDialog';

interface PracticeGroupsProps {
  /** The laptop's practice groups. */
  readonly groups: readonly AssociationView[];
  readonly onChanged: () => void;
}

export function PracticeGroups({ groups, onChanged }: PracticeGroupsProps) {
  const { t } = useTranslation();
  const [starting, setStarting] = useState(false);
  const [deleting, setDeleting] = useState<AssociationView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="practice-groups-title">
      <h2 id="practice-groups-title">{t('practice.adminTitle')}</h2>
      <p>{t('practice.adminExplain')}</p>
      {groups.length > 0 ? (
        <ul className="plain-list">
          {groups.map((g) => (
            <li key={g.id} className="practice-row">
              <span><strong>{g.name}</strong> <span className="muted">— {t('practice.madeOn', { date: date(g.foundedOn), name: g.practisedBy ?? '' })}</span></span>
              <button type="button" className="button button--secondary button--small" onClick={() => setDeleting(g)}>{t('practice.deleteShort')}</button>
            </li>
          ))}
        </ul>
      ) : null}
      {notice ? <p className="notice" role="status">{notice}</p> : null}
      <div className="actions actions--start">
        <button type="button" className="button button--secondary" onClick={() => setStarting(true)}>{t('practice.adminStart')}</button>
      </div>
      {starting ? (
        <Dialog title={t('practice.adminStart')} onClose={() => setStarting(false)}>
          <p>{t('practice.adminStartExplain')}</p>
          <PracticeForm
            submitLabel={t('practice.adminMake')}
            onCancel={() => setStarting(false)}
            onMade={(made) => {
              setStarting(false);
              setNotice(t('practice.adminMade', { name: made.name }));
              onChanged();
            }}
          />
        </Dialog>
      ) : null}
      {deleting ? (
        <DeletePracticeDialog
          association={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={(name) => {
            setDeleting(null);
            setNotice(t('practice.deleted', { name }));
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
