// The livestock register: the herd today (or every animal the group ever had), the
// pass-on tree, buying an animal, and each animal's history.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, WhoIsSignedIn } from '../../../../electron/server/contract';
import { useCommand, useQuery } from '../../hooks';
import { date, money, today } from '../../format';
import { AnimalTree, describeAnimal } from '../../components/AnimalTree';
import { DateField, SelectField } from '../../components/fields';
import { AnimalDetail } from './AnimalDetail';
import { BuyAnimalForm } from './BuyAnimalForm';
import { PassOnQueue } from './PassOnQueue';
import { ExportButtons } from '../../components/ExportButtons';
import { HERD_FILTERS, inFilter, memberLabel, type HerdFilter } from '../../herd-view';

type View = { kind: 'herd' } | { kind: 'tree' } | { kind: 'queue' } | { kind: 'buy' } | { kind: 'animal'; animalId: string; from: 'herd' | 'tree' };

export function Livestock({ association, who }: { readonly association: AssociationView; readonly who: WhoIsSignedIn }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ kind: 'herd' });
  const [filter, setFilter] = useState<HerdFilter>('alive');
  const [asOf, setAsOf] = useState(today());
  const dated = /^\d{4}-\d{2}-\d{2}$/.test(asOf);
  const { data: register, reload, error } = useQuery('livestock-list', dated ? { associationId: association.id, asOf } : null, [association.id, view, asOf]);
  const { data: tree } = useQuery('livestock-tree', view.kind === 'tree' && dated ? { associationId: association.id, asOf } : null, [association.id, view, asOf]);
  const rule = useCommand();
  const canRecord = who.can.record && !association.readOnly;

  if (view.kind === 'buy') {
    return <BuyAnimalForm association={association} onCancel={() => setView({ kind: 'herd' })} onBought={(a) => setView({ kind: 'animal', animalId: a.id, from: 'herd' })} />;
  }
  if (view.kind === 'animal') {
    return (
      <AnimalDetail association={association} animalId={view.animalId} canRecord={canRecord} backLabel={t('livestock.backToRegister')}
        onOpen={(animalId) => setView({ kind: 'animal', animalId, from: view.from })} onBack={() => setView({ kind: view.from })} />
    );
  }
  const animals = register?.animals ?? [];
  const shown = animals.filter((a) => inFilter(filter, a));

  return (
    <section aria-labelledby="livestock-title">
      <div className="section-head">
        <h1 id="livestock-title">{t('nav.livestock')}</h1>
        {canRecord ? <button type="button" className="button no-print" onClick={() => setView({ kind: 'buy' })}>{t('livestock.buy')}</button> : null}
      </div>
      <div className="tabs no-print" role="group" aria-label={t('livestock.views')}>
        <button type="button" className={`tab${view.kind === 'herd' ? ' tab--current' : ''}`} aria-pressed={view.kind === 'herd'} onClick={() => setView({ kind: 'herd' })}>{t('livestock.register')}</button>
        <button type="button" className={`tab${view.kind === 'tree' ? ' tab--current' : ''}`} aria-pressed={view.kind === 'tree'} onClick={() => setView({ kind: 'tree' })}>{t('livestock.tree')}</button>
        <button type="button" className={`tab${view.kind === 'queue' ? ' tab--current' : ''}`} aria-pressed={view.kind === 'queue'} onClick={() => setView({ kind: 'queue' })}>{t('queue.title')}</button>
      </div>
      {view.kind !== 'queue' ? (
        <div className="no-print">
          <DateField legend={t('grant.asOf')} name="asOf" value={asOf} onChange={setAsOf} error={error ?? undefined} />
        </div>
      ) : null}
      {view.kind !== 'queue' && register ? <p className="print-only">{t('grant.asOfDate', { date: date(register.asOf) })}</p> : null}
      {view.kind === 'herd' && register ? <ExportButtons request={{ associationId: association.id, kind: 'livestock-register', asOf: register.asOf }} suggestedName={`${t('nav.livestock')} ${register.asOf}`} /> : null}
      {view.kind === 'queue' ? <PassOnQueue association={association} canRecord={canRecord} /> : view.kind === 'tree' ? (
        <>
          <p className="muted">{t('livestock.treeHint')}</p>
          {tree && tree.roots.length === 0 ? <p className="empty">{t('livestock.none')}</p> : null}
          {tree ? <AnimalTree nodes={tree.roots} label={t('livestock.tree')} onOpen={(animalId) => setView({ kind: 'animal', animalId, from: 'tree' })} /> : null}
        </>
      ) : (
        <>
          <dl className="cards indicators">
            {(register?.headsBySpecies ?? []).map((s) => (
              <div className="card" key={s.species}>
                <dt>{t(`livestock.speciesPlural.${s.species}`)}</dt>
                <dd data-testid={`herd-${s.species}`}>{s.heads}</dd>
              </div>
            ))}
          </dl>
          {register ? (
            <p className={register.costHeld === register.costInJournal ? 'ok' : 'late'} data-testid="herd-reconciles">
              {register.costHeld === register.costInJournal
                ? t('livestock.costMatches', { cost: money(register.costHeld, association.currency) })
                : t('livestock.costDiffers', { cost: money(register.costHeld, association.currency), journal: money(register.costInJournal, association.currency) })}
            </p>
          ) : null}
          {/* Where the animals are: alive, passed on, sold, died — each with how many, so the reader sees what else there is. */}
          <div className="no-print">
            <SelectField label={t('livestock.show')} name="herdFilter" value={filter} onChange={(v) => setFilter(HERD_FILTERS.find((f) => f === v) ?? 'alive')}
              options={HERD_FILTERS.map((f) => ({ value: f, label: t(`livestock.filter.${f}`, { n: animals.filter((a) => inFilter(f, a)).length }) }))} />
          </div>
          {register ? <p className="print-only">{t('livestock.show')}: {t(`livestock.filter.${filter}`, { n: shown.length })}</p> : null}
          {register && shown.length === 0 ? <p className="empty">{t('livestock.none')}</p> : null}
          {shown.length > 0 ? (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('livestock.register')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('livestock.tag')}</th>
                    <th scope="col">{t('livestock.animal')}</th>
                    <th scope="col">{t('livestock.keeper')}</th>
                    <th scope="col">{t('livestock.statusLabel')}</th>
                    <th scope="col">{t('livestock.since')}</th>
                    <th scope="col">{t('livestock.funding')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((a) => (
                    <tr key={a.id}>
                      <th scope="row"><button type="button" className="link" onClick={() => setView({ kind: 'animal', animalId: a.id, from: 'herd' })}>{a.tag}</button></th>
                      <td>{describeAnimal(t, a)}</td>
                      <td data-testid={`keeper-${a.tag}`}>
                        {memberLabel(t, a.keeperName, a.keeperNo)}
                        {a.keeperPhone ? <span className="cell-note">{t('livestock.phone', { phone: a.keeperPhone })}</span> : null}
                      </td>
                      <td data-testid={`where-${a.tag}`}><span className={`badge badge--${a.status}`}>{t(`livestock.status.${a.status}`)}</span>{a.passedOn ? ` · ${t('livestock.passedOn')}` : ''}</td>
                      <td>{date(a.endedOn ?? a.acquiredOn)}</td>
                      <td>{a.funding.map((f) => f.label ?? t('fund.group')).join(' + ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {register ? (
            who.can.manageUsers && !association.readOnly ? (
              <div className="settings-form no-print">
                <SelectField label={t('livestock.passOnRule')} name="passOn" value={register.passOn} error={rule.fieldErrors.passOn}
                  options={(['first_female_offspring', 'animal_itself'] as const).map((r) => ({ value: r, label: t(`livestock.rule.${r}`) }))}
                  onChange={(v) => void rule.run('livestock-rules-set', { associationId: association.id, passOn: v === 'animal_itself' ? 'animal_itself' : 'first_female_offspring' }).then(reload)} />
              </div>
            ) : <p className="muted">{t('livestock.passOnRule')}: {t(`livestock.rule.${register.passOn}`)}</p>
          ) : null}
        </>
      )}
    </section>
  );
}
