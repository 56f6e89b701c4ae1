// Starting a savings cycle: its dates and the group's rules. Or, for a cycle already
// running, new rules from a date on (the form starts from the rules in force).

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, CycleOutput } from '../../../electron/server/contract';
import { ChoiceField, DateField, FormError, SelectField, TextField } from '../components/fields';
import { useCommand } from '../hooks';
import { today, typedAmount } from '../format';

interface Props {
  readonly association: AssociationView;
  readonly onCreated: (cycle: CycleOutput) => void;
  /** The cycle whose rules change from a date, instead of starting a new one. */
  readonly changing?: CycleOutput;
  /** Starting the next cycle: its rules start as the closed cycle's (the share price may change). */
  readonly template?: CycleOutput;
  readonly onCancel?: () => void;
}

export function CycleForm({ association, onCreated, changing, template, onCancel }: Props) {
  const { t } = useTranslation();
  const command = useCommand();
  const current = (changing ?? template)?.rules.at(-1)?.rules;
  const typed = (minor: string) => typedAmount(minor, association.currency);
  const [form, setForm] = useState(() => {
    if (!current) {
      return {
        name: '', startsOn: '', endsOn: '', savingMode: 'shares', sharePrice: '', minShares: '1', maxShares: '5',
        socialFund: '0', entranceFee: '0', fineLate: '0', fineAbsent: '0', fineOther: '0',
        loanMethod: 'flat', loanMonthlyRatePercent: '5', loanFrequency: 'monthly', loanMaxInstalments: '12', loanDayCount: '30/360',
        loanMaxMultiple: '3', loanLatePenalty: '0', loanGuarantorsAbove: '0', effectiveFrom: today(),
        shareOutBasis: 'savings', shareOutReservePercent: '0', shareOutRoundingUnit: typed('1'), shareOutRemainderTo: 'group_fund',
        shareOutLoans: 'collect', shareOutSocialFund: 'kept', shareOutOnExit: 'savings',
      };
    }
    const shareOut = current.shareOut;
    const loans = current.loans!; // the server fills in the default lending rules
    return {
      name: changing?.name ?? '', startsOn: changing?.startsOn ?? '', endsOn: changing?.endsOn ?? '', savingMode: current.savingMode,
      sharePrice: current.savingMode === 'shares' ? typed(current.sharePrice) : '', minShares: String(current.minShares), maxShares: String(current.maxShares),
      socialFund: typed(current.socialFund), entranceFee: typed(current.entranceFee), fineLate: typed(current.fines.late), fineAbsent: typed(current.fines.absent),
      fineOther: typed(current.fines.other), loanMethod: loans.method, loanMonthlyRatePercent: loans.monthlyRatePercent, loanFrequency: loans.frequency,
      loanMaxInstalments: String(loans.maxInstalments), loanDayCount: loans.dayCount, loanMaxMultiple: loans.maxMultipleOfSavings,
      loanLatePenalty: typed(loans.latePenalty), loanGuarantorsAbove: typed(loans.guarantorsAbove), effectiveFrom: today(),
      shareOutBasis: shareOut.basis, shareOutReservePercent: shareOut.reservePercent, shareOutRoundingUnit: typed(shareOut.roundingUnit),
      shareOutRemainderTo: shareOut.remainderTo, shareOutLoans: shareOut.loans, shareOutSocialFund: shareOut.socialFundShared ? 'shared' : 'kept',
      shareOutOnExit: shareOut.onExit ?? 'savings',
    };
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const err = (field: string) => command.fieldErrors[field];
  async function save() {
    const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);
    // Rules this form does not show are carried over unchanged.
    const unseen = current
      ? {
          ...(current.minSavings !== '0' ? { minSavings: typed(current.minSavings) } : {}), ...(current.maxSavings !== '0' ? { maxSavings: typed(current.maxSavings) } : {}),
          meetingFrequency: current.meetingFrequency, loanAllowSeveral: current.loans?.allowSeveral ?? false,
        }
      : {};
    const rules = {
        ...unseen,
        savingMode: form.savingMode as 'shares' | 'savings', ...(form.savingMode === 'shares' ? { sharePrice: form.sharePrice } : {}),
        minShares: whole(form.minShares), maxShares: whole(form.maxShares), socialFund: form.socialFund, entranceFee: form.entranceFee,
        fineLate: form.fineLate, fineAbsent: form.fineAbsent, fineOther: form.fineOther,
        loanMethod: form.loanMethod as 'flat' | 'declining', loanMonthlyRatePercent: form.loanMonthlyRatePercent,
        loanFrequency: form.loanFrequency as 'weekly' | 'biweekly' | 'monthly', loanMaxInstalments: whole(form.loanMaxInstalments),
        loanDayCount: form.loanDayCount as '30/360' | 'actual/365', loanMaxMultiple: form.loanMaxMultiple,
        loanLatePenalty: form.loanLatePenalty, loanGuarantorsAbove: form.loanGuarantorsAbove,
        shareOutBasis: form.shareOutBasis as 'savings' | 'share_days', shareOutReservePercent: form.shareOutReservePercent,
        shareOutRoundingUnit: form.shareOutRoundingUnit, shareOutRemainderTo: form.shareOutRemainderTo as 'group_fund' | 'social_fund',
        shareOutLoans: form.shareOutLoans as 'collect' | 'net', shareOutSocialFund: form.shareOutSocialFund as 'kept' | 'shared',
        shareOutOnExit: form.shareOutOnExit as 'savings' | 'savings_and_profit',
      };
    const created = changing
      ? await command.run('cycle-rules-change', { associationId: association.id, cycleId: changing.id, effectiveFrom: form.effectiveFrom, rules })
      : await command.run('cycle-create', { associationId: association.id, name: form.name, startsOn: form.startsOn, endsOn: form.endsOn, rules });
    if (created) onCreated(created);
  }
  return (
    <form className="settings-form" noValidate onSubmit={(e) => {
      e.preventDefault();
      void save();
    }}>
      <h2>{changing ? t('cycle.changeTitle', { name: changing.name }) : t('cycle.title')}</h2>
      <p>{changing ? t('cycle.changeExplain') : t('cycle.explain')}</p>
      {changing ? (
        <DateField legend={t('cycle.effectiveFrom')} name="effectiveFrom" value={form.effectiveFrom} onChange={set('effectiveFrom')} error={err('effectiveFrom')} required />
      ) : (
        <>
          <TextField label={t('cycle.name')} name="name" value={form.name} onChange={set('name')} error={err('name')} hint={t('cycle.nameHint')} required />
          <DateField legend={t('cycle.startsOn')} name="startsOn" value={form.startsOn} onChange={set('startsOn')} error={err('startsOn')} required />
          <DateField legend={t('cycle.endsOn')} name="endsOn" value={form.endsOn} onChange={set('endsOn')} error={err('endsOn')} required />
        </>
      )}
      <ChoiceField legend={t('cycle.savingMode')} name="savingMode" value={form.savingMode} onChange={set('savingMode')} options={[
        { value: 'shares', label: t('cycle.modeShares') },
        { value: 'savings', label: t('cycle.modeSavings') },
      ]} />
      {form.savingMode === 'shares' ? (
        <>
          <TextField label={t('cycle.sharePrice')} name="sharePrice" value={form.sharePrice} onChange={set('sharePrice')} error={err('rules.sharePrice')} required />
          <TextField label={t('cycle.minShares')} name="minShares" value={form.minShares} onChange={set('minShares')} error={err('rules.minShares')} />
          <TextField label={t('cycle.maxShares')} name="maxShares" value={form.maxShares} onChange={set('maxShares')} error={err('rules.maxShares')} />
        </>
      ) : null}
      <TextField label={t('cycle.socialFund')} name="socialFund" value={form.socialFund} onChange={set('socialFund')} error={err('rules.socialFund')} />
      <TextField label={t('cycle.entranceFee')} name="entranceFee" value={form.entranceFee} onChange={set('entranceFee')} error={err('rules.entranceFee')} />
      <TextField label={t('cycle.fineLate')} name="fineLate" value={form.fineLate} onChange={set('fineLate')} error={err('rules.fineLate')} />
      <TextField label={t('cycle.fineAbsent')} name="fineAbsent" value={form.fineAbsent} onChange={set('fineAbsent')} error={err('rules.fineAbsent')} />
      <TextField label={t('cycle.fineOther')} name="fineOther" value={form.fineOther} onChange={set('fineOther')} error={err('rules.fineOther')} />
      <h3>{t('cycle.lending')}</h3>
      <ChoiceField legend={t('cycle.loanMethod')} name="loanMethod" value={form.loanMethod} onChange={set('loanMethod')} options={[
        { value: 'flat', label: t('loan.method.flat') },
        { value: 'declining', label: t('loan.method.declining') },
      ]} />
      <TextField label={t('cycle.loanRate')} name="loanMonthlyRatePercent" value={form.loanMonthlyRatePercent} onChange={set('loanMonthlyRatePercent')} error={err('rules.loanMonthlyRatePercent')} />
      <SelectField label={t('cycle.loanFrequency')} name="loanFrequency" value={form.loanFrequency} onChange={set('loanFrequency')} options={[
        { value: 'weekly', label: t('loan.frequency.weekly') },
        { value: 'biweekly', label: t('loan.frequency.biweekly') },
        { value: 'monthly', label: t('loan.frequency.monthly') },
      ]} />
      {form.loanMethod === 'declining' ? (
        <SelectField label={t('cycle.loanDayCount')} name="loanDayCount" value={form.loanDayCount} onChange={set('loanDayCount')} options={[
          { value: '30/360', label: '30/360' },
          { value: 'actual/365', label: 'actual/365' },
        ]} />
      ) : null}
      <TextField label={t('cycle.loanMaxInstalments')} name="loanMaxInstalments" value={form.loanMaxInstalments} onChange={set('loanMaxInstalments')} error={err('rules.loanMaxInstalments')} />
      <TextField label={t('cycle.loanMaxMultiple')} name="loanMaxMultiple" value={form.loanMaxMultiple} onChange={set('loanMaxMultiple')} error={err('rules.loanMaxMultiple')} />
      <TextField label={t('cycle.loanLatePenalty')} name="loanLatePenalty" value={form.loanLatePenalty} onChange={set('loanLatePenalty')} error={err('rules.loanLatePenalty')} />
      <TextField label={t('cycle.loanGuarantorsAbove')} name="loanGuarantorsAbove" value={form.loanGuarantorsAbove} onChange={set('loanGuarantorsAbove')} error={err('rules.loanGuarantorsAbove')} hint={t('cycle.loanGuarantorsHint')} />
      <h3>{t('cycle.shareOut')}</h3>
      {form.savingMode === 'savings' ? (
        <ChoiceField legend={t('cycle.shareOutBasis')} name="shareOutBasis" value={form.shareOutBasis} onChange={set('shareOutBasis')} options={[
          { value: 'savings', label: t('cycle.basisSavings') },
          { value: 'share_days', label: t('cycle.basisShareDays') },
        ]} />
      ) : null}
      <TextField label={t('cycle.shareOutReserve')} name="shareOutReservePercent" value={form.shareOutReservePercent} onChange={set('shareOutReservePercent')} error={err('rules.shareOutReservePercent')} />
      <TextField label={t('cycle.shareOutUnit')} name="shareOutRoundingUnit" value={form.shareOutRoundingUnit} onChange={set('shareOutRoundingUnit')} error={err('rules.shareOutRoundingUnit')} hint={t('cycle.shareOutUnitHint')} />
      <ChoiceField legend={t('cycle.shareOutRemainder')} name="shareOutRemainderTo" value={form.shareOutRemainderTo} onChange={set('shareOutRemainderTo')} options={[
        { value: 'group_fund', label: t('cycle.remainderGroupFund') },
        { value: 'social_fund', label: t('cycle.remainderSocialFund') },
      ]} />
      <ChoiceField legend={t('cycle.shareOutLoans')} name="shareOutLoans" value={form.shareOutLoans} onChange={set('shareOutLoans')} options={[
        { value: 'collect', label: t('cycle.loansCollect') },
        { value: 'net', label: t('cycle.loansNet') },
      ]} />
      <ChoiceField legend={t('cycle.shareOutSocialFund')} name="shareOutSocialFund" value={form.shareOutSocialFund} onChange={set('shareOutSocialFund')} options={[
        { value: 'kept', label: t('cycle.socialFundKept') },
        { value: 'shared', label: t('cycle.socialFundShared') },
      ]} />
      <ChoiceField legend={t('cycle.shareOutOnExit')} name="shareOutOnExit" value={form.shareOutOnExit} onChange={set('shareOutOnExit')} options={[
        { value: 'savings', label: t('cycle.exitSavings') },
        { value: 'savings_and_profit', label: t('cycle.exitSavingsAndProfit') },
      ]} />
      <FormError message={command.errorOutside(['rules.shareOutReservePercent', 'rules.shareOutRoundingUnit', 'name', 'startsOn', 'endsOn', 'effectiveFrom', 'rules.sharePrice', 'rules.minShares', 'rules.maxShares', 'rules.socialFund', 'rules.entranceFee', 'rules.fineLate', 'rules.fineAbsent', 'rules.fineOther', 'rules.loanMonthlyRatePercent', 'rules.loanMaxInstalments', 'rules.loanMaxMultiple', 'rules.loanLatePenalty', 'rules.loanGuarantorsAbove'])} />
      <div className="actions actions--start">
        {onCancel ? <button type="button" className="button button--secondary" onClick={onCancel}>{t('common.cancel')}</button> : null}
        <button type="submit" className="button" disabled={command.busy}>{changing ? t('cycle.changeSave') : t('cycle.start')}</button>
      </div>
    </form>
  );
}
