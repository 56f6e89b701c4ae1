// Recording that a member left. The record stays; the member leaves the active list.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, MemberView } from '../../../electron/server/contract';
import { Dialog } from '../components/Dialog';
import { DateField, FormError, TextField } from '../components/fields';
import { useCommand } from '../hooks';

interface MemberExitFormProps {
  readonly association: AssociationView;
  readonly member: MemberView;
  readonly onClose: () => void;
  readonly onSaved: (member: MemberView) => void;
}

export function MemberExitForm({ association, member, onClose, onSaved }: MemberExitFormProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const [exitedOn, setExitedOn] = useState('');
  const [reason, setReason] = useState('');
  async function save() {
    const saved = await command.run('member-exit', { associationId: association.id, memberId: member.id, exitedOn, reason });
    if (saved) onSaved(saved);
  }
  return (
    <Dialog title={t('members.exitTitle', { name: member.fullName })} onClose={onClose}>
      <p>{t('members.exitExplain')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <DateField legend={t('members.exitDate')} name="exitedOn" value={exitedOn} onChange={setExitedOn} error={command.fieldErrors.exitedOn} required autoFocus />
        <TextField label={t('members.exitReason')} name="reason" value={reason} onChange={setReason} error={command.fieldErrors.reason} required maxLength={300} />
        <FormError message={command.errorOutside(['exitedOn', 'reason'])} />
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="button button--danger" disabled={command.busy}>{t('members.confirmExit')}</button>
        </div>
      </form>
    </Dialog>
  );
}
