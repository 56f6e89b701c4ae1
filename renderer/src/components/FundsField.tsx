// "Paid by": the group's own money, a grant, or several with their parts. The server
// checks each grant's purpose and unspent balance; this only gathers the choice.

import { useTranslation } from 'react-i18next';
import type { GrantSummary } from '../../../electron/server/contract';
import { GROUP_FUND, type FundLine } from '../funds';
import { money } from '../format';
import type { CurrencyCode } from '../../../electron/server/money/currency';

interface Props {
  readonly grants: readonly GrantSummary[];
  readonly currency: CurrencyCode;
  readonly lines: readonly FundLine[];
  readonly onChange: (lines: FundLine[]) => void;
  readonly errors: Readonly<Record<string, string>>;
}

export function FundsField({ grants, currency, lines, onChange, errors }: Props) {
  const { t } = useTranslation();
  const set = (i: number, change: Partial<FundLine>) => onChange(lines.map((l, k) => (k === i ? { ...l, ...change } : l)));
  const options = [
    { value: GROUP_FUND, label: t('fund.group') },
    ...grants.map((g) => ({ value: g.id, label: t('fund.grant', { label: g.label, unspent: money(g.unspent, currency) }) })),
  ];
  const several = lines.length > 1;
  // A new line starts on a fund not yet chosen: two lines both saying "the group's own money" say nothing.
  const unusedFund = () => options.map((o) => o.value).find((v) => !lines.some((l) => l.grantId === v)) ?? GROUP_FUND;
  return (
    <fieldset className={`field funds${errors.funds ? ' field--invalid' : ''}`}>
      <legend>{t('fund.paidBy')}</legend>
      {lines.map((line, i) => (
        <div className="funds__line" key={i}>
          <label className="visually-hidden" htmlFor={`fund-${i}`}>{t('fund.which', { n: i + 1 })}</label>
          <select id={`fund-${i}`} name={`funds.${i}.grantId`} value={line.grantId} onChange={(e) => set(i, { grantId: e.target.value })}
            aria-invalid={errors[`funds.${i}.grantId`] ? true : undefined}>
            {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
          {several ? (
            <>
              <label className="visually-hidden" htmlFor={`fund-amount-${i}`}>{t('fund.part', { n: i + 1 })}</label>
              <input id={`fund-amount-${i}`} name={`funds.${i}.amount`} inputMode="decimal" value={line.amount} placeholder={t('fund.partPlaceholder')}
                onChange={(e) => set(i, { amount: e.target.value })} aria-invalid={errors[`funds.${i}.amount`] ? true : undefined} />
              <button type="button" className="button button--small button--secondary" onClick={() => onChange(lines.filter((_, k) => k !== i))}>
                {t('fund.remove')}
              </button>
            </>
          ) : null}
          {[errors[`funds.${i}.grantId`], errors[`funds.${i}.amount`], errors[`funds.${i}`]].filter(Boolean).map((e) => (
            <p className="field__error" role="alert" key={e}>{e}</p>
          ))}
        </div>
      ))}
      {errors.funds ? <p className="field__error" role="alert">{errors.funds}</p> : null}
      {lines.length < 3 ? (
        <button type="button" className="button button--small button--secondary" onClick={() => onChange([...lines, { grantId: unusedFund(), amount: '' }])}>
          {t('fund.split')}
        </button>
      ) : null}
    </fieldset>
  );
}
