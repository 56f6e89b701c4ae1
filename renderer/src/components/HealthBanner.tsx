// The warning at the top of every screen when the books no longer match their
// checks, or an automatic backup failed: what is wrong, in words, and what to do.
// The treasurer or chair (or, for the file as a whole, the laptop's administrator)
// says what was done about it; the warning then goes away.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntegrityProblem, LedgerHealth, WhoIsSignedIn } from '../../../electron/server/contract';
import { Dialog } from './Dialog';
import { FormError, TextField } from './fields';
import { useCommand } from '../hooks';
import { moment } from '../format';

interface HealthBannerProps {
  readonly health: LedgerHealth | null;
  readonly who: WhoIsSignedIn;
  readonly onAcknowledged: (health: LedgerHealth) => void;
  /** Where the backups are, for someone who may make one (null: not this person). */
  readonly backupsHref: string | null;
  /** The history of changes, for someone who may read it. */
  readonly historyHref: string | null;
}

export function HealthBanner({ health, who, onAcknowledged, backupsHref, historyHref }: HealthBannerProps) {
  const { t } = useTranslation();
  const [acknowledging, setAcknowledging] = useState(false);
  if (!health || (health.problems.length === 0 && !health.backupFailure)) return null;
  const administrator = who.user.role === 'administrator';
  // Findings about one association are looked into by its treasurer or chair; those
  // about the whole file, by the laptop's administrator.
  const scope = administrator ? null : who.user.associationId;
  const own = health.problems.filter((p) => p.associationId === scope);
  const canAcknowledge = own.length > 0 && (administrator || who.can.manageUsers);
  const failure = health.backupFailure;
  return (
    <div className="health">
      {health.problems.length > 0 ? (
        <section className="health-alert" role="alert" aria-labelledby="health-title">
          <h2 id="health-title">{t('health.title')}</h2>
          <ul className="health-alert__problems">
            {health.problems.map((p) => (
              <li key={`${p.associationId}-${p.code}-${JSON.stringify(p.params)}`}>{problemText(t, p)}</li>
            ))}
          </ul>
          <p className="health-alert__what">{t('health.whatToDo')}</p>
          <ol className="health-alert__steps">
            <li>{t('health.stop')}</li>
            {administrator ? (
              <>
                <li>{t('health.adminLook')}</li>
                <li>{t('health.adminRestore')}</li>
              </>
            ) : (
              <>
                <li>{t('health.look')}</li>
                <li>{t('health.restore')}</li>
                <li>{t('health.askAdministrator')}</li>
              </>
            )}
          </ol>
          <div className="actions actions--start">
            {historyHref ? <a className="button button--secondary button--small" href={historyHref}>{t('health.openHistory')}</a> : null}
            {backupsHref ? <a className="button button--secondary button--small" href={backupsHref}>{t('health.openBackups')}</a> : null}
            {canAcknowledge ? (
              <button type="button" className="button button--small" onClick={() => setAcknowledging(true)}>{t('health.acknowledge')}</button>
            ) : null}
          </div>
        </section>
      ) : null}
      {failure ? (
        <section className="health-alert health-alert--backup" role="alert" aria-labelledby="backup-failed-title">
          <div>
            <h2 id="backup-failed-title">{t('health.backupFailedTitle')}</h2>
            <p>
              {t('health.backupFailed', { date: moment(failure.at), reason: t(failure.code, { ns: 'errors', defaultValue: failure.code }) })}{' '}
              <strong>{backupsHref ? t('health.backupNow') : t('health.askBackup')}</strong>
            </p>
          </div>
          {backupsHref ? <a className="button button--small" href={backupsHref}>{t('health.openBackups')}</a> : null}
        </section>
      ) : null}
      {acknowledging ? (
        <Acknowledge
          associationId={scope}
          onClose={() => setAcknowledging(false)}
          onDone={(next) => {
            setAcknowledging(false);
            onAcknowledged(next);
          }}
        />
      ) : null}
    </div>
  );
}

/** A finding as a sentence from the server's catalog (its code is a message key). */
function problemText(t: ReturnType<typeof useTranslation>['t'], problem: IntegrityProblem): string {
  return t(problem.code, { ns: 'errors', defaultValue: problem.code, ...problem.params });
}

function Acknowledge({ associationId, onClose, onDone }: {
  readonly associationId: string | null;
  readonly onClose: () => void;
  readonly onDone: (health: LedgerHealth) => void;
}) {
  const { t } = useTranslation();
  const command = useCommand();
  const [note, setNote] = useState('');
  async function save() {
    const health = await command.run('ledger-check-acknowledge', { ...(associationId ? { associationId } : {}), note });
    if (health) onDone(health);
  }
  return (
    <Dialog title={t('health.acknowledgeTitle')} onClose={onClose}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p>{t('health.acknowledgeExplain')}</p>
        <TextField label={t('health.note')} name="note" value={note} onChange={setNote} error={command.fieldErrors.note} hint={t('health.noteHint')} required autoFocus maxLength={500} rows={3} />
        <FormError message={command.errorOutside(['note'])} />
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="button" disabled={command.busy}>{t('health.acknowledgeSave')}</button>
        </div>
      </form>
    </Dialog>
  );
}
