// The second officer's confirmation, for the decisions that need two people (a
// write-off, a correction): who confirms — another treasurer, secretary or chair of
// the group, never the person signed in — and their own PIN, typed on this screen.
// The server checks both (electron/server/access/second-person.ts).

import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from './fields';
import { useQuery } from '../hooks';

export interface SecondPerson {
  readonly userId: string;
  readonly pin: string;
}

export const NO_SECOND_PERSON: SecondPerson = { userId: '', pin: '' };

/** Who may confirm: the group's officers, as the server checks it. */
const CONFIRMING_ROLES: readonly string[] = ['treasurer', 'secretary', 'chair'];

interface Props {
  readonly associationId: string;
  /** The person signed in, who cannot confirm their own decision. */
  readonly currentUserId: string;
  readonly value: SecondPerson;
  readonly onChange: (value: SecondPerson) => void;
  readonly fieldErrors: Readonly<Record<string, string>>;
}

export function SecondPersonFields({ associationId, currentUserId, value, onChange, fieldErrors }: Props) {
  const { t } = useTranslation();
  const { data: users } = useQuery('user-sign-in-list', { associationId }, [associationId]);
  const others = (users ?? []).filter((u) => CONFIRMING_ROLES.includes(u.role) && u.id !== currentUserId);
  return (
    <fieldset className="second-person">
      <legend>{t('secondPerson.legend')}</legend>
      <p className="hint">{others.length > 0 ? t('secondPerson.hint') : t('secondPerson.nobody')}</p>
      <SelectField
        label={t('secondPerson.who')}
        name="confirmation-user"
        value={value.userId}
        onChange={(userId) => onChange({ ...value, userId })}
        options={others.map((u) => ({ value: u.id, label: `${u.name} (${t(`userRole.${u.role}`)})` }))}
        placeholder={t('secondPerson.choose')}
        error={fieldErrors['confirmation.userId'] ?? fieldErrors.confirmation}
        required
      />
      <TextField
        label={t('secondPerson.pin')}
        name="confirmation-pin"
        type="password"
        value={value.pin}
        onChange={(pin) => onChange({ ...value, pin })}
        error={fieldErrors['confirmation.pin']}
        required
      />
    </fieldset>
  );
}
