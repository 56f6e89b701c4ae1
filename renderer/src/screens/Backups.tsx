// Backups (treasurer and chair): back up now or to a USB stick, see the automatic
// backups, and restore one — only after seeing what it holds and confirming.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView } from '../../../electron/server/contract';
import { Dialog } from '../components/Dialog';
import { FormError } from '../components/fields';
import { useCommand, useQuery } from '../hooks';
import { ledger } from '../api';
import { date } from '../format';

type Summary = { file: string; associations: readonly { name: string; members: number; entries: number; lastEntryDate: string | null }[]; lastChangeAt: string | null };

export function Backups({ association, onRestored }: { readonly association: AssociationView; readonly onRestored: () => void }) {
  const { t } = useTranslation();
  const command = useCommand();
  const { data: list, reload } = useQuery('backup-list', { associationId: association.id }, [association.id]);
  const [notice, setNotice] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<Summary | null>(null);

  async function backUp(toFolder: boolean) {
    setNotice(null);
    const folder = toFolder ? await ledger.chooseBackupFolder() : undefined;
    if (folder === null) return;
    const made = await command.run('backup-create', { associationId: association.id, ...(folder ? { folder } : {}) });
    if (made) {
      setNotice(t('backup.made', { file: made.file }));
      reload();
    }
  }

  async function look(file: string | null) {
    if (!file) return;
    const summary = await command.run('backup-inspect', { associationId: association.id, file });
    if (summary) setRestoring(summary);
  }

  return (
    <>
      <h2>{t('backup.title')}</h2>
      <p>{t('backup.explain')}</p>
      {list?.folder ? <p className="file-path">{list.folder}</p> : null}
      {notice ? <p className="notice" role="status">{notice}</p> : null}
      <FormError message={command.formError ?? Object.values(command.fieldErrors)[0] ?? null} />
      <div className="actions actions--start">
        <button type="button" className="button" onClick={() => void backUp(false)} disabled={command.busy}>{t('backup.now')}</button>
        <button type="button" className="button button--secondary" onClick={() => void backUp(true)} disabled={command.busy}>{t('backup.toFolder')}</button>
        <button type="button" className="button button--secondary" onClick={() => void ledger.chooseBackupFile().then(look)} disabled={command.busy}>{t('backup.restoreFromFile')}</button>
      </div>
      {list && list.backups.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('backup.automatic')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backup.file')}</th>
                <th scope="col">{t('backup.size')}</th>
                <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {list.backups.map((b) => (
                <tr key={b.file}>
                  <th scope="row">{b.file.split(/[/\\]/).pop()}</th>
                  <td>{Math.max(1, Math.round(b.bytes / 1024))} KB</td>
                  <td className="row-actions">
                    <button type="button" className="button button--small button--secondary" onClick={() => void look(b.file)}>{t('backup.restore')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {restoring ? <RestoreDialog association={association} summary={restoring} onClose={() => setRestoring(null)} onRestored={onRestored} /> : null}
    </>
  );
}

function RestoreDialog({ association, summary, onClose, onRestored }: {
  readonly association: AssociationView;
  readonly summary: Summary;
  readonly onClose: () => void;
  readonly onRestored: () => void;
}) {
  const { t } = useTranslation();
  const command = useCommand();
  const [sure, setSure] = useState(false);
  async function restore() {
    const done = await command.run('backup-restore', { associationId: association.id, file: summary.file, confirm: true });
    if (done) onRestored();
  }
  return (
    <Dialog title={t('backup.restoreTitle')} onClose={onClose}>
      <p className="file-path">{summary.file}</p>
      <p>{t('backup.holds')}</p>
      <ul>
        {summary.associations.map((a) => (
          <li key={a.name}>
            {t('backup.holdsLine', { name: a.name, members: a.members, entries: a.entries, date: a.lastEntryDate ? date(a.lastEntryDate) : '—' })}
          </li>
        ))}
      </ul>
      <p className="notice">{t('backup.warning')}</p>
      <label className="choice__option">
        <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} />
        {t('backup.confirm')}
      </label>
      <FormError message={command.formError ?? Object.values(command.fieldErrors)[0] ?? null} />
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={onClose}>{t('common.cancel')}</button>
        <button type="button" className="button button--danger" disabled={!sure || command.busy} onClick={() => void restore()}>{t('backup.replace')}</button>
      </div>
    </Dialog>
  );
}
