// The share-out at the end of a cycle: the draft worked out from the books as the date
// is typed (the pool and its working, each member's part), then the cash counted and a
// second officer's PIN, and it is done — one entry, and the cycle closes. Printable.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, CycleOutput, MemberPayment, PostedShareOut, ShareOutPreview } from '../../../electron/server/contract';
import { ChoiceField, DateField, FormError, TextField } from '../components/fields';
import { NO_SECOND_PERSON, SecondPersonFields, type SecondPerson } from '../components/SecondPerson';
import { useCommand, useQuery } from '../hooks';
import { date as showDate, isIsoDate, money, percent, today } from '../format';
import { ShareOutPaying } from './ShareOutPaying';
import { NOBODY_PAYING, payingInput, type Paying } from '../share-out-paying';
import { ExportButtons } from '../components/ExportButtons';

interface Props {
  readonly association: AssociationView;
  readonly cycle: CycleOutput;
  readonly userId: string;
  readonly canPost: boolean;
  readonly onBack: () => void;
}

export function ShareOut({ association, cycle, userId, canPost, onBack }: Props) {
  const { t } = useTranslation();
  const command = useCommand();
  const [day, setDay] = useState(today());
  const [box, setBox] = useState('');
  const [bank, setBank] = useState('');
  const [reason, setReason] = useState('');
  const [paidFrom, setPaidFrom] = useState<'cash_box' | 'bank'>('cash_box');
  const [secondPerson, setSecondPerson] = useState<SecondPerson>(NO_SECOND_PERSON);
  const [paying, setPaying] = useState<Paying>(NOBODY_PAYING);
  const [reverseReason, setReverseReason] = useState('');
  const [justPosted, setPosted] = useState<PostedShareOut | null>(null);
  const closed = cycle.status === 'closed';
  const { data: earlier } = useQuery('share-out-get', closed ? { associationId: association.id, cycleId: cycle.id } : null, [association.id, cycle.id]);
  const posted = justPosted ?? earlier ?? null;
  const valid = !closed && isIsoDate(day);
  const { data: lastDraft, error } = useQuery('share-out-preview', valid ? { associationId: association.id, cycleId: cycle.id, date: day } : null, [association.id, cycle.id, day]);
  // Only the draft of the day on screen: a refused or unfinished date shows no figures of another day.
  const draft = lastDraft && lastDraft.date === day && !error ? lastDraft : null;
  const m = (minor: string) => money(minor, association.currency);
  const { data: register } = useQuery('member-list', closed ? null : { associationId: association.id, status: 'active' }, [association.id, closed]);
  const phones = new Map((register ?? []).map((x) => [x.id, x.phone]));

  async function post() {
    // Only the amounts typed and the mobile money payments are sent; the server checks each.
    const { reinvest, payments } = payingInput(paying, draft?.members ?? []);
    const done = await command.run('share-out-post', {
      associationId: association.id, cycleId: cycle.id, date: day, cashCount: { box, bank: bank.trim() || undefined, reason: reason || undefined }, paidFrom, reinvest, payments,
      confirmation: secondPerson,
    });
    setSecondPerson((p) => ({ ...p, pin: '' }));
    if (done) setPosted(done);
  }

  async function reverse() {
    const done = await command.run('share-out-reverse', { associationId: association.id, cycleId: cycle.id, reason: reverseReason, confirmation: secondPerson });
    setSecondPerson((p) => ({ ...p, pin: '' }));
    if (done) onBack();
  }

  const shown: ShareOutPreview | null = posted ?? draft;
  return (
    <section aria-labelledby="share-out-title" className="share-out">
      <h1 id="share-out-title">{posted ? t('shareOut.doneTitle', { name: cycle.name, date: showDate(posted.date) }) : t('shareOut.title', { name: cycle.name })}</h1>
      {posted ? (
        <p className="notice" data-testid="share-out-done">{t('shareOut.done', { who: posted.confirmedBy })}</p>
      ) : (
        <>
          <p className="lead">{t('shareOut.explain')}</p>
          <DateField legend={t('shareOut.date')} name="date" value={day} onChange={setDay} error={command.fieldErrors.date} required />
        </>
      )}
      <FormError message={error ?? null} />
      {shown ? <ShareOutTables association={association} preview={shown} payments={posted?.payments} /> : null}
      {shown && !posted && shown.loansOwed.length > 0 ? (
        <p className="notice" data-testid="loans-owed">
          {shown.rules.loans === 'collect'
            ? t('shareOut.collectFirst', { names: shown.loansOwed.map((l) => `${l.fullName} (${m(l.owed)})`).join(', ') })
            : t('shareOut.netted')}
        </p>
      ) : null}
      {shown && shown.shortfall !== '0' ? <p className="form-error" data-testid="shortfall">{t('shareOut.shortfall', { amount: m(shown.shortfall) })}</p> : null}
      {shown && !posted && shown.savingsWithoutShares.length > 0 ? (
        <p className="form-error" data-testid="savings-without-shares">{t('shareOut.savingsWithoutShares', { names: shown.savingsWithoutShares.join(', ') })}</p>
      ) : null}
      {draft && !posted && canPost && !association.readOnly ? (
        <div className="settings-form settings-form--wide no-print">
          <h2>{t('shareOut.countTitle')}</h2>
          <p className="hint">{t('shareOut.countHint', { box: m(draft.working.cash.box), bank: m(draft.working.cash.bank) })}</p>
          <div className="cash-inputs">
            <TextField label={t('shareOut.countedBox')} name="cashCount.box" value={box} onChange={setBox} error={command.fieldErrors['cashCount.box']} required />
            <TextField label={t('shareOut.countedBank')} name="cashCount.bank" value={bank} onChange={setBank} error={command.fieldErrors['cashCount.bank']} />
          </div>
          <TextField label={t('shareOut.differenceReason')} name="cashCount.reason" value={reason} onChange={setReason} error={command.fieldErrors['cashCount.reason']} />
          <ChoiceField
            legend={t('shareOut.paidFrom')}
            name="paidFrom"
            value={paidFrom}
            onChange={(v) => setPaidFrom(v === 'bank' ? 'bank' : 'cash_box')}
            options={[{ value: 'cash_box', label: t('savingsIn.box') }, { value: 'bank', label: t('savingsIn.bank') }]}
            error={command.fieldErrors.paidFrom}
          />
          <ShareOutPaying draft={draft} phones={phones} value={paying} onChange={setPaying} money={m} fieldErrors={command.fieldErrors} />
          <SecondPersonFields associationId={association.id} currentUserId={userId} value={secondPerson} onChange={setSecondPerson} fieldErrors={command.fieldErrors} />
          <FormError message={command.errorOutside(['date', 'cashCount.box', 'cashCount.bank', 'cashCount.reason', 'paidFrom', ...payingInput(paying, draft.members).shownFields, 'confirmation', 'confirmation.*'])} />
          <div className="actions actions--start">
            <button type="button" className="button" onClick={() => void post()} disabled={command.busy}>{t('shareOut.post')}</button>
          </div>
        </div>
      ) : null}
      {posted && canPost && !association.readOnly ? (
        <details className="settings-form no-print">
          <summary>{t('shareOut.reverseTitle')}</summary>
          <p className="hint">{t('shareOut.reverseHint')}</p>
          <TextField label={t('shareOut.reverseReason')} name="reason" value={reverseReason} onChange={setReverseReason} error={command.fieldErrors.reason} required />
          <SecondPersonFields associationId={association.id} currentUserId={userId} value={secondPerson} onChange={setSecondPerson} fieldErrors={command.fieldErrors} />
          <FormError message={command.errorOutside(['reason', 'confirmation', 'confirmation.*'])} />
          <button type="button" className="button button--danger" onClick={() => void reverse()} disabled={command.busy}>{t('shareOut.reverse')}</button>
        </details>
      ) : null}
      {posted ? <ExportButtons request={{ associationId: association.id, kind: 'share-out', cycleId: cycle.id, asOf: posted.date }} suggestedName={`${cycle.name} ${posted.date}`} /> : null}
      {posted ? <Slips association={association} cycle={cycle} posted={posted} /> : null}
      <div className="actions actions--start no-print">
        <button type="button" className="button button--secondary" onClick={onBack}>{t('common.back')}</button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>{posted ? t('shareOut.printWithSlips') : t('common.print')}</button>
      </div>
    </section>
  );
}

/** One slip per member, printed after the report (each on its own part of the page, never split): what they get and why, to sign. */
function Slips({ association, cycle, posted }: { readonly association: AssociationView; readonly cycle: CycleOutput; readonly posted: PostedShareOut }) {
  const { t } = useTranslation();
  const m = (minor: string) => money(minor, association.currency);
  const left = new Map(posted.reinvested.map((r) => [r.memberId, r.amount]));
  const paidHow = new Map(posted.payments.map((p) => [p.memberId, p]));
  const howText = (p: MemberPayment) => (p.method === 'mobile_money' ? t('shareOut.sentTo', { amount: m(p.amount), phone: p.phone }) : t('shareOut.paidCash', { amount: m(p.amount) }));
  return (
    <div className="slips print-only" data-testid="share-out-slips">
      {posted.members.map((p) => (
        <article key={p.memberId} className="slip">
          <h2>{t('shareOut.slipTitle', { association: association.name, cycle: cycle.name })}</h2>
          <p>{t('shareOut.slipWho', { no: p.memberNo, name: p.fullName, date: showDate(posted.date) })}</p>
          <dl>
            <div><dt>{posted.basis === 'shares' ? t('shareOut.shares') : t('shareOut.saved')}</dt><dd>{posted.basis === 'shares' ? p.weight : m(p.savings)}</dd></div>
            <div><dt>{t('shareOut.part')}</dt><dd>{m(p.share)}</dd></div>
            {p.loanNetted !== '0' ? <div><dt>{t('shareOut.loanNetted')}</dt><dd>− {m(p.loanNetted)}</dd></div> : null}
            <div><dt>{t('shareOut.payout')}</dt><dd><strong>{m(p.payout)}</strong></dd></div>
            {p.debtCarried !== '0' ? <div><dt>{t('shareOut.stillOwed')}</dt><dd>{m(p.debtCarried)}</dd></div> : null}
            {left.has(p.memberId) ? <div><dt>{t('shareOut.leftIn')}</dt><dd>{m(left.get(p.memberId)!)}</dd></div> : null}
            {paidHow.has(p.memberId) ? <div><dt>{t('shareOut.paidHow')}</dt><dd>{howText(paidHow.get(p.memberId)!)}</dd></div> : null}
          </dl>
          <p className="slip__sign">{t('shareOut.slipSign')}</p>
        </article>
      ))}
    </div>
  );
}

/** The pool with its working, and each member's part: what every member sees and why. */
function ShareOutTables({ association, preview, payments }: { readonly association: AssociationView; readonly preview: ShareOutPreview; readonly payments?: readonly MemberPayment[] | undefined }) {
  const { t } = useTranslation();
  const m = (minor: string) => money(minor, association.currency);
  const w = preview.working;
  const working: [string, string][] = [
    [t('shareOut.savings'), m(w.savings)],
    [t('shareOut.interest'), m(w.income.interest)],
    ...(w.interestNetted !== '0' ? [[t('shareOut.interestNetted'), m(w.interestNetted)] as [string, string]] : []),
    [t('shareOut.fines'), m(w.income.fines)],
    [t('shareOut.fees'), m(w.income.fees)],
    [t('shareOut.otherIncome'), m(w.income.other)],
    [t('shareOut.expenses'), `− ${m(w.expenses.general)}`],
    [t('shareOut.bankCharges'), `− ${m(w.expenses.bank)}`],
    [t('shareOut.writeOffs'), `− ${m(w.expenses.writeOffs)}`],
    [t('shareOut.cashDifferences'), `− ${m(w.expenses.cashDifferences)}`],
    [t('shareOut.groupFund'), m(w.groupFund)],
    ...(w.socialFundShared ? [[t('shareOut.socialFundShared'), m(w.socialFund)] as [string, string]] : []),
  ];
  const netting = preview.members.some((p) => p.loanNetted !== '0');
  const paidHowText = (p: MemberPayment | undefined) => (!p ? '' : p.method === 'mobile_money' ? `${t('shareOut.mobileMoney')} ${p.phone ?? ''}` : t('shareOut.cash'));
  const debts = preview.members.some((p) => p.debtCarried !== '0');
  const weightLabel = preview.basis === 'shares' ? t('shareOut.shares') : preview.basis === 'share_days' ? t('shareOut.shareDays') : t('shareOut.savingsBasis');
  return (
    <>
      <div className="table-wrap">
        <table className="table table--compact" data-testid="share-out-working">
          <caption>{t('shareOut.working')}</caption>
          <tbody>
            {working.map(([label, value]) => (
              <tr key={label}><th scope="row">{label}</th><td className="num">{value}</td></tr>
            ))}
            <tr className="total"><th scope="row">{t('shareOut.pool')}</th><td className="num" data-testid="share-out-pool">{m(w.pool)}</td></tr>
            <tr><th scope="row">{t('shareOut.reserve', { percent: percent(preview.rules.reservePercent) })}</th><td className="num">− {m(preview.reserve)}</td></tr>
            <tr><th scope="row">{t('shareOut.remainder', { unit: m(preview.rules.roundingUnit) })}</th><td className="num" data-testid="share-out-remainder">− {m(preview.remainder)}</td></tr>
            <tr><th scope="row">{t('shareOut.socialFundKept')}</th><td className="num">{w.socialFundShared ? '—' : m(w.socialFund)}</td></tr>
            <tr><th scope="row">{t('shareOut.cashAvailable')}</th><td className="num">{m(w.cash.available)}</td></tr>
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="table" data-testid="share-out-members">
          <caption>{t('shareOut.parts')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('shareOut.member')}</th>
              <th scope="col" className="num">{weightLabel}</th>
              <th scope="col" className="num">{t('shareOut.saved')}</th>
              <th scope="col" className="num">{t('shareOut.part')}</th>
              {netting ? <th scope="col" className="num">{t('shareOut.loanNetted')}</th> : null}
              <th scope="col" className="num">{t('shareOut.payout')}</th>
              {debts ? <th scope="col" className="num">{t('shareOut.stillOwed')}</th> : null}
              {payments ? <th scope="col">{t('shareOut.paidHow')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {preview.members.map((p) => (
              <tr key={p.memberId}>
                <td>{p.memberNo}</td>
                <th scope="row">{p.fullName}</th>
                <td className="num">{preview.basis === 'savings' ? m(p.weight) : p.weight}</td>
                <td className="num">{m(p.savings)}</td>
                <td className="num">{m(p.share)}</td>
                {netting ? <td className="num">{p.loanNetted === '0' ? '' : m(p.loanNetted)}</td> : null}
                <td className="num"><strong>{m(p.payout)}</strong></td>
                {debts ? <td className={p.debtCarried === '0' ? 'num' : 'num late'}>{p.debtCarried === '0' ? '' : m(p.debtCarried)}</td> : null}
                {payments ? <td>{paidHowText(payments.find((x) => x.memberId === p.memberId))}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.owedToLeavers.length > 0 ? (
        <p className="notice" data-testid="owed-to-leavers">{t('shareOut.owedToLeaversNames', { names: preview.owedToLeavers.map((x) => `${x.fullName} (${m(x.owed)})`).join(', ') })}</p>
      ) : null}
      {preview.settledAtExit.length > 0 ? (
        <p className="muted">{t('shareOut.settledAtExit', { names: preview.settledAtExit.map((x) => `${x.fullName} (${showDate(x.exitedOn)})`).join(', ') })}</p>
      ) : null}
    </>
  );
}
