// A list of backups in the backups folder — when each was made, its name and size —
// each with "Restore…", and the folder they are kept in. Shared by one
// association's backups and the laptop administrator's whole-file ones.

import { useTranslation } from 'react-i18next';
import type { BackupFile } from '../../../electron/server/contract';
import { fileSize, moment } from '../format';

export function BackupTable({ caption, backups, folder, empty, onRestore }: {
  readonly caption: string;
  readonly backups: readonly BackupFile[];
  readonly folder: string | null;
  /** What to say when there is none yet. */
  readonly empty: string;
  readonly onRestore: (name: string) => void;
}) {
  const { t } = useTranslation();
  if (backups.length === 0) return <p className="muted">{empty}</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('backup.madeOn')}</th>
              <th scope="col">{t('backup.file')}</th>
              <th scope="col" className="num">{t('backup.size')}</th>
              <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name}>
                <td>{moment(b.modifiedAt)}</td>
                <th scope="row" className="backup-name">{b.name}</th>
                <td className="num">{fileSize(b.bytes)}</td>
                <td className="row-actions">
                  <button type="button" className="button button--small button--secondary" onClick={() => onRestore(b.name)} aria-label={t('backup.restoreWhich', { file: b.name })}>
                    {t('backup.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {folder ? <p className="muted">{t('backup.keptIn')} <span className="file-path file-path--inline">{folder}</span></p> : null}
    </>
  );
}
