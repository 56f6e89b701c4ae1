// What the coordinator settles that an import could not decide alone, always with a
// reason (kept in the laptop's history): a conflict — keep the books imported until
// now, or take the file kept aside — and a new laptop key for a known group.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormError, TextField } from '../../components/fields';
import { useCommand } from '../../hooks';

export type Decision =
  | { readonly kind: 'keep'; readonly conflictId: string; readonly name: string }
  | { readonly kind: 'take'; readonly conflictId: string; readonly name: string }
  | { readonly kind: 'key'; readonly importFileId: string; readonly name: string; readonly fingerprint: string };

interface DecideProps {
  readonly decision: Decision;
  readonly onClose: () => void;
  readonly onDone: () => void;
}

export function Decide({ decision, onClose, onDone }: DecideProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const [reason, setReason] = useState('');
  async function save() {
    const done = decision.kind === 'keep' ? await command.run('exchange-conflict-keep', { conflictId: decision.conflictId, reason })
      : decision.kind === 'take' ? await command.run('exchange-conflict-take', { conflictId: decision.conflictId, reason })
        : await command.run('exchange-key-accept', { importFileId: decision.importFileId, reason });
    if (done) onDone();
  }
  return (
    <Dialog title={t(`programme.decide.${decision.kind}.title`, { name: decision.name })} onClose={onClose} readFirst>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p>{t(`programme.decide.${decision.kind}.explain`, decision.kind === 'key' ? { fingerprint: decision.fingerprint } : {})}</p>
        <TextField
          label={t('programme.decide.reason')} name="reason" value={reason} onChange={setReason} error={command.fieldErrors.reason}
          hint={t(`programme.decide.${decision.kind}.reasonHint`)} required autoFocus maxLength={500} rows={3}
        />
        <FormError message={command.errorOutside(['reason'])} />
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="button" disabled={command.busy}>{t(`programme.decide.${decision.kind}.save`)}</button>
        </div>
      </form>
    </Dialog>
  );
}
