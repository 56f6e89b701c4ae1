// The laptop administrator's screen: the whole file's backups and restores, the
// associations on this laptop (and adding one), the check of the whole file, and
// the other administrators. No association's books are shown here.

import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestoreResult, WhoIsSignedIn } from '../../../../electron/server/contract';
import { TopBar } from '../../components/TopBar';
import { NameAdministrator } from '../../components/NameAdministrator';
import { Dialog } from '../../components/Dialog';
import { useQuery, type Health } from '../../hooks';
import { WholeFileBackups } from './WholeFileBackups';
import { FileCheck } from './FileCheck';
import { PracticeGroups } from './PracticeGroups';

interface AdministratorProps {
  readonly who: WhoIsSignedIn;
  readonly health: Health;
  /** The health warning, shown at the top. */
  readonly banner: ReactNode;
  /** The association just added, if any: said at the top. */
  readonly addedAssociation: string | null;
  readonly onSignOut: () => void;
  readonly onAddAssociation: () => void;
  readonly onRestored: (result: RestoreResult, label: string) => void;
}

export function Administrator({ who, health, banner, addedAssociation, onSignOut, onAddAssociation, onRestored }: AdministratorProps) {
  const { t } = useTranslation();
  const { data: all, reload: reloadAssociations } = useQuery('association-list', {}, []);
  const associations = all?.filter((a) => !a.practice);
  const { data: administrators, reload: reloadAdministrators } = useQuery('administrator-list', {}, []);
  const [naming, setNaming] = useState(false);
  const [named, setNamed] = useState<string | null>(null);

  return (
    <div className="layout layout--single">
      <TopBar who={who}>
        <button type="button" className="button button--secondary button--small" onClick={onSignOut}>
          {t('administrator.signOut')}
        </button>
      </TopBar>
      <main id="main" className="content content--single" tabIndex={-1}>
        {banner}
        <h1>{t('administrator.title')}</h1>
        <p className="lead">{t('administrator.youExplain')}</p>
        {addedAssociation ? <p className="notice" role="status">{t('administrator.added', { name: addedAssociation })}</p> : null}

        <WholeFileBackups onRestored={onRestored} />

        <section aria-labelledby="associations-title">
          <h2 id="associations-title">{t('administrator.associationsTitle')}</h2>
          {associations && associations.length > 0 ? (
            <ul className="plain-list">
              {associations.map((a) => (
                <li key={a.id}>
                  <strong>{a.name}</strong> <span className="muted">— {[a.village, a.sector, a.district].join(', ')}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="actions actions--start">
            <button type="button" className="button" onClick={onAddAssociation}>{t('administrator.addAssociation')}</button>
          </div>
        </section>

        <PracticeGroups groups={all?.filter((a) => a.practice) ?? []} onChanged={reloadAssociations} />

        <FileCheck health={health.health} onChecked={health.show} />

        <section aria-labelledby="administrators-title">
          <h2 id="administrators-title">{t('administrator.othersTitle')}</h2>
          <p>{t('administrator.othersExplain')}</p>
          {administrators ? (
            <ul className="plain-list">
              {administrators.map((a) => (
                <li key={a.id}>{a.name}</li>
              ))}
            </ul>
          ) : null}
          {named ? <p className="notice" role="status">{t('administrator.named', { name: named })}</p> : null}
          <div className="actions actions--start">
            <button type="button" className="button button--secondary" onClick={() => setNaming(true)}>{t('administrator.addAnother')}</button>
          </div>
        </section>
      </main>
      {naming ? (
        <Dialog title={t('administrator.addAnother')} onClose={() => setNaming(false)}>
          <NameAdministrator
            onCancel={() => setNaming(false)}
            onNamed={(a) => {
              setNaming(false);
              setNamed(a.name);
              reloadAdministrators();
            }}
          />
        </Dialog>
      ) : null}
    </div>
  );
}
