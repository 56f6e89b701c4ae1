// Backups of the whole ledger file (every association at once), for the laptop's
// administrator: back up now or to a USB stick, the automatic backups, and
// restoring one — only after seeing what it holds and confirming.

import { useTranslation } from 'react-i18next';
import type { RestoreResult } from '../../../../electron/server/contract';
import { RestoreDialog } from '../../components/RestoreDialog';
import { BackupTable } from '../../components/BackupTable';
import { BackupButtons, useBackupControls } from '../../components/BackupControls';
import { useQuery } from '../../hooks';

export const WHOLE_FILE_BACKUPS_ID = 'whole-file-backups';

export function WholeFileBackups({ onRestored }: { readonly onRestored: (result: RestoreResult, label: string) => void }) {
  const { t } = useTranslation();
  const { data: list, reload } = useQuery('ledger-backup-list', {}, []);
  const controls = useBackupControls({
    create: (command, folder) => command.run('ledger-backup-create', folder ? { folder } : {}),
    inspect: (command, source) => command.run('ledger-backup-inspect', source),
    made: reload,
  });
  const { restoring } = controls;

  return (
    <section aria-labelledby={WHOLE_FILE_BACKUPS_ID}>
      <h2 id={WHOLE_FILE_BACKUPS_ID}>{t('administrator.backupsTitle')}</h2>
      <p>{t('administrator.backupsExplain')}</p>
      <BackupButtons controls={controls} />
      {list ? (
        <BackupTable caption={t('backup.automatic')} backups={list.backups} folder={list.folder} empty={t('administrator.noAutomatic')} onRestore={(name) => void controls.lookAt({ name }, name)} />
      ) : null}
      {restoring ? (
        <RestoreDialog
          label={restoring.label}
          summary={restoring.summary}
          warning={t('administrator.restoreWarning')}
          onClose={controls.close}
          restore={async (restoreCommand) => {
            const done = await restoreCommand.run('ledger-backup-restore', { ...restoring.source, confirm: true });
            if (!done) return false;
            onRestored(done, restoring.label);
            return true;
          }}
        />
      ) : null}
    </section>
  );
}
