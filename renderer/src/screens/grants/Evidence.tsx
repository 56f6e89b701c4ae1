// Receipts kept with a spending: each shown by name and the first characters of its
// SHA-256 (the reference an officer can quote), opened in a dialog that says whether
// the file still matches; and, for those who keep the books, attaching one.

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, EvidenceRef } from '../../../../electron/server/contract';
import { Dialog } from '../../components/Dialog';
import { useCommand, useQuery } from '../../hooks';

export const shortHash = (sha256: string) => sha256.slice(0, 12);

export function EvidenceLinks({ association, evidence }: { readonly association: AssociationView; readonly evidence: readonly EvidenceRef[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<EvidenceRef | null>(null);
  if (evidence.length === 0) return <span className="muted">{t('evidence.none')}</span>;
  return (
    <>
      <ul className="plain-list">
        {evidence.map((e) => (
          <li key={e.id}>
            <button type="button" className="link" onClick={() => setOpen(e)}>{e.fileName}</button> <code className="hash">{shortHash(e.sha256)}</code>
          </li>
        ))}
      </ul>
      {open ? <EvidenceDialog association={association} evidence={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function EvidenceDialog({ association, evidence, onClose }: { readonly association: AssociationView; readonly evidence: EvidenceRef; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const { data: kept, error } = useQuery('evidence-get', { associationId: association.id, evidenceId: evidence.id }, [association.id, evidence.id]);
  const url = kept ? `data:${kept.mediaType};base64,${kept.contentBase64}` : null;
  return (
    <Dialog title={evidence.fileName} onClose={onClose}>
      <p>{t('evidence.size', { kb: Math.max(1, Math.round(evidence.byteSize / 1024)) })}</p>
      <p>SHA-256: <code className="hash hash--full">{evidence.sha256}</code></p>
      {kept ? <p className={kept.intact ? 'ok' : 'late'}>{kept.intact ? t('evidence.intact') : t('evidence.broken')}</p> : null}
      {url && evidence.mediaType.startsWith('image/') ? <img className="evidence-image" src={url} alt={t('evidence.alt', { name: evidence.fileName })} /> : null}
      {url && evidence.mediaType === 'application/pdf' ? <p><a className="button button--secondary" href={url} download={evidence.fileName}>{t('evidence.save')}</a></p> : null}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="actions">
        <button type="button" className="button" onClick={onClose}>{t('common.close')}</button>
      </div>
    </Dialog>
  );
}

/** A button that picks a photo or PDF and keeps it with the spending. */
export function AttachEvidence({ association, spendingId, onAttached, what, another = false }: {
  readonly association: AssociationView;
  readonly spendingId: string;
  readonly onAttached: () => void;
  /** The spending, as its row says it: the button's name for a screen reader, which hears no row around it. */
  readonly what?: string;
  /** A receipt is kept already: the button adds another. */
  readonly another?: boolean;
}) {
  const { t } = useTranslation();
  const command = useCommand();
  const input = useRef<HTMLInputElement>(null);

  function read(file: File) {
    const reader = new FileReader();
    reader.onload = () => {
      const dataUrl = String(reader.result);
      const contentBase64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
      void command.run('evidence-attach', { associationId: association.id, spendingId, fileName: file.name, contentBase64 }).then((r) => {
        if (r) onAttached();
      });
    };
    reader.readAsDataURL(file);
  }

  return (
    <span className="attach">
      <input ref={input} type="file" accept="image/jpeg,image/png,application/pdf" className="visually-hidden" tabIndex={-1} aria-hidden="true"
        data-testid={`attach-${spendingId}`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) read(file);
          e.target.value = '';
        }} />
      <button type="button" className={another ? 'button button--small button--quiet' : 'button button--small button--secondary'} onClick={() => input.current?.click()} disabled={command.busy}
        aria-label={what ? t(another ? 'evidence.attachAnotherTo' : 'evidence.attachTo', { what }) : undefined}>
        {t(another ? 'evidence.attachAnother' : 'evidence.attach')}
      </button>
      {command.errorOutside([]) ? <span className="field__error" role="alert">{command.errorOutside([])}</span> : null}
    </span>
  );
}
