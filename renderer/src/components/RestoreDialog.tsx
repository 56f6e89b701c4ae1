// Before any restore: what the backup holds (each association with its members,
// entries and last entry date), what will happen, and an "I understand" tick.
// Nothing is replaced until the person has seen this and pressed the button.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerFileSummary } from '../../../electron/server/contract';
import { Dialog } from './Dialog';
import { FormError } from './fields';
import { useCommand, type Command } from '../hooks';
import { date, moment } from '../format';

interface RestoreDialogProps {
  /** The backup's own name (a chosen file's label, or its name in the list): never a full path. */
  readonly label: string;
  readonly summary: LedgerFileSummary;
  /** What restoring it changes, in a sentence or two. */
  readonly warning: string;
  /** Runs the restore through `command` (so that a refusal shows here); true when done. */
  readonly restore: (command: Command) => Promise<boolean>;
  readonly onClose: () => void;
}

export function RestoreDialog({ label, summary, warning, restore, onClose }: RestoreDialogProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const [sure, setSure] = useState(false);
  return (
    <Dialog title={t('backup.restoreTitle')} onClose={onClose} readFirst>
      <p>
        {t('backup.fromBackup')} <strong className="backup-name">{label}</strong>
      </p>
      <p>{t('backup.holds')}</p>
      <ul className="backup-holds">
        {summary.associations.map((a) => (
          <li key={a.id}>
            {t('backup.holdsLine', { name: a.name, members: a.members, entries: a.entries, date: a.lastEntryDate ? date(a.lastEntryDate) : '—' })}
          </li>
        ))}
      </ul>
      {summary.lastChangeAt ? <p>{t('backup.lastChange', { when: moment(summary.lastChangeAt) })}</p> : null}
      <p className="warning">{warning}</p>
      <label className="choice__option">
        <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} />
        {t('backup.confirm')}
      </label>
      <FormError message={command.formError ?? Object.values(command.fieldErrors)[0] ?? null} />
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={onClose}>{t('common.cancel')}</button>
        <button type="button" className="button button--danger" disabled={!sure || command.busy} onClick={() => void restore(command)}>{t('backup.replace')}</button>
      </div>
    </Dialog>
  );
}
