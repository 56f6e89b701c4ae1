// Backups of the whole ledger file (every association at once), for the laptop's
// administrator: back up now or to a USB stick, the automatic backups, and
// restoring one — only after seeing what it holds and confirming.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerFileSummary, RestoreResult } from '../../../../electron/server/contract';
import { RestoreDialog } from '../../components/RestoreDialog';
import { BackupTable } from '../../components/BackupTable';
import { FormError } from '../../components/fields';
import { useCommand, useQuery } from '../../hooks';
import { ledger } from '../../api';
import { fileName } from '../../format';

export const WHOLE_FILE_BACKUPS_ID = 'whole-file-backups';

interface Restoring {
  readonly source: { readonly file: string } | { readonly name: string };
  readonly label: string;
  readonly summary: LedgerFileSummary;
}

export function WholeFileBackups({ onRestored }: { readonly onRestored: (result: RestoreResult, label: string) => void }) {
  const { t } = useTranslation();
  const command = useCommand();
  const { data: list, reload } = useQuery('ledger-backup-list', {}, []);
  // Kept as a key and its values, so that it follows a change of language.
  const [notice, setNotice] = useState<{ key: 'backup.made' | 'backup.madeIn'; file: string; folder?: string } | null>(null);
  const [restoring, setRestoring] = useState<Restoring | null>(null);

  async function backUp(toFolder: boolean) {
    setNotice(null);
    const folder = toFolder ? await ledger.chooseBackupFolder() : null;
    if (toFolder && !folder) return;
    const made = await command.run('ledger-backup-create', folder ? { folder: folder.token } : {});
    if (made) {
      setNotice(folder ? { key: 'backup.madeIn', file: fileName(made.file), folder: folder.label } : { key: 'backup.made', file: fileName(made.file) });
      reload();
    }
  }

  async function lookAt(source: Restoring['source'], label: string) {
    setNotice(null);
    const summary = await command.run('ledger-backup-inspect', source);
    if (summary) setRestoring({ source, label, summary });
  }

  async function lookAtFile() {
    const chosen = await ledger.chooseBackupFile();
    if (chosen) await lookAt({ file: chosen.token }, chosen.label);
  }

  return (
    <section aria-labelledby={WHOLE_FILE_BACKUPS_ID}>
      <h2 id={WHOLE_FILE_BACKUPS_ID}>{t('administrator.backupsTitle')}</h2>
      <p>{t('administrator.backupsExplain')}</p>
      {notice ? <p className="notice" role="status">{t(notice.key, { file: notice.file, folder: notice.folder })}</p> : null}
      <FormError message={command.formError ?? Object.values(command.fieldErrors)[0] ?? null} />
      <div className="actions actions--start">
        <button type="button" className="button" onClick={() => void backUp(false)} disabled={command.busy}>{t('backup.now')}</button>
        <button type="button" className="button button--secondary" onClick={() => void backUp(true)} disabled={command.busy}>{t('backup.toFolder')}</button>
        <button type="button" className="button button--secondary" onClick={() => void lookAtFile()} disabled={command.busy}>{t('backup.restoreFromFile')}</button>
      </div>
      {list ? (
        <BackupTable caption={t('backup.automatic')} backups={list.backups} folder={list.folder} empty={t('administrator.noAutomatic')} onRestore={(name) => void lookAt({ name }, name)} />
      ) : null}
      {restoring ? (
        <RestoreDialog
          label={restoring.label}
          summary={restoring.summary}
          warning={t('administrator.restoreWarning')}
          onClose={() => setRestoring(null)}
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
