// Adding a member, or correcting one's details.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, MemberView } from '../../../electron/server/contract';
import { Dialog } from '../components/Dialog';
import { ChoiceField, DateField, FormError, SelectField, TextField } from '../components/fields';
import { useCommand } from '../hooks';
import { ROLES } from './Members';

interface MemberFormProps {
  readonly association: AssociationView;
  readonly member?: MemberView;
  readonly onClose: () => void;
  readonly onSaved: (member: MemberView) => void;
}

export function MemberForm({ association, member, onClose, onSaved }: MemberFormProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const [form, setForm] = useState({
    fullName: member?.fullName ?? '',
    gender: member?.gender ?? '',
    role: member?.role ?? 'member',
    phone: member?.phone ?? '',
    nationalId: member?.nationalId ?? '',
    joinedOn: member?.joinedOn ?? '',
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const err = (field: string) => command.fieldErrors[field];

  async function save() {
    const details = {
      fullName: form.fullName,
      gender: form.gender as MemberView['gender'],
      role: form.role as MemberView['role'],
      phone: form.phone,
      nationalId: form.nationalId,
    };
    const saved = member
      ? await command.run('member-update', { associationId: association.id, memberId: member.id, ...details })
      : await command.run('member-add', { associationId: association.id, ...details, joinedOn: form.joinedOn });
    if (saved) onSaved(saved);
  }

  return (
    <Dialog title={member ? t('members.editTitle', { name: member.fullName }) : t('members.addTitle')} onClose={onClose}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextField label={t('members.fullName')} name="fullName" value={form.fullName} onChange={set('fullName')} error={err('fullName')} required autoFocus maxLength={120} />
        <ChoiceField
          legend={t('members.gender')}
          name="gender"
          value={form.gender}
          onChange={set('gender')}
          error={err('gender')}
          options={[
            { value: 'female', label: t('gender.female') },
            { value: 'male', label: t('gender.male') },
          ]}
        />
        <SelectField label={t('members.role')} name="role" value={form.role} onChange={set('role')} error={err('role')} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        <TextField label={t('members.phone')} name="phone" type="tel" value={form.phone} onChange={set('phone')} error={err('phone')} labelNote={t('common.optionalNote')} />
        <TextField label={t('members.nationalId')} name="nationalId" value={form.nationalId} onChange={set('nationalId')} error={err('nationalId')} labelNote={t('common.optionalNote')} />
        {member ? null : (
          <DateField legend={t('members.joinedOn')} name="joinedOn" value={form.joinedOn} onChange={set('joinedOn')} error={err('joinedOn')} required />
        )}
        <FormError message={command.errorOutside(['fullName', 'gender', 'role', 'phone', 'nationalId', 'joinedOn'])} />
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="button" disabled={command.busy}>{t('common.save')}</button>
        </div>
      </form>
    </Dialog>
  );
}
