// What a loan's status says, in the list and on its statement: a loan being repaid
// says when it is next due or, once behind, since when it is late and for how long
// (the date alone read as "next due" on a loan late for months).

import { useTranslation } from 'react-i18next';
import type { LoanView } from '../../../electron/server/contract';
import { date } from '../format';

export function LoanStatusText({ loan }: { readonly loan: Pick<LoanView, 'status' | 'nextDue' | 'daysOverdue'> }) {
  const { t } = useTranslation();
  if (loan.status !== 'disbursed' || !loan.nextDue) return <>{t(`loan.state.${loan.status}`)}</>;
  if (loan.daysOverdue > 0) return <span className="late">{t('loan.lateSince', { date: date(loan.nextDue), count: loan.daysOverdue })}</span>;
  return <>{t('loan.nextDueOn', { date: date(loan.nextDue) })}</>;
}
