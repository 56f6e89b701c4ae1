// Backups of this association's books (treasurer and chair): back up now or to a
// USB stick, see the backups kept on the laptop, and restore one — only after
// seeing what it holds and confirming. Other associations on the laptop are neither
// in these backups nor touched by a restore; the whole file is the laptop
// administrator's.

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, LedgerFileSummary } from '../../../electron/server/contract';
import { RestoreDialog } from '../components/RestoreDialog';
import { BackupTable } from '../components/BackupTable';
import { FormError } from '../components/fields';
import { useCommand, useQuery } from '../hooks';
import { ledger } from '../api';
import { fileName } from '../format';

/** The address that opens Settings at the backups (the health warning links to it). */
export const BACKUPS_HREF = '#/settings/backups';

/** A backup about to be restored: how the server knows it (a chosen file's token, or its name in the list) and how the person does. */
interface Restoring {
  readonly source: { readonly file: string } | { readonly name: string };
  readonly label: string;
  readonly summary: LedgerFileSummary;
}

export function Backups({ association, onRestored }: { readonly association: AssociationView; readonly onRestored: (notice: string) => void }) {
  const { t } = useTranslation();
  const command = useCommand();
  const { data: list, reload } = useQuery('backup-list', { associationId: association.id }, [association.id]);
  // Kept as a key and its values, so that it follows a change of language.
  const [notice, setNotice] = useState<{ key: 'backup.made' | 'backup.madeIn'; file: string; folder?: string } | null>(null);
  const [restoring, setRestoring] = useState<Restoring | null>(null);
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

  async function backUp(toFolder: boolean) {
    setNotice(null);
    const folder = toFolder ? await ledger.chooseBackupFolder() : null;
    if (toFolder && !folder) return;
    const made = await command.run('backup-create', { associationId: association.id, ...(folder ? { folder: folder.token } : {}) });
    if (made) {
      setNotice(folder ? { key: 'backup.madeIn', file: fileName(made.file), folder: folder.label } : { key: 'backup.made', file: fileName(made.file) });
      reload();
    }
  }

  async function lookAt(source: Restoring['source'], label: string) {
    setNotice(null);
    const summary = await command.run('backup-inspect', { associationId: association.id, ...source });
    if (summary) setRestoring({ source, label, summary });
  }

  async function lookAtFile() {
    const chosen = await ledger.chooseBackupFile();
    if (chosen) await lookAt({ file: chosen.token }, chosen.label);
  }

  return (
    <>
      <h2 id="backups" ref={title} tabIndex={-1}>{t('backup.title')}</h2>
      <p>{t('backup.explainAssociation', { name: association.name })}</p>
      {notice ? <p className="notice" role="status">{t(notice.key, { file: notice.file, folder: notice.folder })}</p> : null}
      <FormError message={command.formError ?? Object.values(command.fieldErrors)[0] ?? null} />
      <div className="actions actions--start">
        <button type="button" className="button" onClick={() => void backUp(false)} disabled={command.busy}>{t('backup.now')}</button>
        <button type="button" className="button button--secondary" onClick={() => void backUp(true)} disabled={command.busy}>{t('backup.toFolder')}</button>
        <button type="button" className="button button--secondary" onClick={() => void lookAtFile()} disabled={command.busy}>{t('backup.restoreFromFile')}</button>
      </div>
      {list ? (
        <BackupTable caption={t('backup.listAssociation', { name: association.name })} backups={list.backups} folder={list.folder} empty={t('backup.noneYet')} onRestore={(name) => void lookAt({ name }, name)} />
      ) : null}
      {restoring ? (
        <RestoreDialog
          label={restoring.label}
          summary={restoring.summary}
          warning={t('backup.warningAssociation', { name: association.name })}
          onClose={() => setRestoring(null)}
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
