// "Check the whole file now": SQLite's own check, every association's entries and
// history, the seals and the heads seen before. What it finds appears in the
// warning at the top; here, when and what the last check said.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerHealth } from '../../../../electron/server/contract';
import { FormError } from '../../components/fields';
import { useCommand } from '../../hooks';
import { moment } from '../../format';

interface FileCheckProps {
  readonly health: LedgerHealth | null;
  readonly onChecked: (health: LedgerHealth) => void;
}

export function FileCheck({ health, onChecked }: FileCheckProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const [result, setResult] = useState<LedgerHealth | null>(null);

  async function check() {
    setResult(null);
    const checked = await command.run('ledger-check-run', {});
    if (checked) {
      setResult(checked);
      onChecked(checked);
    }
  }

  return (
    <section aria-labelledby="file-check-title">
      <h2 id="file-check-title">{t('administrator.checkTitle')}</h2>
      <p>{t('administrator.checkExplain')}</p>
      {health?.checkedAt && !result ? (
        <p>{t(health.level === 'full' ? 'administrator.lastFullCheck' : 'administrator.lastQuickCheck', { when: moment(health.checkedAt) })}</p>
      ) : null}
      {result ? (
        result.problems.length === 0 ? (
          <p className="notice ok" role="status">{t('administrator.checkedFine', { when: moment(result.checkedAt ?? new Date().toISOString()) })}</p>
        ) : (
          <p className="form-error" role="status">{t('administrator.checkedProblems', { count: result.problems.length, when: moment(result.checkedAt ?? new Date().toISOString()) })}</p>
        )
      ) : null}
      <FormError message={command.formError} />
      <div className="actions actions--start">
        <button type="button" className="button" onClick={() => void check()} disabled={command.busy}>
          {command.busy ? t('administrator.checking') : t('administrator.checkNow')}
        </button>
      </div>
    </section>
  );
}
