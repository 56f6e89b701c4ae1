// The programme at a glance, for a quarter: its totals (each indicator named and
// defined), the trend quarter by quarter, and every group — rolled up by a place, a
// project or a facilitator — with the flags of those needing a visit. Everything is
// read from the programme's summary (programme-view), never from the journal.

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencyCode } from '../../../../electron/server/money/currency';
import { call, ledger } from '../../api';
import { useErrorText, useQuery } from '../../hooks';
import { SelectField, TextField } from '../../components/fields';
import { chartPoints, flagged, GROUPINGS, groupingLabelKey, KIND, tableLines, type Grouping } from '../../programme-view';
import { indicatorsOf } from '../../../../electron/server/programme/measures';
import { ProgrammeCharts } from './ProgrammeCharts';
import { ProgrammeTable } from './ProgrammeTable';
import { IndicatorText } from './IndicatorText';
import { GroupNote } from './GroupNote';
import type { ProgrammeGroupRow } from '../../../../electron/server/contract';

/** The totals shown as cards, in this order. */
const CARDS = ['groups', 'members', 'womenShare', 'attendanceRate', 'savings', 'loansOutstandingValue', 'par30', 'returnOnSavings', 'grantsUnspent', 'animalsAlive'] as const;

export function ProgrammeOverview({ changes, onOpenGroup }: { readonly changes: number; readonly onOpenGroup: (groupId: string) => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [currency, setCurrency] = useState<string>('');
  const [quarter, setQuarter] = useState<string>('');
  const [grouping, setGrouping] = useState<Grouping>('district');
  const [threshold, setThreshold] = useState('10');
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [noting, setNoting] = useState<ProgrammeGroupRow | null>(null);
  const validThreshold = /^\d{1,2}(\.\d)?$/.test(threshold.trim()) ? threshold.trim() : undefined;
  const view = useQuery('programme-view', {
    ...(currency ? { currency: currency as CurrencyCode } : {}), ...(quarter ? { quarter } : {}), ...(validThreshold ? { parThreshold: validThreshold } : {}),
  }, [currency, quarter, validThreshold, changes]);
  const definitions = useQuery('programme-definitions', {}, [i18n.language]);
  const v = view.data;
  const defs = definitions.data ?? [];
  const shownGroups = useMemo(() => (v ? (onlyFlagged ? flagged(v.groups) : v.groups) : []), [v, onlyFlagged]);
  const lines = useMemo(() => tableLines(shownGroups, grouping), [shownGroups, grouping]);
  const points = useMemo(() => (v ? chartPoints(v) : []), [v]);

  async function exportAs(format: 'csv' | 'xlsx' | 'pdf' | 'parquet') {
    setNotice(null);
    const folder = await ledger.chooseBackupFolder();
    if (!folder || !v?.currency) return;
    const r = await call('programme-export', { format, folder: folder.token, currency: v.currency, ...(v.quarter ? { quarter: v.quarter } : {}) });
    setNotice(r.ok ? t('programme.exported', { file: r.value.file, rows: r.value.rows }) : errorText(r.error));
  }

  async function rebuild() {
    setNotice(null);
    const r = await call('programme-rebuild', {});
    setNotice(r.ok ? t('programme.rebuilt', { groups: r.value.groups, quarters: r.value.quarters }) : errorText(r.error));
    view.reload();
  }

  if (view.error) return <p className="form-error" role="alert">{view.error}</p>;
  if (!v) return <p>{t('programme.loading')}</p>;
  if (!v.currency || v.quarters.length === 0) return <p data-testid="programme-empty">{t('programme.noGroupsYet')}</p>;
  const code = v.currency as CurrencyCode;
  const totals = v.trend.find((p) => p.quarter === v.quarter);
  const totalValues = totals ? indicatorsOf(totals.figures) : null;
  const needVisit = flagged(v.groups).length;
  const name = (id: string) => defs.find((d) => d.id === id)?.name ?? id;
  const definition = (id: string) => defs.find((d) => d.id === id)?.definition;

  return (
    <>
      <div className="programme__controls no-print">
        {v.currencies.length > 1 ? (
          <SelectField
            label={t('programme.currency')} name="currency" value={v.currency} onChange={setCurrency}
            options={v.currencies.map((c) => ({ value: c.code, label: t('programme.currencyGroups', { code: c.code, count: c.groups }) }))}
          />
        ) : null}
        <SelectField label={t('programme.quarter')} name="quarter" value={v.quarter ?? ''} onChange={setQuarter} options={[...v.quarters].reverse().map((q) => ({ value: q, label: q }))} />
        <SelectField
          label={t('programme.groupBy')} name="grouping" value={grouping} onChange={(g) => setGrouping(g as Grouping)}
          options={GROUPINGS.map((g) => ({ value: g, label: t(groupingLabelKey(g, v.groups)) }))}
        />
        <TextField
          label={t('programme.parThreshold')} name="parThreshold" value={threshold} onChange={setThreshold} maxLength={4}
          error={validThreshold ? undefined : t('programme-threshold-invalid', { ns: 'errors' })}
        />
      </div>
      <section aria-labelledby="totals-title">
        <h2 id="totals-title">{t('programme.totalsTitle', { quarter: v.quarter, currency: code })}</h2>
        {totalValues ? (
          <dl className="cards programme__cards">
            {CARDS.map((id) => (
              <div className="card" key={id} data-indicator={id}>
                <dt><abbr title={definition(id)}>{name(id)}</abbr></dt>
                <dd><IndicatorText value={totalValues[id]} kind={KIND[id]} currency={code} /></dd>
              </div>
            ))}
          </dl>
        ) : null}
        <p className="programme__visit">
          <button type="button" className="link" aria-pressed={onlyFlagged} onClick={() => setOnlyFlagged(!onlyFlagged)} data-testid="need-visit">
            {onlyFlagged ? t('programme.showAll') : t('programme.needVisit', { count: needVisit })}
          </button>
        </p>
      </section>
      <section aria-labelledby="trend-title">
        <h2 id="trend-title">{t('programme.trendTitle')}</h2>
        <ProgrammeCharts points={points} currency={code} definitions={defs} onQuarter={setQuarter} />
      </section>
      <section aria-labelledby="table-title">
        <h2 id="table-title">{t('programme.tableTitle', { count: shownGroups.length })}</h2>
        <ProgrammeTable lines={lines} currency={code} definitions={defs} onOpenGroup={onOpenGroup} onNote={setNoting} />
      </section>
      <section aria-labelledby="definitions-title">
        <details>
          <summary id="definitions-title">{t('programme.definitionsTitle')}</summary>
          <dl className="programme__definitions">
            {defs.map((d) => (
              <div key={d.id}><dt>{d.name}</dt><dd>{d.definition}</dd></div>
            ))}
          </dl>
        </details>
        <div className="actions actions--start no-print" role="group" aria-label={t('programme.exportTitle')}>
          <button type="button" className="button button--secondary button--small" onClick={() => void exportAs('pdf')}>{t('programme.exportPdf', { quarter: v.quarter })}</button>
          <button type="button" className="button button--secondary button--small" onClick={() => void exportAs('xlsx')}>{t('programme.exportXlsx')}</button>
          <button type="button" className="button button--secondary button--small" onClick={() => void exportAs('csv')}>{t('programme.exportCsv')}</button>
          <button type="button" className="button button--secondary button--small" onClick={() => void exportAs('parquet')}>{t('programme.exportParquet')}</button>
          <button type="button" className="button button--secondary button--small" onClick={() => void rebuild()}>{t('programme.rebuild')}</button>
        </div>
        {notice ? <p className="notice" role="status">{notice}</p> : null}
      </section>
      {noting ? (
        <GroupNote
          group={noting} onClose={() => setNoting(null)}
          onDone={() => {
            setNoting(null);
            view.reload();
          }}
        />
      ) : null}
    </>
  );
}
