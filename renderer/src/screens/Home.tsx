// The association at a glance: what needs doing today (a to-do list that opens the
// place to act), the main actions, then who is in it and the money it holds.

import { useTranslation } from 'react-i18next';
import type { AssociationView, WhoIsSignedIn } from '../../../electron/server/contract';
import { useQuery, useLanguage } from '../hooks';
import { date, money } from '../format';
import { placeOf } from '../location';
import { HomeTodo } from './HomeTodo';
import { useHomeCharts } from '../lazy-screens';
import { PracticeGuide } from './practice/PracticeGuide';

export function Home({ association, who }: { readonly association: AssociationView; readonly who: WhoIsSignedIn }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { data: summary, error } = useQuery('association-summary-get', who.can.readBooks ? { associationId: association.id } : null, [association.id]);
  const { data: todo } = useQuery('home-todo', who.can.readBooks ? { associationId: association.id } : null, [association.id]);
  const { data: loans } = useQuery('loan-list', who.can.readBooks ? { associationId: association.id } : null, [association.id]);
  const { data: fund } = useQuery('home-fund-over-cycle', who.can.readBooks ? { associationId: association.id } : null, [association.id]);
  const HomeCharts = useHomeCharts();
  const ownMemberId = who.user.memberId;
  const { data: own } = useQuery('member-savings-get', ownMemberId ? { associationId: association.id, memberId: ownMemberId } : null, [ownMemberId]);
  // A practice group's place is made up: say what it is instead.
  const place = association.practice ? t('practice.chooseNote') : placeOf(association, language);
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{association.name}</h1>
      <p className="lead">{place}</p>
      <p>
        {t('home.founded', { date: date(association.foundedOn) })}
        {association.registrationNo ? ` · ${t('association.registrationNo')}: ${association.registrationNo}` : ''}
      </p>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      {who.can.record ? (
        <p className="actions actions--start">
          <a className="button" href="#/meetings/new">{t('home.goMeetings')}</a>
          <a className="button button--secondary" href="#/loans">{t('home.goLoans')}</a>
          <a className="button button--secondary" href="#/members">{t('home.goMembers')}</a>
        </p>
      ) : null}
      {association.practice && todo ? <PracticeGuide meetingHeld={todo.lastMeeting !== null} /> : null}
      {todo ? <HomeTodo todo={todo} association={association} who={who} /> : null}
      {own ? (
        <dl className="cards">
          <div className="card">
            <dt>{t('home.mySavings')}</dt>
            <dd>{money(own.savings, association.currency)}</dd>
          </div>
        </dl>
      ) : null}
      {summary ? (
        <dl className="cards">
          <div className="card">
            <dt>{t('home.activeMembers')}</dt>
            <dd>{summary.activeMembers}</dd>
            <dd className="card__note">{t('home.women', { count: summary.activeWomen })}</dd>
          </div>
          <div className="card">
            <dt>{t('home.savings')}</dt>
            <dd>{money(summary.savings, association.currency)}</dd>
          </div>
          <div className="card">
            <dt>{t('home.cashBox')}</dt>
            <dd>{money(summary.cashBox, association.currency)}</dd>
          </div>
          <div className="card">
            <dt>{t('home.bank')}</dt>
            <dd>{money(summary.bank, association.currency)}</dd>
          </div>
          <div className="card">
            <dt>{t('home.socialFund')}</dt>
            <dd>{money(summary.socialFund, association.currency)}</dd>
          </div>
          {summary.grantsUnspent !== '0' ? (
            <div className="card">
              <dt>{t('home.grantsUnspent')}</dt>
              <dd data-testid="home-grants-unspent">{money(summary.grantsUnspent, association.currency)}</dd>
              <dd className="card__note">{t('home.grantsNote', { own: money(summary.groupCash, association.currency) })}</dd>
            </div>
          ) : null}
          {summary.livestockHeads > 0 ? (
            <div className="card">
              <dt>{t('home.livestock')}</dt>
              {/* Counted by kind: five cows and forty-five chickens are not fifty animals. */}
              <dd className="card__kinds" data-testid="home-livestock">
                {summary.livestockByKind.map((k) => `${k.heads} ${t(`livestock.speciesPlural.${k.species}`).toLowerCase()}`).join(' · ')}
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {summary ? <p className="muted">{t('home.asOf', { date: date(summary.asOf) })}</p> : null}
      {summary && loans && HomeCharts ? <HomeCharts association={association} loans={loans} herd={summary.livestockByKind} fund={fund ?? null} /> : null}
      <h2>{t('home.whatNext')}</h2>
      <ul className="links">
        {who.can.readBooks && !who.can.record ? <li><a href="#/members">{t('home.goMembers')}</a></li> : null}
        {who.can.readBooks ? <li><a href="#/grants">{who.can.record ? t('home.goGrants') : t('home.goGrantStatement')}</a></li> : null}
        {who.can.readBooks ? <li><a href="#/livestock">{t('home.goLivestock')}</a></li> : null}
        <li><a href="#/settings">{t('home.goSettings')}</a></li>
      </ul>
    </section>
  );
}
