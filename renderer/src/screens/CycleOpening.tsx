// What the cycle opened with, brought forward from the one before (its share-out):
// folded above the meetings, so the treasurer sees the money
// the group starts with — the social fund, the group fund (reserve and remainder),
// the savings members left in, and debts carried.

import { useTranslation } from 'react-i18next';
import type { AssociationView, CycleOutput } from '../../../electron/server/contract';
import { useQuery } from '../hooks';
import { date, money } from '../format';

export function CycleOpening({ association, cycle }: { readonly association: AssociationView; readonly cycle: CycleOutput }) {
  const { t } = useTranslation();
  const { data: opening } = useQuery('cycle-opening', { associationId: association.id, cycleId: cycle.id }, [association.id, cycle.id]);
  if (!opening?.previous) return null;
  const m = (minor: string) => money(minor, association.currency);
  const { previous } = opening;
  return (
    <details className="cycle-opening" data-testid="cycle-opening">
      <summary>{t('cycle.openingTitle', { name: previous.name })}</summary>
      <table className="table table--compact">
        <caption className="visually-hidden">{t('cycle.openingTitle', { name: previous.name })}</caption>
        <tbody>
          {previous.shareOutDate ? (
            <tr><th scope="row" colSpan={2}>{t('cycle.openingShareOut', { date: date(previous.shareOutDate), reserve: m(previous.reserve), remainder: m(previous.remainder) })}</th></tr>
          ) : null}
          <tr><th scope="row">{t('cycle.openingSocialFund')}</th><td className="num">{m(opening.socialFund)}</td></tr>
          <tr><th scope="row">{t('cycle.openingGroupFund')}</th><td className="num">{m(opening.groupFund)}</td></tr>
          <tr>
            <th scope="row">{t('cycle.openingSavings')}</th>
            <td className="num">{m(opening.savings)}</td>
          </tr>
          {opening.savingsByMember.map((s) => (
            <tr key={s.memberId} className="sub"><th scope="row">{s.fullName}</th><td className="num">{m(s.amount)}</td></tr>
          ))}
          {opening.debts.length > 0 ? <tr><th scope="row" colSpan={2}>{t('cycle.openingDebts')}</th></tr> : null}
          {opening.debts.map((d) => (
            <tr key={d.memberId} className="sub"><th scope="row">{d.fullName}</th><td className="num late">{m(d.owed)}</td></tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
