// One animal: what it is, who paid for it, who has kept it, its offspring and every
// event — and, for those who keep the books, what can happen next.

import { useTranslation } from 'react-i18next';
import type { AnimalHistory, AnimalNode, AssociationView } from '../../../../electron/server/contract';
import { useQuery } from '../../hooks';
import { date, money } from '../../format';
import { AnimalTree, describeAnimal } from '../../components/AnimalTree';
import { AnimalActions } from './AnimalActions';
import { memberLabel } from '../../herd-view';

interface Props {
  readonly association: AssociationView;
  readonly animalId: string;
  readonly canRecord: boolean;
  readonly onOpen: (animalId: string) => void;
  readonly onBack: () => void;
  readonly backLabel: string;
}

export function AnimalDetail({ association, animalId, canRecord, onOpen, onBack, backLabel }: Props) {
  const { t } = useTranslation();
  const { data: animal, reload } = useQuery('livestock-get', { associationId: association.id, animalId }, [association.id, animalId]);
  const m = (minor: string) => money(minor, association.currency);
  if (!animal) return <p className="muted">{t('common.loading')}</p>;
  return (
    <section aria-labelledby="animal-title">
      <h1 id="animal-title">{t('livestock.animalTitle', { tag: animal.tag })}</h1>
      <p>
        {describeAnimal(t, animal)} · <span className={`badge badge--${animal.status}`}>{t(`livestock.status.${animal.status}`)}</span>
        {animal.endedOn ? ` ${date(animal.endedOn)}` : ''}
      </p>
      <dl className="facts">
        <div><dt>{t('livestock.keeper')}</dt><dd data-testid="animal-keeper">{memberLabel(t, animal.keeperName, animal.keeperNo)}{animal.keeperPhone ? ` · ${t('livestock.phone', { phone: animal.keeperPhone })}` : ''}</dd></div>
        <div>
          <dt>{t('livestock.origin')}</dt>
          <dd>
            {animal.origin === 'purchase' ? t('livestock.boughtOn', { date: date(animal.acquiredOn), cost: m(animal.cost) })
              : animal.origin === 'opening' ? t('livestock.ownedOn', { date: date(animal.acquiredOn), cost: m(animal.cost) })
              : t('livestock.bornOn', { date: date(animal.acquiredOn) })}
            {animal.motherId ? <> · {t('livestock.mother')}: <button type="button" className="link" onClick={() => onOpen(animal.motherId!)}>{animal.motherTag}</button></> : null}
          </dd>
        </div>
        <div>
          <dt>{t('livestock.funding')}</dt>
          <dd>{animal.funding.map((f) => (f.label ?? t('fund.group')) + (animal.origin !== 'birth' ? ` (${m(f.cost)})` : '')).join(' · ')}</dd>
        </div>
        {animal.saleProceeds ? <div><dt>{t('livestock.soldFor')}</dt><dd>{m(animal.saleProceeds)}</dd></div> : null}
        {animal.deathCause ? <div><dt>{t('livestock.cause')}</dt><dd>{animal.deathCause}</dd></div> : null}
      </dl>
      {/* The animal's own pass-on chain, drawn as a tree: its keepers in turn, its offspring under it. */}
      <h2>{t('livestock.chain')}</h2>
      <div data-testid="offspring">
        <AnimalTree nodes={[chainOf(animal)]} label={t('livestock.chain')} onOpen={(id) => id !== animal.id && onOpen(id)} />
      </div>
      <h2>{t('livestock.history')}</h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('livestock.date')}</th>
              <th scope="col">{t('livestock.what')}</th>
              <th scope="col">{t('livestock.details')}</th>
              <th scope="col" className="num">{t('livestock.amount')}</th>
              <th scope="col">{t('livestock.recordedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {animal.events.map((e, i) => (
              <tr key={i}>
                <td>{date(e.date)}</td>
                <td>{t(`livestock.event.${e.kind}`)}</td>
                <td>{eventDetails(t, e)}</td>
                <td className="num">{e.amount ? m(e.amount) : ''}</td>
                <td>{e.by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canRecord && animal.status === 'alive' && !association.readOnly ? <AnimalActions association={association} animal={animal} onDone={reload} /> : null}
      <div className="actions actions--start no-print">
        <button type="button" className="button button--secondary" onClick={onBack}>{backLabel}</button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>{t('common.print')}</button>
      </div>
    </section>
  );
}

/** The animal as the root of a small tree: its offspring under it (their own young are a click away). */
function chainOf(animal: AnimalHistory): AnimalNode {
  return { ...animal, children: animal.offspring.map((o) => ({ ...o, keepers: [], children: [] })) };
}

function eventDetails(t: (key: string, options?: Record<string, unknown>) => string, e: AnimalHistory['events'][number]): string {
  switch (e.kind) {
    case 'purchase':
    case 'opening':
    case 'birth':
      return e.toName ? t('livestock.keptBy', { name: memberLabel(t, e.toName, e.toNo) }) : '';
    case 'transfer':
    case 'pass_on':
      return [t('livestock.fromTo', { from: memberLabel(t, e.fromName, e.fromNo), to: memberLabel(t, e.toName, e.toNo) }), e.note].filter(Boolean).join(' — ');
    case 'offspring':
      return e.relatedTag ?? '';
    default:
      return e.note ?? '';
  }
}
