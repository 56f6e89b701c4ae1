// Loans: the portfolio at a glance (one row of figures, their definitions a click
// away), every loan with its rate and status, a new application with its schedule
// shown live, and each loan's statement with what can be done next.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, LoanStatement as Statement, WhoIsSignedIn } from '../../../electron/server/contract';
import { useCommand, useQuery } from '../hooks';
import { date, money, percent } from '../format';
import { LoanForm } from './LoanForm';
import { LoanStatement } from './LoanStatement';
import { LoanStatusText } from './LoanStatusText';
import { ExportButtons } from '../components/ExportButtons';

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'loan'; loan: Statement };

export function Loans({ association, who }: { readonly association: AssociationView; readonly who: WhoIsSignedIn }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ kind: 'list' });
  const { data: loans } = useQuery('loan-list', { associationId: association.id }, [association.id, view]);
  const { data: portfolio } = useQuery('loan-portfolio-get', { associationId: association.id }, [association.id, view]);
  const open = useCommand();
  const m = (minor: string) => money(minor, association.currency);
  const canRecord = who.can.record && !association.readOnly;

  async function show(loanId: string) {
    const loan = await open.run('loan-get', { associationId: association.id, loanId });
    if (loan) setView({ kind: 'loan', loan });
  }

  if (view.kind === 'new') {
    return <LoanForm association={association} onCancel={() => setView({ kind: 'list' })} onApplied={(loan) => setView({ kind: 'loan', loan })} />;
  }
  if (view.kind === 'loan') {
    return <LoanStatement association={association} who={who} loan={view.loan} onChanged={(loan) => setView({ kind: 'loan', loan })} onBack={() => setView({ kind: 'list' })} />;
  }
  const indicators = portfolio
    ? [
        { key: 'par1', value: percent(portfolio.par1) },
        { key: 'par30', value: percent(portfolio.par30) },
        { key: 'par90', value: percent(portfolio.par90) },
        { key: 'repaymentRate', value: percent(portfolio.repaymentRate) },
        { key: 'outstanding', value: m(portfolio.principalOutstanding) },
        { key: 'writtenOff', value: m(portfolio.writtenOff) },
      ]
    : [];
  return (
    <section aria-labelledby="loans-title">
      {/* The title, the date of the figures and what can be done, on one line: the loans themselves must show without scrolling. */}
      <div className="section-head">
        <div>
          <h1 id="loans-title">{t('nav.loans')}</h1>
          {portfolio ? <p className="muted section-head__note">{t('loan.asOf', { date: date(portfolio.asOf) })}</p> : null}
        </div>
        <div className="section-head__actions">
          {portfolio ? <ExportButtons request={{ associationId: association.id, kind: 'loan-portfolio', asOf: portfolio.asOf }} suggestedName={`${t('nav.loans')} ${portfolio.asOf}`} /> : null}
          {canRecord ? <button type="button" className="button" onClick={() => setView({ kind: 'new' })}>{t('loan.new')}</button> : null}
        </div>
      </div>
      {portfolio ? (
        <>
          {/* One row of small figures; how each is worked out is one click away. */}
          <dl className="figures" data-testid="loan-figures">
            {indicators.map((i) => (
              <div key={i.key}>
                <dt>{t(`loan.indicator.${i.key}`)}</dt>
                <dd data-testid={`indicator-${i.key}`}>{i.value}</dd>
              </div>
            ))}
          </dl>
          <div className="figures-foot">
            <details className="figures-help">
              <summary>{t('loan.howWorkedOut')}</summary>
              <dl>
                {indicators.map((i) => (
                  <div key={i.key}>
                    <dt>{t(`loan.indicator.${i.key}`)}</dt>
                    <dd>{t(`loan.definition.${i.key}`)}</dd>
                  </div>
                ))}
              </dl>
            </details>
            <p className={portfolio.principalOutstanding === portfolio.principalInJournal ? 'ok' : 'late'} data-testid="loans-reconcile">
              {portfolio.principalOutstanding === portfolio.principalInJournal
                ? t('loan.registerMatches', { amount: m(portfolio.principalOutstanding) })
                : t('loan.registerDiffers', { amount: m(portfolio.principalOutstanding), journal: m(portfolio.principalInJournal) })}
            </p>
          </div>
        </>
      ) : null}
      {loans && loans.length === 0 ? <p className="empty">{t('loan.none')}</p> : null}
      {loans && loans.length > 0 ? (
        <div className="table-wrap">
          <table className="table loans-table">
            <caption className="visually-hidden">{t('nav.loans')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('loan.member')}</th>
                <th scope="col" className="num">{t('loan.principal')}</th>
                <th scope="col">{t('loan.interest')}</th>
                <th scope="col" className="num">{t('loan.outstanding')}</th>
                <th scope="col" className="loans-table__status">{t('loan.status')}</th>
              </tr>
            </thead>
            <tbody>
              {loans.map((l) => (
                <tr key={l.id}>
                  {/* The borrower's name opens the loan: no column of "Open" buttons to be cut off at the window's edge. */}
                  <th scope="row">
                    {/* Two members may share a name: each borrower with their number. */}
                    <span className="muted nowrap">{t('meeting.numberShort')} {l.memberNo}</span>{' '}
                    <button type="button" className="link" onClick={() => void show(l.id)} aria-label={t('loan.openWho', { name: l.memberName })}>{l.memberName}</button>
                  </th>
                  <td className="num">{m(String(l.principal))}</td>
                  {/* Each loan keeps the rate it was lent at, whatever the rules say now. */}
                  <td>{t('loan.rate', { rate: percent(l.monthlyRatePercent), method: t(`loan.methodShort.${l.method}`) })}</td>
                  <td className="num">{m(l.principalOutstanding)}</td>
                  <td><LoanStatusText loan={l} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
