// Backups of this association's books (treasurer and chair): back up now or to a
// USB stick, see the backups kept on the laptop, and restore one — only after
// seeing what it holds and confirming. Other associations on the laptop are neither
// in these backups nor touched by a restore; the whole file is the laptop
// administrator's.

import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView } from '../../../electron/server/contract';
import { RestoreDialog } from '../components/RestoreDialog';
import { BackupTable } from '../components/BackupTable';
import { BackupButtons, useBackupControls } from '../components/BackupControls';
import { useQuery } from '../hooks';
import { fileName } from '../format';

/** The address that opens Settings at the backups (the health warning links to it). */
export const BACKUPS_HREF = '#/settings/backups';

export function Backups({ association, onRestored }: { readonly association: AssociationView; readonly onRestored: (notice: string) => void }) {
  const { t } = useTranslation();
  const { data: list, reload } = useQuery('backup-list', { associationId: association.id }, [association.id]);
  const controls = useBackupControls({
    create: (command, folder) => command.run('backup-create', { associationId: association.id, ...(folder ? { folder } : {}) }),
    inspect: (command, source) => command.run('backup-inspect', { associationId: association.id, ...source }),
    made: reload,
  });
  const { restoring } = controls;
  const title = useRef<HTMLHeadingElement>(null);

  // Opened from the warning at the top: show this part of Settings.
  useEffect(() => {
    const show = () => {
      if (window.location.hash !== BACKUPS_HREF) return;
      title.current?.scrollIntoView();
      title.current?.focus();
    };
    show();
    window.addEventListener('hashchange', show);
    return () => window.removeEventListener('hashchange', show);
  }, []);

  return (
    <>
      <h2 id="backups" ref={title} tabIndex={-1}>{t('backup.title')}</h2>
      <p>{t('backup.explainAssociation', { name: association.name })}</p>
      <BackupButtons controls={controls} />
      {list ? (
        <BackupTable caption={t('backup.listAssociation', { name: association.name })} backups={list.backups} folder={list.folder} empty={t('backup.noneYet')} onRestore={(name) => void controls.lookAt({ name }, name)} />
      ) : null}
      {restoring ? (
        <RestoreDialog
          label={restoring.label}
          summary={restoring.summary}
          warning={t('backup.warningAssociation', { name: association.name })}
          onClose={controls.close}
          restore={async (restoreCommand) => {
            const done = await restoreCommand.run('backup-restore', { associationId: association.id, ...restoring.source, confirm: true });
            if (!done) return false;
            onRestored(t('backup.restoredAssociation', { name: association.name, from: restoring.label, kept: fileName(done.keptAside) }));
            return true;
          }}
        />
      ) : null}
    </>
  );
}
