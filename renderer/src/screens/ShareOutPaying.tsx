// How each member is paid at the share-out, one row each, typed down the column like
// the meeting sheet: what they get, what they leave in as next cycle's savings
// (plain-savings groups), and whether it is paid in cash or sent by mobile money to
// a number (their phone in the register, to start with).

import { useTranslation } from 'react-i18next';
import type { PaymentMethod, ShareOutPreview } from '../../../electron/server/contract';
import { payingInput, type Paying } from '../share-out-paying';

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
  const canLeave = draft.reinvestAllowed;
  const { paid, leaveIndex, payIndex } = payingInput(value, draft.members);
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
