// Admin → Exports: choose what to export (monthly report, R4V 5W, de-identified rows), the format,
// the period and the disclosure settings; follow the job; see what disclosure control did; download.
// Lists the exports this host made in the last hour.
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { EXPORT_KINDS, type ApiError, type ExportJob, type ExportKind } from '../../../api/contract';
import { call } from '../../../api/client';
import { useNavigate } from '../../../app/navigation';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { DataTable, type Column } from '../../../components/DataTable';
import { formatNumber } from '../../../components/charts/format';
import { errorText } from '../../../components/errors';
import { SelectField, TextField } from '../../../components/Field';
import { formatDateTime, formatDay } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import '../admin.css';
import { periodProblem, presetPeriod, type Period } from '../stats/period';
import { PeriodPicker } from '../stats/PeriodPicker';
import { downloadExport } from './download';
import { JobPanel } from './JobPanel';
import { useExportJob } from './useExportJob';

const MAX_DAYS = 366;
const DEIDENTIFIED: readonly ExportKind[] = ['deidentified_sessions', 'deidentified_patient_months'];

interface Draft {
  kind: ExportKind;
  format: 'xlsx' | 'csv';
  threshold: string;
  k: string;
  exportKey: string;
}

function intIn(text: string, min: number, max: number): number | null {
  if (!/^\d{1,3}$/.test(text.trim())) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

export function ExportsScreen() {
  const { t } = useTranslation();
  const go = useNavigate();
  const [draft, setDraft] = useState<Draft>({ kind: 'monthly_report', format: 'xlsx', threshold: '5', k: '5', exportKey: '' });
  const [period, setPeriod] = useState<Period>(() => presetPeriod('lastMonth'));
  const [jobs, setJobs] = useState<ExportJob[] | null>(null);
  const [listError, setListError] = useState<ApiError | null>(null);
  const [r4vConfigured, setR4vConfigured] = useState<boolean | null>(null);
  const [submitted, setSubmitted] = useState(false);

  const refreshList = useCallback(() => {
    void call('exports.list', {}).then((result) => {
      if (result.ok) {
        setJobs(result.value.jobs);
        setListError(null);
      } else setListError(result.error);
    });
  }, []);
  const exportJob = useExportJob(refreshList);

  useEffect(() => {
    refreshList();
    void call('exports.r4vConfig', {}).then((result) => {
      if (result.ok) setR4vConfigured(result.value.config !== null);
    });
  }, [refreshList]);

  const deidentified = DEIDENTIFIED.includes(draft.kind);
  const threshold = intIn(draft.threshold, 2, 11);
  const k = intIn(draft.k, 5, 50);
  const keyProblem = draft.exportKey !== '' && draft.exportKey.length < 12;
  const periodIssue = periodProblem(period, MAX_DAYS);
  const problems = {
    threshold: !deidentified && threshold === null ? t('report.thresholdError') : undefined,
    k: deidentified && k === null ? t('exportsScreen.kError') : undefined,
    exportKey: deidentified && keyProblem ? t('exportsScreen.exportKeyError') : undefined,
  };
  const valid = periodIssue === null && !problems.threshold && !problems.k && !problems.exportKey;
  const running = exportJob.starting || exportJob.job?.state === 'running';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!valid) return;
    await exportJob.start({
      kind: draft.kind,
      format: draft.format,
      from: period.from,
      to: period.to,
      ...(deidentified ? { k: k ?? 5, ...(draft.exportKey ? { exportKey: draft.exportKey } : {}) } : { threshold: threshold ?? 5 }),
    });
    refreshList();
  };
  const set = (key: keyof Draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });

  const needsR4v = exportJob.error?.code === 'conflict' && draft.kind === 'r4v_5w' && r4vConfigured === false;
  const columns = useMemo(() => jobColumns(t), [t]);

  return (
    <>
      <PageHeader
        title={t('exportsScreen.title')}
        intro={t('exportsScreen.intro')}
        actions={<Button onClick={() => go({ page: 'r4vSettings' })}>{t('exportsScreen.r4vSettings')}</Button>}
      />
      <form className="card form export-form" noValidate onSubmit={(event) => void submit(event)} aria-label={t('exportsScreen.formLabel')}>
        <div className="form-grid">
          <SelectField label={t('exportsScreen.kind')} value={draft.kind} onChange={set('kind')} hint={t(`exportsScreen.kindHints.${draft.kind}`)}>
            {EXPORT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`exportsScreen.kinds.${kind}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('exportsScreen.format')} value={draft.format} onChange={set('format')}>
            <option value="xlsx">{t('exportsScreen.formats.xlsx')}</option>
            <option value="csv">{t('exportsScreen.formats.csv')}</option>
          </SelectField>
        </div>
        {draft.kind === 'r4v_5w' && r4vConfigured === false ? (
          <Alert tone="warning">
            {t('exportsScreen.r4vNotConfigured')}{' '}
            <Button variant="link" onClick={() => go({ page: 'r4vSettings' })}>
              {t('exportsScreen.configureR4v')}
            </Button>
          </Alert>
        ) : null}
        <PeriodPicker value={period} onChange={setPeriod} maxDays={MAX_DAYS} />
        <fieldset>
          <legend>{t('exportsScreen.disclosure')}</legend>
          {deidentified ? (
            <div className="form-grid">
              <TextField type="number" inputMode="numeric" min={5} max={50} label={t('exportsScreen.k')} hint={t('exportsScreen.kHint')} value={draft.k} onChange={set('k')} error={problems.k} />
              <TextField
                type="password"
                autoComplete="off"
                label={t('exportsScreen.exportKey')}
                hint={t('exportsScreen.exportKeyHint')}
                value={draft.exportKey}
                onChange={set('exportKey')}
                error={submitted || draft.exportKey.length >= 12 ? problems.exportKey : undefined}
              />
            </div>
          ) : (
            <div className="form-grid">
              <TextField type="number" inputMode="numeric" min={2} max={11} label={t('report.threshold')} hint={t('report.thresholdHint')} value={draft.threshold} onChange={set('threshold')} error={problems.threshold} />
            </div>
          )}
        </fieldset>
        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={running} busy={exportJob.starting} busyLabel={t('exportsScreen.starting')}>
            {t('exportsScreen.start')}
          </Button>
        </div>
      </form>

      <section className="section" aria-labelledby="export-current" aria-live="polite">
        <h2 id="export-current">{t('exportsScreen.current')}</h2>
        {exportJob.error ? (
          <Alert tone="error">
            {exportJob.error.code === 'conflict' && !needsR4v ? `${t('exportsScreen.conflict')} ` : ''}
            {errorText(t, exportJob.error)}
            {needsR4v ? (
              <>
                {' '}
                <Button variant="link" onClick={() => go({ page: 'r4vSettings' })}>
                  {t('exportsScreen.configureR4v')}
                </Button>
              </>
            ) : null}
          </Alert>
        ) : null}
        {exportJob.job ? <JobPanel job={exportJob.job} /> : exportJob.error ? null : <p className="muted">{t('exportsScreen.idle')}</p>}
      </section>

      <section className="section" aria-labelledby="export-list">
        <h2 id="export-list">{t('exportsScreen.recent')}</h2>
        <p className="muted">{t('exportsScreen.recentIntro')}</p>
        {listError ? <Alert tone="error">{errorText(t, listError)}</Alert> : null}
        {jobs ? <DataTable caption={t('exportsScreen.recent')} columns={columns} rows={jobs} rowKey={(job) => job.id} empty={t('exportsScreen.none')} /> : null}
      </section>
    </>
  );
}

function DownloadCell({ job }: { job: ExportJob }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (job.state !== 'done') return null;
  return (
    <>
      <Button
        busy={busy}
        busyLabel={t('exportsScreen.downloading')}
        aria-label={t('exportsScreen.downloadRow', { file: job.fileName ?? '' })}
        onClick={() => {
          setBusy(true);
          void downloadExport(job.id).then((problem) => {
            setBusy(false);
            setError(problem);
          });
        }}
      >
        {t('exportsScreen.downloadShort')}
      </Button>
      {error ? <span className="field-error">{errorText(t, error)}</span> : null}
    </>
  );
}

const STATE_BADGE = { running: 'badge-info', done: 'badge-ok', failed: 'badge-danger' } as const;

function jobColumns(t: TFunction): Column<ExportJob>[] {
  return [
    { id: 'startedAt', header: t('exportsScreen.startedAt'), cell: (job) => formatDateTime(job.startedAt), className: 'cell-nowrap' },
    {
      id: 'kind',
      header: t('exportsScreen.kind'),
      cell: (job) => (
        <>
          {t(`exportsScreen.kinds.${job.kind}`)}
          <span className="cell-sub">{job.format.toUpperCase()}</span>
        </>
      ),
    },
    { id: 'period', header: t('stats.period'), cell: (job) => `${formatDay(job.period.from)} – ${formatDay(job.period.to)}` },
    { id: 'by', header: t('exportsScreen.startedBy'), cell: (job) => job.startedByName },
    {
      id: 'state',
      header: t('exportsScreen.state'),
      cell: (job) => <span className={`badge ${STATE_BADGE[job.state]}`}>{t(`exportsScreen.states.${job.state}`)}</span>,
    },
    { id: 'rows', header: t('exportsScreen.rows'), cell: (job) => (job.rows === null ? '—' : formatNumber(job.rows)), className: 'cell-num' },
    { id: 'download', header: t('exportsScreen.file'), cell: (job) => <DownloadCell job={job} />, className: 'cell-nowrap' },
  ];
}
