// People and access (treasurer and chair): who may open these books, with which
// role; give someone access, reset a forgotten PIN, switch access off; renew the
// association's recovery code.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, Role, UserView, WhoIsSignedIn } from '../../../electron/server/contract';
import { Dialog } from '../components/Dialog';
import { FormError, SelectField, TextField } from '../components/fields';
import { useCommand, useQuery } from '../hooks';

/** The roles a person of the association can have (the laptop's administrator is not one). */
type UserRole = Exclude<Role, 'administrator'>;

const ROLES: readonly UserRole[] = ['treasurer', 'secretary', 'chair', 'member', 'officer', 'coordinator'];

type Editing = { kind: 'add' } | { kind: 'reset'; user: UserView } | null;

export function Users({ association, who }: { readonly association: AssociationView; readonly who: WhoIsSignedIn }) {
  const { t } = useTranslation();
  const { data: users, reload } = useQuery('user-list', { associationId: association.id }, [association.id]);
  const { data: members } = useQuery('member-list', { associationId: association.id, status: 'active' }, [association.id]);
  const command = useCommand();
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);

  async function toggle(user: UserView) {
    const done = await command.run('user-update', { associationId: association.id, userId: user.id, active: !user.active });
    if (done) {
      setNotice(done.active ? t('users.switchedOn', { name: done.name }) : t('users.switchedOff', { name: done.name }));
      reload();
    }
  }

  async function renew() {
    const done = await command.run('recovery-code-renew', { associationId: association.id });
    if (done) setRecoveryCode(done.recoveryCode);
  }

  return (
    <>
      <h2>{t('users.title')}</h2>
      <p>{t('users.explain')}</p>
      {notice ? <p className="notice" role="status">{notice}</p> : null}
      <FormError message={command.formError ?? Object.values(command.fieldErrors)[0] ?? null} />
      {users ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className={u.active ? '' : 'is-exited'}>
                  <th scope="row">{u.name}</th>
                  <td>{t(`userRole.${u.role}`)}</td>
                  <td>{u.active ? t('users.active') : t('users.off')}</td>
                  <td className="row-actions">
                    {u.id !== who.user.userId ? (
                      <>
                        <button type="button" className="button button--small button--secondary" onClick={() => setEditing({ kind: 'reset', user: u })} aria-label={t('users.resetWho', { name: u.name })}>
                          {t('users.reset')}
                        </button>
                        <button type="button" className="button button--small button--secondary" onClick={() => void toggle(u)} aria-label={u.active ? t('users.switchOffWho', { name: u.name }) : t('users.switchOnWho', { name: u.name })}>
                          {u.active ? t('users.switchOff') : t('users.switchOn')}
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
      <div className="actions actions--start">
        <button type="button" className="button" onClick={() => setEditing({ kind: 'add' })}>{t('users.add')}</button>
        <button type="button" className="button button--secondary" onClick={() => void renew()}>{t('users.renewCode')}</button>
      </div>
      {recoveryCode ? (
        <div className="notice" role="status">
          <p>{t('wizard.recoveryExplain')}</p>
          <p className="recovery-code">{recoveryCode}</p>
          <p>{t('wizard.recoveryKeep')}</p>
        </div>
      ) : null}
      {editing?.kind === 'add' ? (
        <AddUser association={association} members={members ?? []} onClose={() => setEditing(null)} onSaved={(u) => {
          setEditing(null);
          setNotice(t('users.added', { name: u.name }));
          reload();
        }} />
      ) : null}
      {editing?.kind === 'reset' ? (
        <ResetPin association={association} user={editing.user} onClose={() => setEditing(null)} onSaved={(u) => {
          setEditing(null);
          setNotice(t('users.resetDone', { name: u.name }));
          reload();
        }} />
      ) : null}
    </>
  );
}

function AddUser({ association, members, onClose, onSaved }: {
  readonly association: AssociationView;
  readonly members: readonly { id: string; fullName: string }[];
  readonly onClose: () => void;
  readonly onSaved: (user: UserView) => void;
}) {
  const { t } = useTranslation();
  const command = useCommand();
  const [form, setForm] = useState({ name: '', role: 'secretary', memberId: '', pin: '' });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  async function save() {
    const saved = await command.run('user-create', {
      associationId: association.id, name: form.name, role: form.role as UserRole, pin: form.pin, ...(form.memberId ? { memberId: form.memberId } : {}),
    });
    if (saved) onSaved(saved);
  }
  return (
    <Dialog title={t('users.addTitle')} onClose={onClose}>
      <form noValidate onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}>
        <TextField label={t('users.name')} name="name" value={form.name} onChange={set('name')} error={command.fieldErrors.name} required autoFocus />
        <SelectField label={t('users.role')} name="role" value={form.role} onChange={set('role')} error={command.fieldErrors.role} options={ROLES.map((r) => ({ value: r, label: t(`userRole.${r}`) }))} />
        {form.role === 'member' ? (
          <SelectField label={t('users.whichMember')} name="memberId" value={form.memberId} onChange={set('memberId')} error={command.fieldErrors.memberId} placeholder={t('common.choose')} options={members.map((m) => ({ value: m.id, label: m.fullName }))} />
        ) : null}
        <TextField label={t('users.firstPin')} name="pin" type="password" value={form.pin} onChange={set('pin')} error={command.fieldErrors.pin} hint={t('wizard.pinHint')} required />
        <FormError message={command.errorOutside(['name', 'role', 'memberId', 'pin'])} />
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="button" disabled={command.busy}>{t('common.save')}</button>
        </div>
      </form>
    </Dialog>
  );
}

function ResetPin({ association, user, onClose, onSaved }: {
  readonly association: AssociationView;
  readonly user: UserView;
  readonly onClose: () => void;
  readonly onSaved: (user: UserView) => void;
}) {
  const { t } = useTranslation();
  const command = useCommand();
  const [newPin, setNewPin] = useState('');
  async function save() {
    const saved = await command.run('user-pin-reset', { associationId: association.id, userId: user.id, newPin });
    if (saved) onSaved(saved);
  }
  return (
    <Dialog title={t('users.resetTitle', { name: user.name })} onClose={onClose}>
      <form noValidate onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}>
        <TextField label={t('signIn.newPin')} name="newPin" type="password" value={newPin} onChange={setNewPin} error={command.fieldErrors.newPin} hint={t('wizard.pinHint')} required autoFocus />
        <FormError message={command.errorOutside(['newPin'])} />
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="button" disabled={command.busy}>{t('common.save')}</button>
        </div>
      </form>
    </Dialog>
  );
}
