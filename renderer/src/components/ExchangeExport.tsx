// Settings → Books for the coordinator: this laptop's key (its short fingerprint, for
// the coordinator to note) and, for the treasurer or chair, writing the books into
// one signed .ikimina file in a chosen folder (a USB stick).

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView } from '../../../electron/server/contract';
import { call, ledger } from '../api';
import { useErrorText, useQuery } from '../hooks';
import { fileName, fileSize } from '../format';

export function ExchangeExport({ association, canExport }: { readonly association: AssociationView; readonly canExport: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const key = useQuery('exchange-laptop-key', {}, []);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function exportBooks() {
    setDone(null);
    setError(null);
    const folder = await ledger.chooseBackupFolder();
    if (!folder) return;
    setBusy(true);
    const r = await call('exchange-export', { associationId: association.id, folder: folder.token });
    setBusy(false);
    if (r.ok) setDone(t('exchange.exported', { file: fileName(r.value.file), size: fileSize(r.value.bytes), entries: r.value.entries }));
    else setError(errorText(r.error));
  }

  return (
    <section aria-labelledby="exchange-title" className="settings__section">
      <h2 id="exchange-title">{t('exchange.title')}</h2>
      <p>{t('exchange.explain')}</p>
      <p>{t('exchange.fingerprint')} <code data-testid="laptop-fingerprint">{key.data?.fingerprint ?? '…'}</code></p>
      {canExport ? (
        <div className="actions actions--start">
          <button type="button" className="button" disabled={busy} onClick={() => void exportBooks()}>{t('exchange.export')}</button>
        </div>
      ) : null}
      {done ? <p className="notice" role="status">{done}</p> : null}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </section>
  );
}
