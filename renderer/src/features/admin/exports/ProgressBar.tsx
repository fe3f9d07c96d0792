// A determinate progress bar (role="progressbar", 0–100) with its label visible above it.
import { useId } from 'react';

export function ProgressBar({ label, value, text }: { label: string; value: number; text?: string }) {
  const id = useId();
  const percent = Math.round(Math.min(Math.max(value, 0), 1) * 100);
  return (
    <div className="progress">
      <div className="progress-label">
        <span id={id}>{label}</span>
        <span className="muted">{text ? `${text} · ${percent} %` : `${percent} %`}</span>
      </div>
      <div className="progress-track" role="progressbar" aria-labelledby={id} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={text ? `${percent} % · ${text}` : `${percent} %`}>
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
