// An export as it runs and once it ends: progress, then the rows written and what disclosure
// control did (k reached, rows generalised or suppressed, cells shown as <threshold), and Download.
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApiError, ExportJob } from '../../../api/contract';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { formatNumber } from '../../../components/charts/format';
import { errorText } from '../../../components/errors';
import { downloadExport } from './download';
import { ProgressBar } from './ProgressBar';
import { serverText } from '../../../i18n/server-messages';

export function disclosureFacts(t: TFunction, job: ExportJob): [string, string][] {
  const d = job.disclosure ?? {};
  const facts: [string, string][] = [[t('exportsScreen.rows'), job.rows === null ? '—' : formatNumber(job.rows)]];
  const num = (key: string) => (typeof d[key] === 'number' ? formatNumber(d[key] as number) : null);
  if ('k' in d) facts.push([t('exportsScreen.kReached'), d.k === null ? t('exportsScreen.noRows') : t('exportsScreen.kOf', { k: num('k'), target: num('targetK') ?? '—' })]);
  if ('generalised' in d) facts.push([t('exportsScreen.generalised'), num('generalised') ?? '0']);
  if ('suppressed' in d) facts.push([t('exportsScreen.suppressedRows'), num('suppressed') ?? '0']);
  if ('suppressedCells' in d) facts.push([t('exportsScreen.suppressedCells'), t('exportsScreen.suppressedCellsValue', { count: Number(d.suppressedCells ?? 0), threshold: num('threshold') ?? '5' })]);
  return facts;
}

export function JobPanel({ job, autoDownloaded }: { job: ExportJob; autoDownloaded?: boolean }) {
  const { t } = useTranslation();
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const kind = t(`exportsScreen.kinds.${job.kind}`);

  if (job.state === 'running') {
    return (
      <div className="job-panel">
        <ProgressBar label={t('exportsScreen.running', { kind })} value={job.progress} text={serverText(job.message ?? undefined)} />
      </div>
    );
  }
  if (job.state === 'failed') {
    return (
      <div className="job-panel">
        <Alert tone="error">{t('exportsScreen.failed', { error: serverText(job.error ?? '') })}</Alert>
      </div>
    );
  }
  const download = async () => {
    setDownloading(true);
    setError(null);
    setError(await downloadExport(job.id));
    setDownloading(false);
  };
  return (
    <div className="job-panel">
      <Alert tone="success">{autoDownloaded ? t('exportsScreen.doneDownloaded', { file: job.fileName ?? '' }) : t('exportsScreen.done', { file: job.fileName ?? '' })}</Alert>
      <dl className="facts facts-compact job-facts">
        {disclosureFacts(t, job).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}
      <div className="form-actions">
        <Button variant="primary" busy={downloading} busyLabel={t('exportsScreen.downloading')} onClick={() => void download()}>
          {t('exportsScreen.download', { file: job.fileName ?? '' })}
        </Button>
      </div>
    </div>
  );
}
