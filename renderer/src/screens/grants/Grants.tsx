// Grants: each grant with what is spent and unspent, its use statement (what an
// officer opens), recording a grant, a spending, money handed back, and receipts.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, GrantSummary, WhoIsSignedIn } from '../../../../electron/server/contract';
import { useQuery } from '../../hooks';
import { spendingText } from '../../spending-text';
import { date, money } from '../../format';
import { AnimalDetail } from '../livestock/AnimalDetail';
import { GrantForm } from './GrantForm';
import { GrantStatement } from './GrantStatement';
import { SpendingForm } from './SpendingForm';
import { AttachEvidence, EvidenceLinks } from './Evidence';

type View =
  | { kind: 'list' }
  | { kind: 'new-grant' }
  | { kind: 'spend' }
  | { kind: 'return'; grant: GrantSummary }
  | { kind: 'statement'; grantId: string }
  | { kind: 'animal'; grantId: string; animalId: string };

export function Grants({ association, who }: { readonly association: AssociationView; readonly who: WhoIsSignedIn }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ kind: 'list' });
  const { data: grants } = useQuery('grant-list', { associationId: association.id }, [association.id, view]);
  const { data: spendings, reload } = useQuery('spending-list', { associationId: association.id }, [association.id, view]);
  const canRecord = who.can.record && !association.readOnly;
  const m = (minor: string) => money(minor, association.currency);
  const back = () => setView({ kind: 'list' });

  switch (view.kind) {
    case 'new-grant':
      return <GrantForm association={association} onSaved={back} onCancel={back} />;
    case 'spend':
      return <SpendingForm association={association} onSaved={back} onCancel={back} />;
    case 'return':
      return <SpendingForm association={association} returning={view.grant} onSaved={back} onCancel={back} />;
    case 'statement':
      return <GrantStatement association={association} grantId={view.grantId} onBack={back} onOpenAnimal={(animalId) => setView({ kind: 'animal', grantId: view.grantId, animalId })} />;
    case 'animal':
      return (
        <AnimalDetail association={association} animalId={view.animalId} canRecord={false} backLabel={t('grant.backToStatement')}
          onOpen={(animalId) => setView({ ...view, animalId })} onBack={() => setView({ kind: 'statement', grantId: view.grantId })} />
      );
    default:
      break;
  }
  return (
    <section aria-labelledby="grants-title">
      <div className="section-head">
        <h1 id="grants-title">{t('nav.grants')}</h1>
        {canRecord ? (
          <div className="actions">
            <button type="button" className="button button--secondary" onClick={() => setView({ kind: 'spend' })}>{t('spending.new')}</button>
            <button type="button" className="button" onClick={() => setView({ kind: 'new-grant' })}>{t('grant.new')}</button>
          </div>
        ) : null}
      </div>
      {grants && grants.length === 0 ? <p className="empty">{t('grant.none')}</p> : null}
      <ul className="grant-list">
        {(grants ?? []).map((g) => (
          <li key={g.id} className="card grant-card">
            <h2>{g.label}</h2>
            <p className="muted">{t(`grant.purpose.${g.purpose}`)} · {t('grant.receivedLine', { date: date(g.receivedOn), amount: m(g.amount) })}</p>
            {/* It adds up on the card: received − spent (+ what came back from a sale) (− what went back to the grantor) = unspent. */}
            <dl className="facts facts--inline grant-sum">
              <div><dt>{t('grant.total.received')}</dt><dd>{m(g.amount)}</dd></div>
              <div><dt>− {t('grant.total.spent')}</dt><dd>{m(g.spent)}</dd></div>
              {g.cameBack !== '0' ? <div><dt>+ {t('grant.total.backFromSales')}</dt><dd data-testid={`came-back-${g.reference}`}>{m(g.cameBack)}</dd></div> : null}
              {g.returned !== '0' ? <div><dt>− {t('grant.total.returned')}</dt><dd>{m(g.returned)}</dd></div> : null}
              <div><dt>= {t('grant.total.unspent')}</dt><dd data-testid={`unspent-${g.reference}`}>{m(g.unspent)}</dd></div>
            </dl>
            <div className="actions actions--start">
              <button type="button" className="button" onClick={() => setView({ kind: 'statement', grantId: g.id })} aria-label={t('grant.openStatementOf', { label: g.label })}>
                {t('grant.openStatement')}
              </button>
              {canRecord && g.unspent !== '0' ? (
                <button type="button" className="button button--secondary" onClick={() => setView({ kind: 'return', grant: g })}>{t('grant.returnMoney')}</button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {spendings && spendings.length > 0 ? (
        <>
          <h2>{t('spending.title')}</h2>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('spending.date')}</th>
                  <th scope="col">{t('spending.what')}</th>
                  <th scope="col" className="num">{t('spending.amount')}</th>
                  <th scope="col">{t('fund.paidBy')}</th>
                  <th scope="col">{t('evidence.title')}</th>
                </tr>
              </thead>
              <tbody>
                {spendings.map((s) => (
                  <tr key={s.id}>
                    <td>{date(s.date)}</td>
                    <td>{spendingText(t, s)}</td>
                    <td className="num">{m(s.total)}</td>
                    <td>{s.funds.map((f) => `${f.label ?? t('fund.group')}${s.funds.length > 1 ? ` ${m(f.amount)}` : ''}`).join(' + ')}</td>
                    <td className={s.evidence.length === 0 ? 'receipts receipts--missing' : 'receipts'}>
                      {/* One short button where a receipt is missing, named for its spending (not ten identical "No receipt / Attach" pairs). */}
                      {s.evidence.length > 0 || !canRecord ? <EvidenceLinks association={association} evidence={s.evidence} /> : null}
                      {canRecord ? <AttachEvidence association={association} spendingId={s.id} onAttached={reload} what={spendingText(t, s)} another={s.evidence.length > 0} /> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
