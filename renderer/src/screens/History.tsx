// The audit trail: every change to the books, who made it, when, from which
// screen. Filter by person, by kind of change, by dates.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import serverCatalog from '../../../electron/server/messages/en.json';
import type { AssociationView } from '../../../electron/server/contract';
import { DateField, SelectField } from '../components/fields';
import { useQuery } from '../hooks';
import { moment, today } from '../format';
import { ExportButtons } from '../components/ExportButtons';

export function History({ association }: { readonly association: AssociationView }) {
  const { t } = useTranslation();
  const [actor, setActor] = useState('');
  const [command, setCommand] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
  const { data: users } = useQuery('user-list', { associationId: association.id }, [association.id]);
  const { data, error } = useQuery(
    'audit-list',
    {
      associationId: association.id,
      ...(actor ? { actor } : {}),
      ...(command ? { command } : {}),
      ...(valid(from) ? { from } : {}),
      ...(valid(to) ? { to } : {}),
      limit: 200,
    },
    [association.id, actor, command, from, to],
  );
  const until = valid(to) ? to : today();
  // Every command the history records has a name in the server's catalogue (a test checks it).
  const commands = Object.keys(serverCatalog).filter((k) => k.startsWith('command.')).map((k) => k.slice('command.'.length));
  return (
    <section aria-labelledby="history-title">
      <h1 id="history-title">{t('history.title')}</h1>
      <p>{t('history.explain')}</p>
      <div className="filters">
        <SelectField label={t('history.who')} name="actor" value={actor} onChange={setActor} placeholder={t('common.all')} options={(users ?? []).map((u) => ({ value: u.name, label: u.name }))} />
        <SelectField label={t('history.what')} name="command" value={command} onChange={setCommand} placeholder={t('common.all')} options={commands.map((c) => ({ value: c, label: t(`command.${c}`, { ns: 'errors' }) }))} />
        {/* Day, month and year, like every other date in the app (never a typed YYYY-MM-DD). */}
        <DateField legend={t('history.from')} name="from" value={from} onChange={setFrom} />
        <DateField legend={t('history.to')} name="to" value={to} onChange={setTo} />
      </div>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      {data ? (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('history.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('history.when')}</th>
                  <th scope="col">{t('history.who')}</th>
                  <th scope="col">{t('history.what')}</th>
                  <th scope="col">{t('history.where')}</th>
                  <th scope="col">{t('history.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.id}>
                    <td>{moment(row.at)}</td>
                    <th scope="row">{row.actor === 'unknown' ? t('history.notSignedIn') : row.actor}{row.role ? ` (${t(`userRole.${row.role}`)})` : ''}</th>
                    {/* What changed, and what it was about (the animal, its keeper, the member and their number), as the server words it. */}
                    <td>{t(`command.${row.command}`, { ns: 'errors', defaultValue: row.command })}{row.about ? ` — ${row.about}` : ''}</td>
                    <td>{row.channel === 'cli' ? t('history.commandLine') : row.screen ? t(`nav.${row.screen}`, { defaultValue: row.screen }) : '—'}</td>
                    <td>
                      {row.outcome === 'done'
                        ? t('history.done')
                        : row.outcome === 'problems'
                          ? t('history.problems')
                          : t(row.outcome, { ns: 'errors', defaultValue: row.outcome, minutes: '…', left: '…' })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">{t('history.count', { count: data.total })}</p>
        </>
      ) : null}
      <ExportButtons request={{ associationId: association.id, kind: 'history', ...(valid(from) ? { from } : {}), asOf: until }} suggestedName={`${t('history.title')} ${until}`} />
    </section>
  );
}
