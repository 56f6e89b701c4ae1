// The weekly meeting sheet, on one screen: one compact row per member, driven from the
// keyboard (arrows move between cells, Enter goes down, typing replaces; attendance is
// one letter), the column totals always in view under the rows, and beside them the
// cash count — the box before, money in, expected, counted — with the buttons.
// Closing posts it all at once; a correction re-posts it with a reason.

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, CycleRulesView, MeetingView, MemberView } from '../../../electron/server/contract';
import { formatAmount } from '../../../electron/server/money/money';
import { DateField, FormError, MoneyField, TextField } from '../components/fields';
import { call } from '../api';
import { useCommand } from '../hooks';
import { NO_SECOND_PERSON, SecondPersonFields, type SecondPerson } from '../components/SecondPerson';
import { currentLanguage } from '../i18n';
import { currencySymbol, money, today } from '../format';
import { cashDifference, cashExpected, defaultRow, rowTotal, sheetTotals, withAttendance, type Attendance, type SheetRow } from '../meeting-sheet';
import { meetingDraftKey } from '../meeting-drafts';

interface MeetingSheetProps {
  readonly association: AssociationView;
  /** Whose sheet it is: a draft is kept per person. */
  readonly userId: string;
  readonly rules: CycleRulesView;
  readonly members: readonly MemberView[];
  /** Members with a loan being repaid: their rows get a loan repayment cell. */
  readonly borrowers: ReadonlySet<string>;
  /** Correcting a closed meeting: its rows to start from. */
  readonly correcting?: MeetingView;
  readonly onDone: (meeting: MeetingView) => void;
  readonly onCancel: () => void;
}

interface Draft {
  readonly date: string;
  readonly rows: SheetRow[];
  readonly counted: { box: string; bank: string; reason: string };
}

/** A draft saved earlier, if it still fits the members (none joined or left since). */
function readDraft(key: string, members: readonly MemberView[]): Draft | null {
  try {
    const draft = JSON.parse(localStorage.getItem(key) ?? 'null') as Draft | null;
    if (!draft || !Array.isArray(draft.rows)) return null;
    const same = draft.rows.length === members.length && draft.rows.every((r, i) => r.memberId === members[i]?.id);
    // Drafts saved by an older version may lack newer columns.
    return same ? { ...draft, rows: draft.rows.map((r) => ({ ...r, loanRepayment: r.loanRepayment ?? '' })) } : null;
  } catch {
    return null;
  }
}

export function MeetingSheet({ association, userId, rules, members, borrowers, correcting, onDone, onCancel }: MeetingSheetProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const locale = currentLanguage();
  const plain = (minor: number | string) => formatAmount(String(minor), association.currency, locale, { symbol: false });
  // A meeting being typed is kept on this laptop as it is typed, so a power cut or a
  // closed window loses nothing; it is dropped once the meeting is closed.
  const draftKey = meetingDraftKey(association.id, userId);
  const [draft] = useState(() => (correcting ? null : readDraft(draftKey, members)));
  const [date, setDate] = useState(correcting?.date ?? draft?.date ?? today());
  const [rows, setRows] = useState<SheetRow[]>(() =>
    draft ? draft.rows : correcting
      ? correcting.rows.map((r) => ({
          memberId: r.memberId, memberNo: r.memberNo, name: r.name, attendance: r.attendance, shares: String(r.shares),
          savings: rules.savingMode === 'savings' && r.savings !== '0' ? plain(r.savings) : '',
          socialFund: r.socialFund !== '0' ? plain(r.socialFund) : '', fineLate: r.fineLate !== '0' ? plain(r.fineLate) : '',
          fineAbsent: r.fineAbsent !== '0' ? plain(r.fineAbsent) : '', fineOther: r.fineOther !== '0' ? plain(r.fineOther) : '', loanRepayment: '',
        }))
      : members.map((m) => defaultRow(m, rules, plain)),
  );
  const [counted, setCounted] = useState(draft?.counted ?? { box: '', bank: '', reason: '' });
  useEffect(() => {
    if (!correcting) localStorage.setItem(draftKey, JSON.stringify({ date, rows, counted }));
  }, [correcting, draftKey, date, rows, counted]);
  const [reason, setReason] = useState('');
  const [secondPerson, setSecondPerson] = useState<SecondPerson>(NO_SECOND_PERSON);
  const [opening, setOpening] = useState<{ box: string; bank: string } | null>(null);
  const grid = useRef<HTMLTableElement>(null);
  const countedBox = useRef<HTMLDivElement>(null);

  // The cash position before the meeting, for the count.
  useEffect(() => {
    if (correcting || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    let live = true;
    void Promise.all([
      call('account-balance-get', { associationId: association.id, account: '1010', asOf: date }),
      call('account-balance-get', { associationId: association.id, account: '1020', asOf: date }),
    ]).then(([box, bank]) => {
      if (live && box.ok && bank.ok) setOpening({ box: box.value.balance, bank: bank.value.balance });
    });
    return () => {
      live = false;
    };
  }, [association.id, date, correcting]);

  const lending = !correcting && borrowers.size > 0;
  const columns: readonly (keyof SheetRow)[] = [
    'attendance', rules.savingMode === 'shares' ? 'shares' : 'savings', 'socialFund', 'fineLate', 'fineAbsent', 'fineOther', ...(lending ? (['loanRepayment'] as const) : []),
  ];
  const totals = useMemo(() => sheetTotals(rows, rules, association.currency, locale), [rows, rules, association.currency, locale]);

  const update = (index: number, change: (row: SheetRow) => SheetRow) => setRows((all) => all.map((r, i) => (i === index ? change(r) : r)));

  /** Arrows, Enter: move like a spreadsheet. */
  function onCellKey(e: KeyboardEvent<HTMLElement>, row: number, col: number) {
    const move: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], Enter: [1, 0] };
    const input = e.currentTarget as HTMLInputElement;
    const atStart = input.tagName === 'SELECT' || input.selectionStart === 0;
    const atEnd = input.tagName === 'SELECT' || input.selectionEnd === input.value.length;
    if (e.key === 'ArrowLeft' && atStart) move.ArrowLeft = [0, -1];
    if (e.key === 'ArrowRight' && atEnd) move.ArrowRight = [0, 1];
    // Ctrl+Enter, or Enter on the last row: on to the cash count.
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || row === rows.length - 1) && !correcting) {
      e.preventDefault();
      countedBox.current?.querySelector('input')?.focus();
      return;
    }
    const step = move[e.key];
    if (!step || e.altKey) return;
    e.preventDefault();
    const target = grid.current?.querySelector<HTMLElement>(`[data-cell="${row + step[0]}-${col + step[1]}"]`);
    target?.focus();
  }

  // A new sheet opens on its first cell: the keyboard starts typing at once.
  useEffect(() => {
    if (!correcting) grid.current?.querySelector<HTMLElement>('[data-cell="0-0"]')?.focus();
  }, [correcting]);

  async function close() {
    const payload = rows.map((r) => ({
      memberId: r.memberId, attendance: r.attendance,
      ...(rules.savingMode === 'shares' ? { shares: r.shares.trim() === '' ? 0 : /^\d+$/.test(r.shares.trim()) ? Number(r.shares.trim()) : Number.NaN } : { savings: r.savings }),
      socialFund: r.socialFund, fineLate: r.fineLate, fineAbsent: r.fineAbsent, fineOther: r.fineOther,
      ...(r.loanRepayment.trim() ? { loanRepayment: r.loanRepayment } : {}),
    }));
    const done = correcting
      ? await command.run('meeting-correct', { associationId: association.id, meetingId: correcting.id, reason, rows: payload, confirmation: secondPerson })
      : await command.run('meeting-close', { associationId: association.id, date, rows: payload, cashCount: { box: counted.box, bank: counted.bank.trim() || undefined, reason: counted.reason } });
    // The confirmer's PIN is never kept once it has been sent.
    if (correcting) setSecondPerson((p) => ({ ...p, pin: '' }));
    if (!done) return;
    if (!correcting) localStorage.removeItem(draftKey);
    onDone(done);
  }

  function discard() {
    if (!correcting) localStorage.removeItem(draftKey);
    onCancel();
  }

  // A server error about a cell: which row and column it concerns.
  const cellError = Object.keys(command.fieldErrors).find((f) => f.startsWith('rows.'));
  const [, errorRow, errorCol] = cellError ? cellError.split('.') : [];
  const expectedBox = opening ? cashExpected(opening.box, totals.total) : null;
  const difference = expectedBox !== null && counted.box.trim() !== '' ? cashDifference(counted.box, expectedBox, association.currency, locale) : null;

  const actions = (
    <div className="actions actions--stack">
      <button type="submit" className="button" disabled={command.busy}>
        {correcting ? t('meeting.saveCorrection') : t('meeting.close')}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>{correcting ? t('common.cancel') : t('meeting.later')}</button>
      {correcting ? null : <button type="button" className="button button--secondary button--danger-quiet" onClick={discard}>{t('meeting.discard')}</button>}
    </div>
  );

  // One screen: the sheet scrolls inside its frame (its header and totals stay), and the
  // cash count with the buttons stays beside it — everything a treasurer needs in view.
  return (
    <section aria-labelledby="sheet-title" className="sheet-page">
      <div className="sheet-page__head">
        <h1 id="sheet-title">{correcting ? t('meeting.correctTitle', { date: correcting.date }) : t('meeting.newTitle')}</h1>
        {correcting ? null : <DateField legend={t('meeting.date')} name="date" value={date} onChange={setDate} error={command.fieldErrors.date} required />}
      </div>
      {association.practice && !correcting ? <p className="muted practice-hint">{t('practice.sheetHint')}</p> : null}
      {correcting && correcting.totals.loanRepayment !== '0' ? (
        <p className="notice" data-testid="repayments-kept">{t('meeting.repaymentsKept', { amount: money(correcting.totals.loanRepayment, association.currency) })}</p>
      ) : null}
      {cellError ? (
        <p className="form-error" role="alert">
          {rows[Number(errorRow)]?.name}: {command.fieldErrors[cellError]}
        </p>
      ) : null}
      <div className="sheet-page__body">
        <div className="table-wrap sheet-wrap" tabIndex={-1}>
          <table className="table sheet" ref={grid}>
            <caption className="visually-hidden">{t('meeting.sheet')}</caption>
            <thead>
              <tr>
                <th scope="col" className="sheet__no">{t('meeting.numberShort')}</th>
                <th scope="col">{t('members.fullName')}</th>
                <th scope="col" className="sheet__attendance"><abbr title={t('meeting.attendance')}>{t('meeting.attendanceShort')}</abbr></th>
                <th scope="col" className="sheet__amount">{rules.savingMode === 'shares' ? t('meeting.shares', { price: money(String(rules.sharePrice), association.currency) }) : t('meeting.savings')}</th>
                <th scope="col" className="sheet__amount">{t('meeting.socialFund')}</th>
                <th scope="col" className="sheet__amount">{t('meeting.fineLate')}</th>
                <th scope="col" className="sheet__amount">{t('meeting.fineAbsent')}</th>
                <th scope="col" className="sheet__amount">{t('meeting.fineOther')}</th>
                {lending ? <th scope="col" className="sheet__amount">{t('meeting.loanRepayment')}</th> : null}
                <th scope="col" className="num">{t('meeting.total')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, r) => (
                <tr key={row.memberId} className={row.attendance === 'absent' ? 'is-exited' : ''}>
                  <td className="sheet__no">{row.memberNo}</td>
                  <th scope="row" className="sheet__name" title={row.name}>{row.name}</th>
                  {columns.map((col, c) => {
                    const label = `${row.name}: ${t(`meeting.column.${col}`)}`;
                    const invalid = errorRow === String(r) && (errorCol === col || (col === 'attendance' && errorCol === 'memberId'));
                    if (col === 'attendance') {
                      return (
                        <td key={col} className="sheet__attendance">
                          <select data-cell={`${r}-${c}`} aria-label={label} aria-invalid={invalid || undefined} value={row.attendance} title={t(`meeting.${row.attendance}`)}
                            onKeyDown={(e) => onCellKey(e, r, c)}
                            onChange={(e) => update(r, (x) => withAttendance(x, e.target.value as Attendance, rules, plain))}>
                            <option value="present" aria-label={t('meeting.present')}>{t('meeting.presentLetter')}</option>
                            <option value="absent" aria-label={t('meeting.absent')}>{t('meeting.absentLetter')}</option>
                            <option value="represented" aria-label={t('meeting.represented')}>{t('meeting.representedLetter')}</option>
                          </select>
                        </td>
                      );
                    }
                    if (col === 'loanRepayment' && !borrowers.has(row.memberId)) return <td key={col} />;
                    return (
                      <td key={col}>
                        <input data-cell={`${r}-${c}`} aria-label={label} aria-invalid={invalid || undefined} inputMode="numeric" className="cell"
                          value={row[col] as string}
                          onFocus={(e) => e.currentTarget.select()}
                          onKeyDown={(e) => onCellKey(e, r, c)}
                          onChange={(e) => update(r, (x) => ({ ...x, [col]: e.target.value }))} />
                      </td>
                    );
                  })}
                  <td className="num">{(() => {
                    const total = rowTotal(row, rules, association.currency, locale);
                    return total === null ? '?' : plain(total);
                  })()}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>{t('meeting.totals')}</th>
                <td className="num">{rules.savingMode === 'shares' ? totals.shares : plain(totals.columns.savings)}</td>
                <td className="num">{plain(totals.columns.socialFund)}</td>
                <td className="num">{plain(totals.columns.fineLate)}</td>
                <td className="num">{plain(totals.columns.fineAbsent)}</td>
                <td className="num">{plain(totals.columns.fineOther)}</td>
                {lending ? <td className="num">{plain(totals.columns.loanRepayment)}</td> : null}
                <td className="num" data-testid="sheet-total">{money(totals.total, association.currency)}</td>
              </tr>
            </tfoot>
          </table>
        </div>

        <form
          className="sheet-cash" aria-labelledby="cash-title" noValidate
          onSubmit={(e) => {
            // Enter in the counted amount closes the meeting, as the button does.
            e.preventDefault();
            void close();
          }}
        >
          {correcting ? (
            <>
              <TextField label={t('meeting.correctionReason')} name="reason" value={reason} onChange={setReason} error={command.fieldErrors.reason} required autoFocus />
              <SecondPersonFields associationId={association.id} currentUserId={userId} value={secondPerson} onChange={setSecondPerson} fieldErrors={command.fieldErrors} />
            </>
          ) : (
            <>
              <h2 id="cash-title">{t('meeting.cashCount')}</h2>
              <dl className="cash-count">
                <div><dt>{t('meeting.opening')}</dt><dd>{opening ? money(opening.box, association.currency) : '…'}</dd></div>
                <div><dt>{t('meeting.moneyIn')}</dt><dd>{money(totals.total, association.currency)}</dd></div>
                <div><dt>{t('meeting.expected')}</dt><dd data-testid="expected-box">{expectedBox !== null ? money(expectedBox, association.currency) : '…'}</dd></div>
              </dl>
              <div ref={countedBox}>
                <MoneyField label={t('meeting.countedBox')} name="cashCount.box" value={counted.box} onChange={(v) => setCounted((c) => ({ ...c, box: v }))} error={command.fieldErrors['cashCount.box']} required currency={currencySymbol(association.currency)} />
              </div>
              {difference !== null && difference !== '0' ? (
                <p className="form-error" role="status" data-testid="difference">
                  {difference.startsWith('-') ? t('meeting.short', { amount: money(difference.slice(1), association.currency) }) : t('meeting.over', { amount: money(difference, association.currency) })}
                </p>
              ) : null}
              {difference !== null && difference !== '0' ? (
                <TextField label={t('meeting.differenceReason')} name="cashCount.reason" value={counted.reason} onChange={(v) => setCounted((c) => ({ ...c, reason: v }))} error={command.fieldErrors['cashCount.reason']} />
              ) : null}
              <MoneyField label={t('meeting.countedBank')} name="cashCount.bank" value={counted.bank} onChange={(v) => setCounted((c) => ({ ...c, bank: v }))} error={command.fieldErrors['cashCount.bank']} hint={opening ? t('meeting.bankBooks', { amount: money(opening.bank, association.currency) }) : undefined} currency={currencySymbol(association.currency)} />
            </>
          )}
          <FormError message={command.errorOutside(['date', 'reason', 'confirmation', 'confirmation.*', 'cashCount.box', 'cashCount.bank', 'cashCount.reason', ...Object.keys(command.fieldErrors).filter((f) => f.startsWith('rows.'))])} />
          {actions}
          <p className="muted sheet-page__hint">{t('meeting.keyboardHint')} {t('meeting.attendanceLetters')} {t('meeting.toCashHint')}</p>
        </form>
      </div>
    </section>
  );
}
