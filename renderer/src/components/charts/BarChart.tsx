// Horizontal bars, one per category, with the value written at the end of each bar; the same
// numbers as a table. Used for counts (sessions, people), so the axis starts at zero.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure } from './ChartFigure';
import { formatNumber, niceMax } from './format';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
}

// Each category is a label line with its bar below, so long names ("Migrante con vocación de
// permanencia") never need cutting; the drawing is about as wide as it is shown, so text stays legible.
const W = 480;
const ROW = 44;
const LABEL = 17;
const BAR = 16;
const PAD = { left: 4, top: 6, right: 48, bottom: 24 };

export interface BarChartProps {
  title: string;
  data: readonly BarDatum[];
  /** Column header of the values in the table ("Sesiones", "Personas"). */
  valueLabel: string;
  /** Column header of the categories in the table. */
  categoryLabel: string;
  toolbar?: ReactNode;
}

export function BarChart({ title, data, valueLabel, categoryLabel, toolbar }: BarChartProps) {
  const { t } = useTranslation();
  const total = data.reduce((sum, d) => sum + d.value, 0);
  const labelWidth = PAD.left;
  const plotW = W - labelWidth - PAD.right;
  const height = PAD.top + Math.max(data.length, 1) * ROW + PAD.bottom;
  const max = niceMax(Math.max(0, ...data.map((d) => d.value)));
  const x = (v: number) => labelWidth + (v / max) * plotW;
  const ticks = [0, max / 2, max].filter((v) => Number.isInteger(v));
  const summary =
    data.length === 0 || total === 0
      ? t('charts.emptySummary', { title })
      : t('charts.barSummary', { title, items: data.map((d) => `${d.label} ${formatNumber(d.value)}`).join('; '), total: formatNumber(total) });

  return (
    <ChartFigure
      title={title}
      summary={summary}
      tableToggle={t('charts.asTable')}
      width={W}
      height={height}
      toolbar={toolbar}
      table={
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryLabel}</th>
              <th scope="col" className="cell-num">
                {valueLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.key}>
                <th scope="row">{d.label}</th>
                <td className="cell-num">{formatNumber(d.value)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('charts.total')}</th>
              <td className="cell-num">{formatNumber(total)}</td>
            </tr>
          </tfoot>
        </table>
      }
    >
      {ticks.map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={PAD.top} y2={height - PAD.bottom} className="chart-grid-line" />
          <text x={x(v)} y={height - 8} textAnchor="middle" className="chart-tick">
            {formatNumber(v)}
          </text>
        </g>
      ))}
      {data.length === 0 ? (
        <text x={W / 2} y={PAD.top + ROW / 2 + 4} textAnchor="middle" className="chart-tick">
          {t('charts.noData')}
        </text>
      ) : null}
      {data.map((d, i) => {
        const top = PAD.top + i * ROW + LABEL + 4;
        return (
          <g key={d.key}>
            <text x={labelWidth} y={PAD.top + i * ROW + LABEL - 3} className="chart-label">
              {d.label}
            </text>
            <rect x={labelWidth} y={top} width={Math.max(x(d.value) - labelWidth, d.value > 0 ? 2 : 0)} height={BAR} rx={3} className="chart-bar">
              <title>{`${d.label}: ${formatNumber(d.value)}`}</title>
            </rect>
            <text x={x(d.value) + 6} y={top + BAR / 2 + 4} className="chart-value">
              {formatNumber(d.value)}
            </text>
          </g>
        );
      })}
      <line x1={labelWidth} x2={labelWidth} y1={PAD.top} y2={height - PAD.bottom} className="chart-axis" />
    </ChartFigure>
  );
}
