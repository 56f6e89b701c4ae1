// A member's passbook: every meeting's contributions, shares held, savings and
// social fund balances, fines — the same figures as the books.

import { useTranslation } from 'react-i18next';
import type { AssociationView, MemberView } from '../../../electron/server/contract';
import { Dialog } from '../components/Dialog';
import { useQuery } from '../hooks';
import { date, money, today } from '../format';
import { ExportButtons } from '../components/ExportButtons';

export function Passbook({ association, member, onClose }: { readonly association: AssociationView; readonly member: MemberView; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const { data: book, error } = useQuery('member-passbook-get', { associationId: association.id, memberId: member.id }, [member.id]);
  const m = (minor: string) => money(minor, association.currency);
  return (
    <Dialog title={t('passbook.title', { name: member.fullName })} onClose={onClose}>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      {book ? (
        <>
          <dl className="cash-count">
            <div><dt>{t('passbook.sharesHeld')}</dt><dd data-testid="shares-held">{book.sharesHeld}</dd></div>
            <div><dt>{t('passbook.savings')}</dt><dd data-testid="savings-balance">{m(book.savingsBalance)}</dd></div>
            <div><dt>{t('passbook.socialFund')}</dt><dd data-testid="social-fund-total">{m(book.socialFundTotal)}</dd></div>
            <div><dt>{t('passbook.fines')}</dt><dd>{m(book.finesTotal)}</dd></div>
          </dl>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('passbook.title', { name: member.fullName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('meeting.date')}</th>
                  <th scope="col" className="num">{t('meeting.sharesShort')}</th>
                  <th scope="col" className="num">{t('passbook.saved')}</th>
                  <th scope="col" className="num">{t('passbook.balance')}</th>
                  <th scope="col" className="num">{t('meeting.socialFund')}</th>
                  <th scope="col" className="num">{t('meeting.fines')}</th>
                </tr>
              </thead>
              <tbody>
                {book.rows.map((r, i) => (
                  <tr key={i}>
                    <th scope="row">{date(r.date)}{r.attendance && r.attendance !== 'present' ? ` · ${t(`meeting.${r.attendance}`)}` : ''}{r.paidOut !== '0' ? ` · ${t('passbook.paidOut')}` : ''}</th>
                    <td className="num">{r.shares}</td>
                    <td className="num">{m(r.paidOut !== '0' ? r.paidOut : r.saved)}</td>
                    <td className="num">{m(r.savingsBalance)}</td>
                    <td className="num">{m(r.socialFund)}</td>
                    <td className="num">{m(r.fines)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <ExportButtons request={{ associationId: association.id, kind: 'member-statement', memberId: member.id, asOf: today() }} suggestedName={`${member.memberNo} ${member.fullName} ${today()}`} />
      <div className="actions">
        <button type="button" className="button" onClick={onClose}>{t('common.close')}</button>
      </div>
    </Dialog>
  );
}
