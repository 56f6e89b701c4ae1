// What an association's backups and the whole file's have in common: back up now or
// to a USB stick (a folder chosen in a dialog, passed as its token), look into a
// backup from the list (by name) or from a file (by token) before restoring it, and
// the notice that says where the backup went.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerFileSummary } from '../../../electron/server/contract';
import { FormError } from './fields';
import { useCommand } from '../hooks';
import { ledger } from '../api';
import { fileName } from '../format';

/** A backup about to be restored: how the server knows it (a chosen file's token, or its name in the list) and how the person does. */
export interface Restoring {
  readonly source: { readonly file: string } | { readonly name: string };
  readonly label: string;
  readonly summary: LedgerFileSummary;
}

type Command = ReturnType<typeof useCommand>;

export function useBackupControls(calls: {
  readonly create: (command: Command, folder: string | null) => Promise<LedgerFileSummary | null>;
  readonly inspect: (command: Command, source: Restoring['source']) => Promise<LedgerFileSummary | null>;
  readonly made: () => void;
}) {
  const command = useCommand();
  // Kept as a key and its values, so that it follows a change of language.
  const [notice, setNotice] = useState<{ key: 'backup.made' | 'backup.madeIn'; file: string; folder?: string } | null>(null);
  const [restoring, setRestoring] = useState<Restoring | null>(null);

  async function backUp(toFolder: boolean) {
    setNotice(null);
    const folder = toFolder ? await ledger.chooseBackupFolder() : null;
    if (toFolder && !folder) return;
    const made = await calls.create(command, folder?.token ?? null);
    if (!made) return;
    setNotice(folder ? { key: 'backup.madeIn', file: fileName(made.file), folder: folder.label } : { key: 'backup.made', file: fileName(made.file) });
    calls.made();
  }

  async function lookAt(source: Restoring['source'], label: string) {
    setNotice(null);
    const summary = await calls.inspect(command, source);
    if (summary) setRestoring({ source, label, summary });
  }

  async function lookAtFile() {
    const chosen = await ledger.chooseBackupFile();
    if (chosen) await lookAt({ file: chosen.token }, chosen.label);
  }

  return { command, notice, restoring, close: () => setRestoring(null), backUp, lookAt, lookAtFile };
}

/** The notice, the error and the three buttons. */
export function BackupButtons({ controls }: { readonly controls: ReturnType<typeof useBackupControls> }) {
  const { t } = useTranslation();
  const { command, notice } = controls;
  return (
    <>
      {notice ? <p className="notice" role="status">{t(notice.key, { file: notice.file, folder: notice.folder })}</p> : null}
      <FormError message={command.formError ?? Object.values(command.fieldErrors)[0] ?? null} />
      <div className="actions actions--start">
        <button type="button" className="button" onClick={() => void controls.backUp(false)} disabled={command.busy}>{t('backup.now')}</button>
        <button type="button" className="button button--secondary" onClick={() => void controls.backUp(true)} disabled={command.busy}>{t('backup.toFolder')}</button>
        <button type="button" className="button button--secondary" onClick={() => void controls.lookAtFile()} disabled={command.busy}>{t('backup.restoreFromFile')}</button>
      </div>
    </>
  );
}
