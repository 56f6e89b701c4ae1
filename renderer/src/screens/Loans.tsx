// Loans: the portfolio at a glance (with each indicator's definition), every loan
// with its status and arrears, a new application with its schedule shown live, and
// each loan's statement with what can be done next.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, LoanStatement as Statement, WhoIsSignedIn } from '../../../electron/server/contract';
import { useCommand, useQuery } from '../hooks';
import { date, money, percent } from '../format';
import { LoanForm } from './LoanForm';
import { LoanStatement } from './LoanStatement';
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
      <div className="section-head">
        <h1 id="loans-title">{t('nav.loans')}</h1>
        {canRecord ? <button type="button" className="button" onClick={() => setView({ kind: 'new' })}>{t('loan.new')}</button> : null}
      </div>
      {portfolio ? <p className="muted">{t('loan.asOf', { date: date(portfolio.asOf) })}</p> : null}
      {portfolio ? <ExportButtons request={{ associationId: association.id, kind: 'loan-portfolio', asOf: portfolio.asOf }} suggestedName={`${t('nav.loans')} ${portfolio.asOf}`} /> : null}
      <dl className="cards indicators">
        {indicators.map((i) => (
          <div className="card" key={i.key}>
            <dt>{t(`loan.indicator.${i.key}`)}</dt>
            <dd data-testid={`indicator-${i.key}`}>{i.value}</dd>
            <dd className="card__note">{t(`loan.definition.${i.key}`)}</dd>
          </div>
        ))}
      </dl>
      {portfolio ? (
        <p className={portfolio.principalOutstanding === portfolio.principalInJournal ? 'ok' : 'late'} data-testid="loans-reconcile">
          {portfolio.principalOutstanding === portfolio.principalInJournal
            ? t('loan.registerMatches', { amount: m(portfolio.principalOutstanding) })
            : t('loan.registerDiffers', { amount: m(portfolio.principalOutstanding), journal: m(portfolio.principalInJournal) })}
        </p>
      ) : null}
      {loans && loans.length === 0 ? <p className="empty">{t('loan.none')}</p> : null}
      {loans && loans.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('nav.loans')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('loan.member')}</th>
                <th scope="col" className="num">{t('loan.principal')}</th>
                <th scope="col">{t('loan.status')}</th>
                <th scope="col" className="num">{t('loan.outstanding')}</th>
                <th scope="col" className="num">{t('loan.daysOverdue')}</th>
                <th scope="col">{t('loan.nextDue')}</th>
                <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {loans.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{l.memberName}</th>
                  <td className="num">{m(String(l.principal))}</td>
                  <td>{t(`loan.state.${l.status}`)}</td>
                  <td className="num">{m(l.principalOutstanding)}</td>
                  <td className="num">{l.daysOverdue > 0 ? <span className="late">{l.daysOverdue}</span> : '0'}</td>
                  {/* A late loan's "next due" is the day it fell behind: said as such. */}
                  <td>{l.nextDue ? (l.daysOverdue > 0 ? <span className="late-since">{t('loan.lateSince', { date: date(l.nextDue) })}</span> : date(l.nextDue)) : ''}</td>
                  <td className="row-actions">
                    <button type="button" className="button button--small button--secondary" onClick={() => void show(l.id)} aria-label={t('loan.openWho', { name: l.memberName })}>{t('meeting.open')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
