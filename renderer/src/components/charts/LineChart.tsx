// Several series over the same ordered categories (months), each with its own colour, dash and
// marker so they stay apart without colour; a legend above and the numbers as a table.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure } from './ChartFigure';
import { formatNumber, niceMax } from './format';

export interface LineSeries {
  key: string;
  label: string;
  values: readonly number[];
}

const W = 900;
const H = 280;
const PAD = { left: 48, right: 20, top: 16, bottom: 36 };
const STYLES = ['chart-series-1', 'chart-series-2', 'chart-series-3', 'chart-series-4'];

export interface LineChartProps {
  title: string;
  /** Category names along the x axis, in order (months). */
  categories: readonly string[];
  /** Header of the category column in the table. */
  categoryLabel: string;
  series: readonly LineSeries[];
}

function Marker({ index, cx, cy, children }: { index: number; cx: number; cy: number; children: ReactNode }) {
  const shape = index % 3;
  if (shape === 0) return <circle cx={cx} cy={cy} r={4.5} className="chart-marker">{children}</circle>;
  if (shape === 1) return <rect x={cx - 4} y={cy - 4} width={8} height={8} className="chart-marker">{children}</rect>;
  return <path d={`M ${cx} ${cy - 5.5} L ${cx + 5} ${cy + 4} L ${cx - 5} ${cy + 4} Z`} className="chart-marker">{children}</path>;
}

export function LineChart({ title, categories, categoryLabel, series }: LineChartProps) {
  const { t } = useTranslation();
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const x = (i: number) => PAD.left + (categories.length <= 1 ? plotW / 2 : (i / (categories.length - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max].filter((v) => Number.isInteger(v));
  const labelEvery = Math.max(1, Math.ceil(categories.length / 12));
  const summary =
    categories.length === 0
      ? t('charts.emptySummary', { title })
      : t('charts.lineSummary', {
          title,
          from: categories[0],
          to: categories[categories.length - 1],
          items: series.map((s) => `${s.label}: ${s.values.map(formatNumber).join(', ')}`).join('; '),
        });

  return (
    <ChartFigure
      title={title}
      summary={summary}
      tableToggle={t('charts.asTable')}
      width={W}
      height={H}
      toolbar={
        <ul className="chart-legend" aria-hidden="true">
          {series.map((s, i) => (
            <li key={s.key}>
              <svg width="28" height="12" viewBox="0 0 28 12" className={STYLES[i % STYLES.length]}>
                <line x1="0" x2="28" y1="6" y2="6" className="chart-series-line" />
                <Marker index={i} cx={14} cy={6}>
                  {null}
                </Marker>
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      }
      table={
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryLabel}</th>
              {series.map((s) => (
                <th key={s.key} scope="col" className="cell-num">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((c, i) => (
              <tr key={c}>
                <th scope="row">{c}</th>
                {series.map((s) => (
                  <td key={s.key} className="cell-num">
                    {formatNumber(s.values[i] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {ticks.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={PAD.left + plotW} y1={y(v)} y2={y(v)} className="chart-grid-line" />
          <text x={PAD.left - 8} y={y(v) + 4} textAnchor="end" className="chart-tick">
            {formatNumber(v)}
          </text>
        </g>
      ))}
      <line x1={PAD.left} x2={PAD.left + plotW} y1={PAD.top + plotH} y2={PAD.top + plotH} className="chart-axis" />
      {categories.map((c, i) =>
        i % labelEvery === 0 || i === categories.length - 1 ? (
          <text key={c} x={x(i)} y={H - 12} textAnchor="middle" className="chart-tick">
            {c}
          </text>
        ) : null,
      )}
      {series.map((s, k) => (
        <g key={s.key} className={STYLES[k % STYLES.length]}>
          {s.values.length > 1 ? <polyline points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')} className="chart-series-line" /> : null}
          {s.values.map((v, i) => (
            <Marker key={i} index={k} cx={x(i)} cy={y(v)}>
              <title>{`${s.label}, ${categories[i] ?? ''}: ${formatNumber(v)}`}</title>
            </Marker>
          ))}
        </g>
      ))}
    </ChartFigure>
  );
}
