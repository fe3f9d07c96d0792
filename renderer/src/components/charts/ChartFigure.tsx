// The frame every chart shares: a caption, the SVG (role="img" with a spoken summary) and the same
// numbers as a table behind "ver como tabla", so the chart never holds anything the table does not.
import { useId, type ReactNode } from 'react';
import './charts.css';

export interface ChartFigureProps {
  title: string;
  /** What a screen reader hears instead of the drawing: the numbers in words. */
  summary: string;
  /** The "see as table" disclosure text. */
  tableToggle: string;
  table: ReactNode;
  width: number;
  height: number;
  children: ReactNode;
  className?: string;
  /** Extra content under the caption (a legend, a toggle). */
  toolbar?: ReactNode;
}

export function ChartFigure({ title, summary, tableToggle, table, width, height, children, className, toolbar }: ChartFigureProps) {
  const titleId = useId();
  return (
    <figure className={['chart-figure', className].filter(Boolean).join(' ')}>
      <figcaption id={titleId} className="chart-figure-title">
        {title}
      </figcaption>
      {toolbar}
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} aria-describedby={titleId} preserveAspectRatio="xMidYMid meet">
        {children}
      </svg>
      <details className="chart-figure-table">
        <summary>{tableToggle}</summary>
        {table}
      </details>
    </figure>
  );
}
