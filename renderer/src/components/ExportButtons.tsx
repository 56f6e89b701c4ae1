// Export a statement: PDF, Excel or CSV. The main process asks where to save it (the
// page never holds a path), the server writes it whole or not at all, and the page
// says where it went and the fingerprint printed on it.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../electron/server/contract';
import { ledger } from '../api';
import { useCommand } from '../hooks';
import { FormError } from './fields';

type StatementRequest = Omit<InputOf<'statement-export'>, 'format' | 'file'>;

const FORMATS = [['pdf', 'statements.pdf'], ['xlsx', 'statements.xlsx'], ['csv', 'statements.csv']] as const;

export function ExportButtons({ request, suggestedName, disabled }: { readonly request: StatementRequest; readonly suggestedName: string; readonly disabled?: boolean }) {
  const { t } = useTranslation();
  const command = useCommand();
  const [saved, setSaved] = useState<{ label: string; short: string; of: string } | null>(null);
  // The notice belongs to the statement it saved: another choice on screen hides it.
  const asked = JSON.stringify(request);
  const shownSaved = saved?.of === asked ? saved : null;

  async function save(format: 'pdf' | 'xlsx' | 'csv') {
    setSaved(null);
    // The main process makes the name plain (no path, no odd characters).
    const chosen = await ledger.chooseStatementFile(format, suggestedName);
    if (!chosen) return;
    const done = await command.run('statement-export', { ...request, format, file: chosen.token });
    if (done) setSaved({ label: chosen.label, short: done.short, of: asked });
  }

  return (
    <div className="export-buttons no-print">
      <div className="actions actions--start" role="group" aria-label={t('statements.export')}>
        {FORMATS.map(([format, label]) => (
          <button key={format} type="button" className="button button--secondary" disabled={disabled || command.busy} onClick={() => void save(format)}>
            {t(label)}
          </button>
        ))}
      </div>
      {shownSaved ? <p className="notice" role="status" data-testid="statement-saved">{t('statements.saved', { file: shownSaved.label, fingerprint: shownSaved.short })}</p> : null}
      <FormError message={command.errorOutside([])} />
    </div>
  );
}
