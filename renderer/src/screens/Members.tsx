// The member register: search and filter, add, correct, and record an exit.
// Members are never deleted; exited members stay in the list under "Exited".

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, MemberView } from '../../../electron/server/contract';
import { SelectField, TextField } from '../components/fields';
import { useQuery } from '../hooks';
import { date } from '../format';
import { MemberForm } from './MemberForm';
import { MemberExitForm } from './MemberExitForm';
import { SavingsBroughtInForm } from './SavingsBroughtInForm';
import { Passbook } from './Passbook';

export const ROLES = ['chair', 'secretary', 'treasurer', 'key_holder', 'member'] as const;

type Editing = { kind: 'add' } | { kind: 'savings-in' } | { kind: 'edit'; member: MemberView } | { kind: 'exit'; member: MemberView } | { kind: 'passbook'; member: MemberView } | null;

export function Members({ association, canRecord }: { readonly association: AssociationView; readonly canRecord: boolean }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<'active' | 'exited' | 'all'>('active');
  const [role, setRole] = useState('');
  const [gender, setGender] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const filters = {
    associationId: association.id,
    status,
    ...(role ? { role: role as MemberView['role'] } : {}),
    ...(gender ? { gender: gender as MemberView['gender'] } : {}),
    ...(search.trim() ? { search: search.trim() } : {}),
  };
  const { data: members, error, reload } = useQuery('member-list', filters, [association.id, search, status, role, gender]);
  const writable = canRecord && !association.readOnly;

  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
    reload();
  };

  return (
    <section aria-labelledby="members-title">
      <div className="section-head">
        <h1 id="members-title">{t('members.title')}</h1>
        {writable ? (
          <div className="actions actions--start">
            <button type="button" className="button" onClick={() => setEditing({ kind: 'add' })}>
              {t('members.add')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing({ kind: 'savings-in' })}>
              {t('savingsIn.open')}
            </button>
          </div>
        ) : null}
      </div>
      <div className="filters" role="search">
        <TextField label={t('members.search')} name="search" type="search" value={search} onChange={setSearch} hint={t('members.searchHint')} />
        <SelectField
          label={t('members.status')}
          name="status"
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          options={[
            { value: 'active', label: t('members.statusActive') },
            { value: 'exited', label: t('members.statusExited') },
            { value: 'all', label: t('members.statusAll') },
          ]}
        />
        <SelectField label={t('members.role')} name="role" value={role} onChange={setRole} placeholder={t('common.all')} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        <SelectField
          label={t('members.gender')}
          name="gender"
          value={gender}
          onChange={setGender}
          placeholder={t('common.all')}
          options={[
            { value: 'female', label: t('gender.female') },
            { value: 'male', label: t('gender.male') },
          ]}
        />
      </div>
      {notice ? <p className="notice" role="status">{notice}</p> : null}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      {members && members.length === 0 ? <p className="empty">{t('members.none')}</p> : null}
      {members && members.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('members.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('members.number')}</th>
                <th scope="col">{t('members.fullName')}</th>
                <th scope="col">{t('members.gender')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('members.phone')}</th>
                <th scope="col">{t('members.joinedOn')}</th>
                <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id} className={m.status === 'exited' ? 'is-exited' : ''}>
                  <td>{m.memberNo}</td>
                  <th scope="row">{m.fullName}</th>
                  <td>{t(`gender.${m.gender}`)}</td>
                  <td>{t(`role.${m.role}`)}</td>
                  <td>{m.phone ?? ''}</td>
                  <td>
                    {date(m.joinedOn)}
                    {m.status === 'exited' ? <span className="table__note">{t('members.exitedOn', { date: date(m.exitedOn) })}</span> : null}
                  </td>
                    <td className="row-actions">
                      <button type="button" className="button button--small button--secondary" onClick={() => setEditing({ kind: 'passbook', member: m })} aria-label={t('passbook.openWho', { name: m.fullName })}>
                        {t('passbook.open')}
                      </button>
                      {writable && m.status === 'active' ? (
                        <>
                          <button type="button" className="button button--small button--secondary" onClick={() => setEditing({ kind: 'edit', member: m })} aria-label={t('members.editWho', { name: m.fullName })}>
                            {t('common.edit')}
                          </button>
                          {/* Leaving is for good: it does not look like Edit beside it. */}
                          <button type="button" className="button button--small button--secondary button--danger-quiet" onClick={() => setEditing({ kind: 'exit', member: m })} aria-label={t('members.exitWho', { name: m.fullName })}>
                            {t('members.exit')}
                          </button>
                        </>
                      ) : null}
                    </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {members ? <p className="muted">{t('members.count', { count: members.length })}</p> : null}

      {editing?.kind === 'add' ? (
        <MemberForm association={association} onClose={() => setEditing(null)} onSaved={(m) => done(t('members.added', { name: m.fullName }))} />
      ) : null}
      {editing?.kind === 'edit' ? (
        <MemberForm association={association} member={editing.member} onClose={() => setEditing(null)} onSaved={(m) => done(t('members.saved', { name: m.fullName }))} />
      ) : null}
      {editing?.kind === 'savings-in' ? <SavingsBroughtInForm association={association} onClose={() => setEditing(null)} onSaved={done} /> : null}
      {editing?.kind === 'passbook' ? <Passbook association={association} member={editing.member} onClose={() => setEditing(null)} /> : null}
      {editing?.kind === 'exit' ? (
        <MemberExitForm association={association} member={editing.member} onClose={() => setEditing(null)} onSaved={(m) => done(t('members.exited', { name: m.fullName }))} />
      ) : null}
    </section>
  );
}
