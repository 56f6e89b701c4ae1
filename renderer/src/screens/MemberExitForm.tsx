// Recording that a member left. The record stays; the member leaves the active list.
// As the date is typed the form shows what they take by the group's rule (savings, or
// savings and their part of the profit so far), worked out by the server.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, MemberView } from '../../../electron/server/contract';
import { Dialog } from '../components/Dialog';
import { DateField, FormError, TextField } from '../components/fields';
import { useCommand, useQuery } from '../hooks';
import { isIsoDate, money } from '../format';

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
  const [later, setLater] = useState(false);
  const dated = isIsoDate(exitedOn);
  const { data: preview } = useQuery('member-exit-preview', dated ? { associationId: association.id, memberId: member.id, exitedOn } : null, [association.id, member.id, exitedOn]);
  // Only what the day on screen gives.
  const takes = preview?.exitedOn === exitedOn ? preview : null;
  const m = (minor: string) => money(minor, association.currency);
  async function save() {
    const saved = await command.run('member-exit', { associationId: association.id, memberId: member.id, exitedOn, reason, settle: !later });
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
        {takes ? (
          <p className="notice" data-testid="exit-takes" role="status">
            {t(`members.exitTakes.${takes.partKind}`, { name: member.fullName, savings: m(takes.savings), cycle: takes.cycleName ?? '', amount: m(takes.partSize) })}
            {later ? null : ` ${t('members.exitTotal', { total: m(takes.total) })}`}
          </p>
        ) : null}
        <label className="choice__option">
          <input type="checkbox" name="settleLater" checked={later} onChange={(e) => setLater(e.target.checked)} />
          {t('members.exitSettleLater')}
        </label>
        <FormError message={command.errorOutside(['exitedOn', 'reason'])} />
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="button button--danger" disabled={command.busy}>{t('members.confirmExit')}</button>
        </div>
      </form>
    </Dialog>
  );
}
