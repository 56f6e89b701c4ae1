// The officer's grant-use statement: received, spent by purpose with the receipts,
// every animal the grant bought and its offspring with where each is now, and what
// is left — as of any date, and checked against the journal.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, StatementAnimal } from '../../../../electron/server/contract';
import { useQuery } from '../../hooks';
import { spendingText } from '../../spending-text';
import { date, money, today } from '../../format';
import { DateField } from '../../components/fields';
import { AnimalTree } from '../../components/AnimalTree';
import { EvidenceLinks } from './Evidence';
import { ExportButtons } from '../../components/ExportButtons';

interface Props {
  readonly association: AssociationView;
  readonly grantId: string;
  readonly onOpenAnimal: (animalId: string) => void;
  readonly onBack: () => void;
}

export function GrantStatement({ association, grantId, onOpenAnimal, onBack }: Props) {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(today());
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(asOf);
  const { data: s, error } = useQuery('grant-statement', valid ? { associationId: association.id, grantId, asOf } : null, [association.id, grantId, asOf]);
  const m = (minor: string) => money(minor, association.currency);
  if (!s) return error ? <p className="form-error" role="alert">{error}</p> : <p className="muted">{t('common.loading')}</p>;
  const g = s.grant;
  const totals = [
    { key: 'received', value: s.received },
    { key: 'spent', value: s.spent },
    { key: 'backFromSales', value: s.backFromSales },
    { key: 'returned', value: s.returned },
    { key: 'unspent', value: s.unspent },
  ];
  const grantPart = (n: StatementAnimal) => (
    <span className="tree__money">
      {n.origin === 'purchase' ? t('grant.paidForIt', { amount: m(n.grantCost) }) : null}
      {n.grantProceeds !== null ? ` · ${t('grant.soldBack', { amount: m(n.grantProceeds) })}` : null}
      {n.deathCause ? ` · ${t('grant.diedOf', { cause: n.deathCause })}` : null}
    </span>
  );
  return (
    <section aria-labelledby="statement-title" className="statement">
      <h1 id="statement-title">{t('grant.statementTitle')}</h1>
      <p className="statement__who"><strong>{association.name}</strong> · {g.label}</p>
      <dl className="facts">
        <div><dt>{t('grant.grantor')}</dt><dd>{g.grantor}</dd></div>
        <div><dt>{t('grant.reference')}</dt><dd>{g.reference}</dd></div>
        <div><dt>{t('grant.receivedOn')}</dt><dd>{date(g.receivedOn)} · {m(g.amount)}</dd></div>
        <div><dt>{t('grant.purposeLabel')}</dt><dd>{t(`grant.purpose.${g.purpose}`)}</dd></div>
        {g.conditions ? <div><dt>{t('grant.conditions')}</dt><dd>{g.conditions}</dd></div> : null}
        <div><dt>{t('grant.returnUnspent')}</dt><dd>{g.returnUnspent ? t('grant.yes') : t('grant.no')}</dd></div>
        {g.reportingDates.length > 0 ? <div><dt>{t('grant.reportingDates')}</dt><dd>{g.reportingDates.map(date).join(' · ')}</dd></div> : null}
      </dl>
      <div className="no-print">
        <DateField legend={t('grant.asOf')} name="asOf" value={asOf} onChange={setAsOf} error={error ?? undefined} />
      </div>
      <p className="print-only">{t('grant.asOfDate', { date: date(s.asOf) })}</p>
      {s.nextReportDue ? <p className="notice">{t('grant.nextReport', { date: date(s.nextReportDue) })}</p> : null}

      <dl className="cards indicators">
        {totals.map((x) => (
          <div className="card" key={x.key}>
            <dt>{t(`grant.total.${x.key}`)}</dt>
            <dd data-testid={`grant-${x.key}`}>{m(x.value)}</dd>
            <dd className="card__note">{t(`grant.totalNote.${x.key}`)}</dd>
          </div>
        ))}
      </dl>
      <p className={s.unspent === s.unspentInJournal ? 'ok' : 'late'} data-testid="grant-reconciles">
        {s.unspent === s.unspentInJournal ? t('grant.reconciles', { code: g.accountCode }) : t('grant.doesNotReconcile', { code: g.accountCode, journal: m(s.unspentInJournal) })}
      </p>

      <h2>{t('grant.spentByPurpose')}</h2>
      {s.spentByKind.length === 0 ? <p className="empty">{t('grant.nothingSpent')}</p> : (
        <div className="table-wrap">
          <table className="table">
            <tbody>
              {s.spentByKind.map((k) => (
                <tr key={k.kind}><th scope="row">{t(`spending.kind.${k.kind}`)}</th><td className="num">{m(k.amount)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {s.spendings.length > 0 ? (
        <>
          <h2>{t('grant.spendings')}</h2>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('spending.date')}</th>
                  <th scope="col">{t('spending.what')}</th>
                  <th scope="col" className="num">{t('grant.fromThisGrant')}</th>
                  <th scope="col">{t('evidence.title')}</th>
                </tr>
              </thead>
              <tbody>
                {s.spendings.map((r) => (
                  <tr key={r.id}>
                    <td>{date(r.date)}</td>
                    <td>{spendingText(t, r)}</td>
                    <td className="num">{m(r.fromGrant)}{r.fromGrant !== r.total ? <span className="muted"> / {m(r.total)}</span> : null}</td>
                    <td><EvidenceLinks association={association} evidence={r.evidence} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      <h2>{t('grant.animals')}</h2>
      <p data-testid="grant-herd">{t('grant.herdNow', { alive: s.herd.alive, sold: s.herd.sold, dead: s.herd.dead, passedOn: s.herd.passedOn })}</p>
      {s.animals.length === 0 ? <p className="empty">{t('grant.noAnimals')}</p> : (
        <AnimalTree nodes={s.animals} label={t('grant.animals')} onOpen={onOpenAnimal} extra={grantPart} />
      )}
      <div className="actions actions--start no-print">
        <button type="button" className="button button--secondary" onClick={onBack}>{t('common.back')}</button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>{t('common.print')}</button>
      </div>
      <ExportButtons request={{ associationId: association.id, kind: 'grant-use', grantId, asOf }} suggestedName={`${t('grant.statementTitle')} ${s.grant.label} ${asOf}`} disabled={!valid} />
    </section>
  );
}
