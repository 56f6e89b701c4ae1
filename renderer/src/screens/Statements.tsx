// Statements to hand out: choose one, its day (or period), and export it as PDF, Excel
// or CSV; or check a statement someone hands back against the books.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, InputOf } from '../../../electron/server/contract';
import { ledger } from '../api';
import { ExportButtons } from '../components/ExportButtons';
import { ChoiceField, DateField, FormError, SelectField } from '../components/fields';
import { useCommand, useQuery } from '../hooks';
import { today } from '../format';

type Kind = InputOf<'statement-get'>['kind'];
const KINDS: readonly Kind[] = ['financial-position', 'income-expenditure', 'trial-balance', 'cash-book', 'member-statement'];
const PERIODS: ReadonlySet<Kind> = new Set(['income-expenditure', 'cash-book']);

export function Statements({ association }: { readonly association: AssociationView }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('financial-position');
  const [asOf, setAsOf] = useState(today());
  const [from, setFrom] = useState(`${today().slice(0, 4)}-01-01`);
  const [account, setAccount] = useState<'box' | 'bank'>('box');
  const [memberId, setMemberId] = useState('');
  const { data: members } = useQuery('member-list', kind === 'member-statement' ? { associationId: association.id } : null, [association.id, kind]);
  const check = useCommand();
  const [verdict, setVerdict] = useState<{ file: string; ok: boolean; message: string } | null>(null);

  const request = {
    associationId: association.id, kind, asOf,
    ...(PERIODS.has(kind) ? { from } : {}),
    ...(kind === 'cash-book' ? { account } : {}),
    ...(kind === 'member-statement' ? { memberId } : {}),
  };
  const ready = /^\d{4}-\d{2}-\d{2}$/.test(asOf) && (!PERIODS.has(kind) || /^\d{4}-\d{2}-\d{2}$/.test(from)) && (kind !== 'member-statement' || memberId !== '');

  async function checkOne() {
    setVerdict(null);
    const chosen = await ledger.chooseStatementToCheck();
    if (!chosen) return;
    const result = await check.run('statement-verify', { associationId: association.id, file: chosen.token });
    if (result) setVerdict({ file: chosen.label, ok: result.verdict === 'matches', message: result.message });
  }

  return (
    <section aria-labelledby="statements-title" className="statements">
      <h2 id="statements-title">{t('statements.title')}</h2>
      <p className="hint">{t('statements.explain')}</p>
      <div className="filters">
        <SelectField label={t('statements.which')} name="kind" value={kind} onChange={(v) => setKind(v as Kind)}
          options={KINDS.map((k) => ({ value: k, label: t(`statements.kind.${k}`) }))} />
        {kind === 'member-statement' ? (
          <SelectField label={t('statements.member')} name="memberId" value={memberId} onChange={setMemberId} placeholder={t('statements.chooseMember')}
            options={(members ?? []).map((m) => ({ value: m.id, label: `${m.memberNo}. ${m.fullName}` }))} />
        ) : null}
      </div>
      {kind === 'cash-book' ? (
        <ChoiceField legend={t('cashBook.which')} name="statementAccount" value={account} onChange={(v) => setAccount(v === 'bank' ? 'bank' : 'box')}
          options={[{ value: 'box', label: t('home.cashBox') }, { value: 'bank', label: t('home.bank') }]} />
      ) : null}
      <div className="cash-inputs">
        {PERIODS.has(kind) ? <DateField legend={t('statements.from')} name="from" value={from} onChange={setFrom} /> : null}
        <DateField legend={PERIODS.has(kind) ? t('statements.to') : t('statements.asOf')} name="asOf" value={asOf} onChange={setAsOf} />
      </div>
      <ExportButtons request={request} suggestedName={`${t(`statements.kind.${kind}`)} ${asOf}`} disabled={!ready} />
      <h3>{t('statements.checkTitle')}</h3>
      <p className="hint">{t('statements.checkExplain')}</p>
      <button type="button" className="button button--secondary no-print" disabled={check.busy} onClick={() => void checkOne()}>{t('statements.check')}</button>
      {verdict ? (
        <p className={verdict.ok ? 'notice' : 'form-error'} role="status" data-testid="statement-verdict">
          <strong>{verdict.file}</strong>: {verdict.message}
        </p>
      ) : null}
      <FormError message={check.errorOutside([])} />
    </section>
  );
}
