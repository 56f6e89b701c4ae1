// Reports on screen: the cash book of the box or the bank, with its running
// balance; and the statements to hand out as PDF, Excel or CSV. The cash book runs
// in the order of the days money moved; the entry number (the order things were
// written in the books) is a reference beside it, so a late-written entry does not
// look out of place.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView } from '../../../electron/server/contract';
import { ChoiceField } from '../components/fields';
import { useQuery } from '../hooks';
import { date, money } from '../format';
import { Statements } from './Statements';

export function Reports({ association }: { readonly association: AssociationView }) {
  const { t } = useTranslation();
  const [account, setAccount] = useState<'box' | 'bank'>('box');
  const { data: book } = useQuery('cash-book-get', { associationId: association.id, account }, [association.id, account]);
  const m = (minor: string) => money(minor, association.currency);
  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">{t('cashBook.title')}</h1>
      <ChoiceField legend={t('cashBook.which')} name="account" value={account} onChange={(v) => setAccount(v as 'box' | 'bank')} options={[
        { value: 'box', label: t('home.cashBox') },
        { value: 'bank', label: t('home.bank') },
      ]} />
      {book ? <p className="muted">{t('cashBook.order')}</p> : null}
      {book ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('cashBook.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meeting.date')}</th>
                <th scope="col" className="num">{t('cashBook.entry')}</th>
                <th scope="col">{t('cashBook.what')}</th>
                <th scope="col" className="num">{t('cashBook.in')}</th>
                <th scope="col" className="num">{t('cashBook.out')}</th>
                <th scope="col" className="num">{t('cashBook.balance')}</th>
              </tr>
            </thead>
            <tbody>
              <tr><th scope="row" colSpan={5}>{t('cashBook.opening')}</th><td className="num">{m(book.opening)}</td></tr>
              {book.rows.map((r) => (
                <tr key={r.seq}>
                  <td className="nowrap">{date(r.date)}</td>
                  <td className="num muted">{r.seq}</td>
                  <th scope="row" className="plain">{r.memo}</th>
                  <td className="num">{r.moneyIn !== '0' ? m(r.moneyIn) : ''}</td>
                  <td className="num">{r.moneyOut !== '0' ? m(r.moneyOut) : ''}</td>
                  <td className="num">{m(r.balance)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr><th scope="row" colSpan={5}>{t('cashBook.closing')}</th><td className="num" data-testid="cash-book-closing">{m(book.closing)}</td></tr>
            </tfoot>
          </table>
        </div>
      ) : null}
      <Statements association={association} />
    </section>
  );
}
