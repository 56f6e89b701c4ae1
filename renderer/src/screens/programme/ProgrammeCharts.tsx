// The programme's trend, quarter by quarter: savings and loans outstanding, and the
// portfolio at risk beside attendance. Drawn to read in black and white and on paper:
// each line has its own dash and marker, and a legend names it. A quarter clicked on
// either chart becomes the page's quarter: its groups are the ones behind the point.

import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { IndicatorDefinition } from '../../../../electron/server/contract';
import type { chartPoints } from '../../programme-view';

interface ProgrammeChartsProps {
  readonly points: ReturnType<typeof chartPoints>;
  readonly currency: string;
  readonly definitions: readonly IndicatorDefinition[];
  /** A quarter clicked on a chart: the page shows that quarter's groups. */
  readonly onQuarter: (quarter: string) => void;
}

const INK = '#1a1f24';

export function ProgrammeCharts({ points, currency, definitions, onQuarter }: ProgrammeChartsProps) {
  const { t, i18n } = useTranslation();
  const name = (id: string) => definitions.find((d) => d.id === id)?.name ?? id;
  const number = (v: number) => v.toLocaleString(i18n.language, { maximumFractionDigits: 0 });
  const pick = (state: { activeLabel?: string | number | undefined } | null) => {
    if (state?.activeLabel !== undefined) onQuarter(String(state.activeLabel));
  };
  return (
    <div className="programme__charts">
      <figure className="programme__chart" aria-labelledby="chart-money-title">
        <figcaption id="chart-money-title">{t('programme.chartMoney', { currency })}</figcaption>
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} onClick={pick} className="programme__clickable">
            <CartesianGrid stroke="#c9d0cc" strokeDasharray="2 4" />
            <XAxis dataKey="quarter" stroke={INK} />
            <YAxis stroke={INK} tickFormatter={number} width={90} />
            <Tooltip formatter={(v) => number(Number(v))} />
            <Legend />
            <Line type="monotone" dataKey="savings" name={name('savings')} stroke={INK} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
            <Line type="monotone" dataKey="loans" name={name('loansOutstandingValue')} stroke={INK} strokeWidth={2} strokeDasharray="6 4" dot={{ r: 4, fill: '#fff' }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <figure className="programme__chart" aria-labelledby="chart-rates-title">
        <figcaption id="chart-rates-title">{t('programme.chartRates')}</figcaption>
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} onClick={pick} className="programme__clickable">
            <CartesianGrid stroke="#c9d0cc" strokeDasharray="2 4" />
            <XAxis dataKey="quarter" stroke={INK} />
            <YAxis stroke={INK} unit=" %" width={60} domain={[0, 100]} />
            <Tooltip formatter={(v) => `${Number(v).toLocaleString(i18n.language)} %`} />
            <Legend />
            <Line type="monotone" dataKey="attendance" name={name('attendanceRate')} stroke={INK} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
            <Line type="monotone" dataKey="par30" name={name('par30')} stroke={INK} strokeWidth={2} strokeDasharray="2 3" dot={{ r: 4, fill: '#fff' }} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
