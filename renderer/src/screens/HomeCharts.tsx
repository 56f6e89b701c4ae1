// Home's pictures: loans by how late they are, and the herd by kind. Black bars with
// their figures written on them: readable in black and white and on paper.

import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { AssociationView, LoanView } from '../../../electron/server/contract';
import { loansByLateness } from '../home-charts';

const INK = '#1a1f24';

export function HomeCharts({ association, loans, herd }: {
  readonly association: AssociationView;
  readonly loans: readonly LoanView[];
  readonly herd: readonly { species: string; heads: number }[];
}) {
  const { t, i18n } = useTranslation();
  const lateness = loansByLateness(loans, association.currency).map((b) => ({ ...b, label: t(`homeCharts.${b.key}`) }));
  const kinds = herd.map((k) => ({ label: t(`livestock.speciesPlural.${k.species}`), heads: k.heads }));
  const number = (v: unknown) => Number(v).toLocaleString(i18n.language);
  return (
    <div className="home-charts">
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
