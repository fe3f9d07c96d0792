// One instrument's scores over time as a small SVG line chart: the band thresholds as shaded ranges
// and dashed lines, one point per signed session. Screen readers get a summary (aria-label) and a
// table with every score.
import { useTranslation } from 'react-i18next';
import type { Band, InstrumentId } from '../../../api/contract';
import { ChartFigure } from '../../../components/charts/ChartFigure';
import { formatDay } from '../../../components/format';
import { bandTone, useBandLabel } from './BandBadge';

export interface ScorePoint {
  sessionId: number;
  at: string;
  total: number | null;
  band: string;
}

/** Where each band starts (the first band starts at the minimum), per ../shared/reference/instruments.md. */
export const BAND_STARTS: Partial<Record<InstrumentId, { first: Band; from: { at: number; band: Band }[] }>> = {
  phq9: { first: 'minimal', from: [{ at: 5, band: 'mild' }, { at: 10, band: 'moderate' }, { at: 15, band: 'moderately_severe' }, { at: 20, band: 'severe' }] },
  gad7: { first: 'minimal', from: [{ at: 5, band: 'mild' }, { at: 10, band: 'moderate' }, { at: 15, band: 'severe' }] },
  who5: { first: 'likely_depression', from: [{ at: 8, band: 'poor' }, { at: 13, band: 'adequate' }] },
  k10: { first: 'low', from: [{ at: 16, band: 'moderate' }, { at: 22, band: 'high' }, { at: 30, band: 'very_high' }] },
  pcl5: { first: 'below_threshold', from: [{ at: 33, band: 'probable_ptsd' }] },
};

const W = 640;
const H = 240;
const PAD = { left: 40, right: 150, top: 14, bottom: 34 };

export function ScoreChart({ instrument, name, min, max, points }: { instrument: InstrumentId; name: string; min: number; max: number; points: ScorePoint[] }) {
  const { t } = useTranslation();
  const bandLabel = useBandLabel();
  const scored = points.filter((p): p is ScorePoint & { total: number } => p.total !== null);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - ((v - min) / (max - min)) * plotH;
  const x = (i: number) => PAD.left + (scored.length === 1 ? plotW / 2 : (i / (scored.length - 1)) * plotW);
  const bands = BAND_STARTS[instrument];
  const ranges = bands
    ? [{ at: min, band: bands.first }, ...bands.from].map((b, i, all) => ({ band: b.band, from: b.at, to: i + 1 < all.length ? all[i + 1]!.at : max + 1 }))
    : [];
  const day = (iso: string) => formatDay(iso.slice(0, 10), 'medium') ?? iso.slice(0, 10);
  const first = scored[0];
  const last = scored[scored.length - 1];
  const summary =
    first && last
      ? t('chart.summary', {
          name,
          count: scored.length,
          from: day(first.at),
          to: day(last.at),
          first: `${first.total} (${bandLabel(first.band, instrument)})`,
          last: `${last.total} (${bandLabel(last.band, instrument)})`,
        })
      : t('chart.noScores', { name });
  const ticks = [min, Math.round((min + max) / 2), max];

  return (
    <ChartFigure
      className="score-chart"
      title={name}
      summary={summary}
      tableToggle={t('chart.asTable', { name })}
      table={<ScoreTable instrument={instrument} name={name} points={points} />}
      width={W}
      height={H}
    >
      {ranges.map((r) => {
        // Scores are whole numbers: a band's edge sits half a point below its first score.
        const top = y(r.to > max ? max : r.to - 0.5);
        const bottom = y(r.from === min ? min : r.from - 0.5);
        return (
          <g key={r.band}>
            <rect x={PAD.left} y={top} width={plotW} height={Math.max(bottom - top, 0)} className={`chart-band chart-band-${bandTone(r.band)}`} />
            <text x={PAD.left + plotW + 8} y={(top + bottom) / 2 + 4} className="chart-band-label">
              {bandLabel(r.band, instrument)} ({r.from}–{Math.min(r.to - 1, max)})
            </text>
            {r.from !== min ? <line x1={PAD.left} x2={PAD.left + plotW} y1={bottom} y2={bottom} className="chart-threshold" /> : null}
          </g>
        );
      })}
      <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + plotH} className="chart-axis" />
      <line x1={PAD.left} x2={PAD.left + plotW} y1={PAD.top + plotH} y2={PAD.top + plotH} className="chart-axis" />
      {ticks.map((v) => (
        <text key={v} x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="chart-tick">
          {v}
        </text>
      ))}
      {scored.length > 1 ? <polyline points={scored.map((p, i) => `${x(i)},${y(p.total)}`).join(' ')} className="chart-line" /> : null}
      {scored.map((p, i) => (
        <g key={p.sessionId}>
          <circle cx={x(i)} cy={y(p.total)} r={5} className="chart-point">
            <title>{`${day(p.at)}: ${p.total} (${bandLabel(p.band, instrument)})`}</title>
          </circle>
          <text x={x(i)} y={y(p.total) - 9} textAnchor="middle" className="chart-value">
            {p.total}
          </text>
          {scored.length <= 8 || i === 0 || i === scored.length - 1 ? (
            <text x={x(i)} y={H - 10} textAnchor="middle" className="chart-tick">
              {formatDay(p.at.slice(0, 10), 'medium')}
            </text>
          ) : null}
        </g>
      ))}
    </ChartFigure>
  );
}

export function ScoreTable({ instrument, name, points }: { instrument: InstrumentId; name: string; points: ScorePoint[] }) {
  const { t } = useTranslation();
  const bandLabel = useBandLabel();
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('chart.tableCaption', { name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('chart.date')}</th>
          <th scope="col" className="cell-num">
            {t('chart.score')}
          </th>
          <th scope="col">{t('chart.band')}</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.sessionId}>
            <td>{formatDay(p.at.slice(0, 10))}</td>
            <td className="cell-num">{p.total ?? t('common.none')}</td>
            <td>{bandLabel(p.band, instrument)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
