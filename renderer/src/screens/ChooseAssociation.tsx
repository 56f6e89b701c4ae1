// When several associations keep their books on this laptop: pick one. Adding
// another is the laptop administrator's, who signs in at the bottom.

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView } from '../../../electron/server/contract';

interface ChooseProps {
  readonly associations: readonly AssociationView[];
  readonly onChoose: (association: AssociationView) => void;
  readonly onAdministrator: () => void;
  readonly notice?: ReactNode;
  /** Only practice groups so far, and no administrator: the real first start is still to come. */
  readonly onSetUp?: () => void;
}

export function ChooseAssociation({ associations, onChoose, onAdministrator, notice, onSetUp }: ChooseProps) {
  const { t } = useTranslation();
  return (
    <main className="wizard" aria-labelledby="choose-title">
      <h1 id="choose-title">{t('choose.title')}</h1>
      {notice}
      <ul className="choose-list">
        {associations.map((a) => (
          <li key={a.id}>
            <button type="button" className="choose-item" onClick={() => onChoose(a)}>
              <span className="choose-item__name">{a.name}</span>
              <span className="choose-item__place">{a.practice ? t('practice.chooseNoteFor', { name: a.practisedBy ?? '' }) : [a.village, a.sector, a.district].join(', ')}</span>
            </button>
          </li>
        ))}
      </ul>
      {onSetUp ? <p><button type="button" className="button" onClick={onSetUp}>{t('practice.setUpReal')}</button></p> : null}
      <p className="quiet-door">
        {t('administrator.addsAssociations')}{' '}
        <button type="button" className="link" onClick={onAdministrator}>{t('administrator.door')}</button>
      </p>
    </main>
  );
}
