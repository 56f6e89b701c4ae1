// Home's pictures: the savings and loan fund over the cycle, loans by how late they
// are, and the herd by kind. Black on white: bars with their figures written on them,
// and lines told apart by their dashes and markers, readable in black and white and
// on paper.

import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AssociationView, FundOverCycle, LoanView } from '../../../electron/server/contract';
import { fundSeries, loansByLateness } from '../home-charts';
import { date } from '../format';

const INK = '#1a1f24';

export function HomeCharts({ association, loans, herd, fund }: {
  readonly association: AssociationView;
  readonly loans: readonly LoanView[];
  readonly herd: readonly { species: string; heads: number }[];
  readonly fund: FundOverCycle | null;
}) {
  const { t, i18n } = useTranslation();
  const lateness = loansByLateness(loans, association.currency).map((b) => ({ ...b, label: t(`homeCharts.${b.key}`) }));
  const kinds = herd.map((k) => ({ label: t(`livestock.speciesPlural.${k.species}`), heads: k.heads }));
  const number = (v: unknown) => Number(v).toLocaleString(i18n.language);
  const fundPoints = fund ? fundSeries(fund.points, association.currency) : [];
  return (
    <div className="home-charts">
      {fund?.cycle && fundPoints.length > 1 ? (
        <figure className="home-chart home-chart--wide" aria-labelledby="chart-fund-title" data-testid="chart-fund">
          <figcaption id="chart-fund-title">{t('homeCharts.fundTitle', { cycle: fund.cycle.name, currency: association.currency })}</figcaption>
          <ResponsiveContainer width="100%" height={220}>
            <LineChart data={fundPoints} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
              <CartesianGrid stroke="#c9d0cc" strokeDasharray="2 4" />
              <XAxis dataKey="day" stroke={INK} />
              <YAxis stroke={INK} tickFormatter={number} width={80} />
              <Tooltip formatter={(v) => number(v)} labelFormatter={(_, items) => date(String(items?.[0]?.payload?.date ?? ''))} />
              <Legend itemSorter={null} />
              <Line dataKey="savings" legendType="plainline" name={t('homeCharts.savings')} stroke={INK} strokeWidth={2} dot={{ r: 3, fill: INK }} isAnimationActive={false} />
              <Line dataKey="lentOut" legendType="plainline" name={t('homeCharts.lentOut')} stroke={INK} strokeWidth={2} strokeDasharray="6 4" dot={{ r: 4, fill: '#fff' }} isAnimationActive={false} />
              <Line dataKey="cash" legendType="plainline" name={t('homeCharts.cash')} stroke={INK} strokeWidth={1.5} strokeDasharray="2 3" dot={{ r: 3, fill: '#fff', strokeDasharray: '' }} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </figure>
      ) : null}
      {lateness.some((b) => b.loans > 0) ? (
        <figure className="home-chart" aria-labelledby="chart-loans-title" data-testid="chart-loans">
          <figcaption id="chart-loans-title">{t('homeCharts.loansTitle', { currency: association.currency })}</figcaption>
          <ResponsiveContainer width="100%" height={200}>
            <BarChart data={lateness} margin={{ top: 18, right: 8, bottom: 4, left: 8 }}>
              <CartesianGrid stroke="#c9d0cc" strokeDasharray="2 4" vertical={false} />
              <XAxis dataKey="label" stroke={INK} interval={0} tick={{ fontSize: 12 }} />
              <YAxis stroke={INK} tickFormatter={number} width={70} />
              <Bar dataKey="outstanding" fill={INK} isAnimationActive={false}>
                <LabelList dataKey="loans" position="top" fill={INK} formatter={(v) => t('homeCharts.loans', { count: Number(v) })} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </figure>
      ) : null}
      {kinds.length > 0 ? (
        <figure className="home-chart" aria-labelledby="chart-herd-title" data-testid="chart-herd">
          <figcaption id="chart-herd-title">{t('homeCharts.herdTitle')}</figcaption>
          <ResponsiveContainer width="100%" height={200}>
            <BarChart data={kinds} margin={{ top: 18, right: 8, bottom: 4, left: 8 }}>
              <CartesianGrid stroke="#c9d0cc" strokeDasharray="2 4" vertical={false} />
              <XAxis dataKey="label" stroke={INK} interval={0} />
              <YAxis stroke={INK} allowDecimals={false} width={40} />
              <Bar dataKey="heads" fill={INK} isAnimationActive={false}>
                <LabelList dataKey="heads" position="top" fill={INK} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </figure>
      ) : null}
    </div>
  );
}
