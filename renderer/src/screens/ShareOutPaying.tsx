// How each member is paid at the share-out, one row each, typed down the column like
// the meeting sheet: what they get, what they leave in as next cycle's savings
// (plain-savings groups), and whether it is paid in cash or sent by mobile money to
// a number (their phone in the register, to start with).

import { useTranslation } from 'react-i18next';
import type { PaymentMethod, ShareOutPreview } from '../../../electron/server/contract';

export interface Paying {
  /** What each member leaves in, as typed. */
  readonly leave: Readonly<Record<string, string>>;
  readonly how: Readonly<Record<string, { readonly method: PaymentMethod; readonly phone: string }>>;
}

export const NOBODY_PAYING: Paying = { leave: {}, how: {} };

/** The share-out command's reinvest and payments lists, and where each member's line is in them (for errors). */
export function payingInput(paying: Paying, members: ShareOutPreview['members']) {
  const reinvest = members.filter((p) => (paying.leave[p.memberId] ?? '').trim() !== '').map((p) => ({ memberId: p.memberId, amount: paying.leave[p.memberId]! }));
  const payments = members.filter((p) => paying.how[p.memberId]?.method === 'mobile_money')
    .map((p) => ({ memberId: p.memberId, method: 'mobile_money' as const, phone: paying.how[p.memberId]!.phone.trim() || undefined }));
  return {
    reinvest,
    payments,
    leaveIndex: (memberId: string) => reinvest.findIndex((r) => r.memberId === memberId),
    payIndex: (memberId: string) => payments.findIndex((r) => r.memberId === memberId),
  };
}

interface Props {
  readonly draft: ShareOutPreview;
  readonly phones: ReadonlyMap<string, string | null>;
  readonly value: Paying;
  readonly onChange: (value: Paying) => void;
  readonly money: (minor: string) => string;
  readonly fieldErrors: Readonly<Record<string, string>>;
}

export function ShareOutPaying({ draft, phones, value, onChange, money, fieldErrors }: Props) {
  const { t } = useTranslation();
  const canLeave = draft.basis !== 'shares';
  const { leaveIndex, payIndex } = payingInput(value, draft.members);
  const paid = draft.members.filter((p) => p.payout !== '0');
  const setHow = (memberId: string, method: PaymentMethod, phone: string) => onChange({ ...value, how: { ...value.how, [memberId]: { method, phone } } });
  return (
    <div className="table-wrap">
      <table className="table table--compact share-out-paying" data-testid="share-out-paying">
        <caption>{t('shareOut.payingTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('shareOut.member')}</th>
            <th scope="col" className="num">{t('shareOut.payout')}</th>
            {canLeave ? <th scope="col">{t('shareOut.leavesIn')}</th> : null}
            <th scope="col">{t('shareOut.paidHow')}</th>
            <th scope="col">{t('shareOut.mobileNumber')}</th>
          </tr>
        </thead>
        <tbody>
          {paid.map((p) => {
            const how = value.how[p.memberId] ?? { method: 'cash' as const, phone: phones.get(p.memberId) ?? '' };
            const leaveError = leaveIndex(p.memberId) >= 0 ? fieldErrors[`reinvest.${leaveIndex(p.memberId)}.amount`] : undefined;
            const phoneError = payIndex(p.memberId) >= 0 ? fieldErrors[`payments.${payIndex(p.memberId)}.phone`] : undefined;
            return (
              <tr key={p.memberId}>
                <th scope="row">{p.fullName}</th>
                <td className="num">{money(p.payout)}</td>
                {canLeave ? (
                  <td>
                    <input
                      className="cell-input" name={`reinvest-${p.memberId}`} inputMode="numeric" value={value.leave[p.memberId] ?? ''}
                      aria-label={t('shareOut.reinvestWho', { name: p.fullName, payout: money(p.payout) })} aria-invalid={leaveError ? true : undefined}
                      onChange={(e) => onChange({ ...value, leave: { ...value.leave, [p.memberId]: e.target.value } })}
                    />
                    {leaveError ? <span className="field__error" role="alert">{leaveError}</span> : null}
                  </td>
                ) : null}
                <td>
                  <select name={`paid-how-${p.memberId}`} aria-label={t('shareOut.paidHowWho', { name: p.fullName })} value={how.method}
                    onChange={(e) => setHow(p.memberId, e.target.value === 'mobile_money' ? 'mobile_money' : 'cash', how.phone)}>
                    <option value="cash">{t('shareOut.cash')}</option>
                    <option value="mobile_money">{t('shareOut.mobileMoney')}</option>
                  </select>
                </td>
                <td>
                  {how.method === 'mobile_money' ? (
                    <>
                      <input
                        className="cell-input" name={`phone-${p.memberId}`} inputMode="tel" value={how.phone}
                        aria-label={t('shareOut.mobileNumberWho', { name: p.fullName })} aria-invalid={phoneError ? true : undefined}
                        onChange={(e) => setHow(p.memberId, 'mobile_money', e.target.value)}
                      />
                      {phoneError ? <span className="field__error" role="alert">{phoneError}</span> : null}
                    </>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {canLeave ? <p className="hint">{t('shareOut.reinvestHint')}</p> : null}
    </div>
  );
}
