// The coordinator's imports: importing a folder of .ikimina files (with its progress,
// and a stop between two files), the last import's report — what was refused and
// why, what was kept aside — the conflicts waiting for a decision, and the imported
// groups, each opening its books read-only.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgressView, ImportReport } from '../../../../electron/server/contract';
import { call, ledger } from '../../api';
import { useErrorText, useQuery } from '../../hooks';
import { date } from '../../format';
import { importFraction, linesByConcern, outcomeCounts, timeLeft } from '../../programme';
import { Decide, type Decision } from './Decide';

interface ProgrammeImportsProps {
  readonly onOpenGroup: (groupId: string) => void;
  /** After an import or a decision: the programme's figures changed. */
  readonly onChanged: () => void;
}

export function ProgrammeImports({ onOpenGroup, onChanged }: ProgrammeImportsProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const groups = useQuery('exchange-groups', {}, []);
  const conflicts = useQuery('exchange-conflicts', {}, []);
  const last = useQuery('exchange-import-report', {}, []);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [progress, setProgress] = useState<ImportProgressView | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const shown = report ?? last.data ?? null;

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      void call('exchange-import-progress', {}).then((r) => r.ok && setProgress(r.value));
    }, 250);
    return () => clearInterval(timer);
  }, [running]);

  async function importFolder() {
    setError(null);
    const folder = await ledger.chooseBackupFolder();
    if (!folder) return;
    setRunning(true);
    setProgress(null);
    const r = await call('exchange-import', { folder: folder.token });
    setRunning(false);
    if (r.ok) setReport(r.value);
    else setError(errorText(r.error));
    groups.reload();
    conflicts.reload();
    onChanged();
  }

  function decided(decision: Decision) {
    setDeciding(null);
    setNotice(decision.kind === 'key'
      ? t('programme.trusted', { fingerprint: decision.fingerprint, name: decision.name })
      : t('programme.decided', { what: `${decision.name} — ${t(`programme.decide.${decision.kind}.save`)}` }));
    groups.reload();
    conflicts.reload();
    onChanged();
  }

  const { attention, fine } = linesByConcern(shown);
  const left = timeLeft(progress);
  return (
    <>
      <section aria-labelledby="import-title">
        <h2 id="import-title">{t('programme.importTitle')}</h2>
        <p>{t('programme.importExplain')}</p>
        <div className="actions">
          <button type="button" className="button" disabled={running} onClick={() => void importFolder()}>{t('programme.importFolder')}</button>
          {running ? <button type="button" className="button button--secondary" onClick={() => void call('exchange-import-cancel', {})}>{t('programme.stop')}</button> : null}
        </div>
        {running ? (
          <div role="status" aria-live="polite" className="programme__progress">
            <progress max={1} value={importFraction(progress)} aria-label={t('programme.progressLabel')} />
            <p>
              {t('programme.progress', { done: progress?.filesDone ?? 0, files: progress?.files ?? 0, rows: (progress?.rows ?? 0).toLocaleString(i18n.language) })}
              {left ? ` ${t('programme.timeLeft', left)}` : ''}
              {progress?.cancelling ? ` ${t('programme.stopping')}` : ''}
            </p>
          </div>
        ) : null}
        {error ? <p className="form-error" role="alert">{error}</p> : null}
        {notice ? <p className="notice" role="status">{notice}</p> : null}
      </section>
      {shown ? (
        <section aria-labelledby="report-title">
          <h2 id="report-title">{t('programme.reportTitle', { date: date(shown.startedAt.slice(0, 10)) })}</h2>
          <p data-testid="import-counts">
            {outcomeCounts(shown).map(({ outcome, count }) => t(`programme.count.${outcome}`, { count })).join(', ')}.
            {shown.status === 'cancelled' ? ` ${t('programme.cancelled')}` : ''}
          </p>
          {attention.length > 0 ? (
            <ul className="programme__attention">
              {attention.map((l) => (
                <li key={l.id} data-outcome={l.outcome}>
                  <strong>{l.fileName}</strong>{l.associationName ? ` (${l.associationName})` : ''}: {t(`programme.outcome.${l.outcome}`)} — {l.reasonCode ? t(l.reasonCode, { ns: 'errors', ...l.reasonParams }) : ''}
                  {l.outcome === 'new-key' && l.associationName ? (
                    <>
                      {' '}
                      <button
                        type="button" className="button button--secondary button--small"
                        onClick={() => setDeciding({ kind: 'key', importFileId: l.id, name: l.associationName!, fingerprint: String(l.reasonParams.theirs ?? '') })}
                      >
                        {t('programme.trustButton')}
                      </button>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          <details>
            <summary>{t('programme.otherFiles', { count: fine.length })}</summary>
            <ul>{fine.map((l) => <li key={l.id}>{l.fileName}: {t(`programme.outcome.${l.outcome}`)}</li>)}</ul>
          </details>
        </section>
      ) : null}
      {conflicts.data && conflicts.data.length > 0 ? (
        <section aria-labelledby="conflicts-title">
          <h2 id="conflicts-title">{t('programme.conflictsTitle')}</h2>
          <ul>
            {conflicts.data.map((c) => (
              <li key={c.id} data-testid="conflict">
                <p>{t('programme.conflict', { name: c.associationName, ourSeq: c.ourSeq, theirSeq: c.theirSeq, partedAt: c.partedAtSeq, ours: c.ourFingerprint, theirs: c.theirFingerprint })}</p>
                <div className="actions">
                  <button type="button" className="button button--secondary button--small" onClick={() => setDeciding({ kind: 'keep', conflictId: c.id, name: c.associationName })}>
                    {t('programme.keepButton')}
                  </button>
                  <button type="button" className="button button--secondary button--small" onClick={() => setDeciding({ kind: 'take', conflictId: c.id, name: c.associationName })}>
                    {t('programme.takeButton')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="groups-title">
        <h2 id="groups-title">{t('programme.groupsTitle', { count: groups.data?.length ?? 0 })}</h2>
        <div className="table-wrap">
        <table className="table">
          <thead>
            <tr><th>{t('programme.group')}</th><th>{t('programme.place')}</th><th>{t('programme.entries')}</th><th>{t('programme.exportedAt')}</th><th>{t('programme.laptop')}</th></tr>
          </thead>
          <tbody>
            {(groups.data ?? []).map((g) => (
              <tr key={g.id}>
                <td><button type="button" className="link" onClick={() => onOpenGroup(g.id)}>{g.name}</button></td>
                <td>{[g.district, g.sector].filter(Boolean).join(', ')}</td>
                <td className="num">{g.entries.toLocaleString(i18n.language)}</td>
                <td>{date(g.exportedAt.slice(0, 10))}</td>
                <td><code>{g.fingerprint}</code>{g.openConflicts > 0 ? ` ⚠ ${t('programme.hasConflict')}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </section>
      {deciding ? <Decide decision={deciding} onClose={() => setDeciding(null)} onDone={() => decided(deciding)} /> : null}
    </>
  );
}
