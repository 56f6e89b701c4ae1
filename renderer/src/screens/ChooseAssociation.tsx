// When several associations keep their books on this laptop: pick one.

import { useTranslation } from 'react-i18next';
import type { AssociationView } from '../../../electron/server/contract';

interface ChooseProps {
  readonly associations: readonly AssociationView[];
  readonly onChoose: (association: AssociationView) => void;
  readonly onAdd: () => void;
}

export function ChooseAssociation({ associations, onChoose, onAdd }: ChooseProps) {
  const { t } = useTranslation();
  return (
    <main className="wizard" aria-labelledby="choose-title">
      <h1 id="choose-title">{t('choose.title')}</h1>
      <ul className="choose-list">
        {associations.map((a) => (
          <li key={a.id}>
            <button type="button" className="choose-item" onClick={() => onChoose(a)}>
              <span className="choose-item__name">{a.name}</span>
              <span className="choose-item__place">{[a.village, a.sector, a.district].join(', ')}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button--secondary" onClick={onAdd}>{t('settings.addAssociation')}</button>
    </main>
  );
}
