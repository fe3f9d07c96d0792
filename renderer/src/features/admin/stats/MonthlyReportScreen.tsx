// Admin → Monthly report: the MHPSS activity report for a period (individual, family, group and
// community interventions and the people reached, by sex × age, population group and nationality),
// small cells shown as <threshold. Printable (its own print styles) and exportable as XLSX or CSV.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ExportJob, MonthlyReport } from '../../../api/contract';
import { useProcedure } from '../../../api/useProcedure';
import { useSession } from '../../../app/session';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { formatNumber } from '../../../components/charts/format';
import { errorText } from '../../../components/errors';
import { TextField } from '../../../components/Field';
import { formatDateTime, formatDay } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { countryName } from '../../reception/reference';
import '../admin.css';
import { downloadExport } from '../exports/download';
import { JobPanel } from '../exports/JobPanel';
import { useExportJob } from '../exports/useExportJob';
import { periodProblem, presetPeriod, type Period } from './period';
import { PeriodPicker } from './PeriodPicker';

const MAX_DAYS = 366;
type Cell = MonthlyReport['categories'][number]['people'];
type Category = MonthlyReport['categories'][number];

function parseThreshold(text: string): number | null {
  if (!/^\d{1,2}$/.test(text.trim())) return null;
  const n = Number(text);
  return n >= 2 && n <= 11 ? n : null;
}

function CellValue({ cell, threshold }: { cell: Cell; threshold: number }) {
  if (!cell.suppressed) return <>{formatNumber(cell.value)}</>;
  return <span className="cell-suppressed">{`<${threshold}`}</span>;
}

export function MonthlyReportScreen() {
  const { t } = useTranslation();
  const { auth } = useSession();
  const [period, setPeriod] = useState<Period>(() => presetPeriod('lastMonth'));
  const [thresholdText, setThresholdText] = useState('5');
  const [downloadError, setDownloadError] = useState<ApiError | null>(null);
  const threshold = parseThreshold(thresholdText);
  const valid = threshold !== null && periodProblem(period, MAX_DAYS) === null;
  const exportJob = useExportJob((job: ExportJob) => {
    if (job.state === 'done') void downloadExport(job.id).then(setDownloadError);
  });

  const { value: report, error, loading } = useProcedure('stats.monthlyReport', valid && threshold !== null ? { from: period.from, to: period.to, threshold } : null);

  const exportAs = (format: 'xlsx' | 'csv') => {
    if (!valid || threshold === null) return;
    setDownloadError(null);
    void exportJob.start({ kind: 'monthly_report', format, from: period.from, to: period.to, threshold });
  };
  const running = exportJob.job?.state === 'running' || exportJob.starting;

  return (
    <>
      <PageHeader
        title={t('report.title')}
        intro={t('report.intro')}
        actions={
          <Button onClick={() => window.print()} disabled={!report}>
            {t('report.print')}
          </Button>
        }
      />
      <form className="filters report-filters no-print" aria-label={t('report.filters')} onSubmit={(event) => event.preventDefault()}>
        <PeriodPicker value={period} onChange={setPeriod} maxDays={MAX_DAYS} />
        <TextField
          type="number"
          inputMode="numeric"
          min={2}
          max={11}
          label={t('report.threshold')}
          hint={t('report.thresholdHint')}
          value={thresholdText}
          onChange={(event) => setThresholdText(event.target.value)}
          error={threshold === null ? t('report.thresholdError') : undefined}
        />
        <div className="filters-actions">
          <Button variant="primary" disabled={!valid || running} onClick={() => exportAs('xlsx')}>
            {t('report.exportXlsx')}
          </Button>
          <Button disabled={!valid || running} onClick={() => exportAs('csv')}>
            {t('report.exportCsv')}
          </Button>
        </div>
      </form>
      <div className="no-print">
        {exportJob.error ? <Alert tone="error">{errorText(t, exportJob.error)}</Alert> : null}
        {downloadError ? <Alert tone="error">{errorText(t, downloadError)}</Alert> : null}
        {exportJob.job ? <JobPanel job={exportJob.job} autoDownloaded /> : null}
      </div>
      <p className="muted no-print" role="status" aria-live="polite">
        {loading ? t('stats.computing') : ''}
      </p>
      {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}
      {report ? <ReportView report={report} printedBy={auth.user.displayName} /> : null}
    </>
  );
}

function ReportView({ report, printedBy }: { report: MonthlyReport; printedBy: string }) {
  const { t } = useTranslation();
  const th = report.threshold;
  return (
    <article className="report" aria-labelledby="report-heading">
      <header className="report-header">
        <h2 id="report-heading">{t('report.heading', { from: formatDay(report.period.from), to: formatDay(report.period.to) })}</h2>
        <p className="muted">{t('report.printedBy', { name: printedBy, at: formatDateTime(new Date().toISOString()) })}</p>
      </header>
      <div className="table-wrap">
        <table className="data-table report-table">
          <caption>{t('report.summaryCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.category')}</th>
              <th scope="col" className="cell-num">
                {t('report.interventions')}
              </th>
              <th scope="col" className="cell-num">
                {t('report.peopleReached')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.categories.map((c) => (
              <tr key={c.category} data-category={c.category}>
                <th scope="row">{t(`report.categories.${c.category}`)}</th>
                <td className="cell-num">{formatNumber(c.interventions)}</td>
                <td className="cell-num">
                  <CellValue cell={c.people} threshold={th} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.categories.map((c) => (
        <CategorySection key={c.category} category={c} threshold={th} />
      ))}
      <p className="report-footnote">{t('report.footnote', { threshold: th })}</p>
    </article>
  );
}

function CategorySection({ category: c, threshold }: { category: Category; threshold: number }) {
  const { t, i18n } = useTranslation();
  const name = t(`report.categories.${c.category}`);
  const table = c.bySexAge;
  const sexLabel = (code: string) => t(`codes.sex.${code as 'F' | 'M' | 'I'}`, { defaultValue: code });
  const groupLabel = (code: string) => t(`codes.populationGroup.${code as 'in_destination'}`, { defaultValue: code });
  const nationalityLabel = (code: string) => (code === 'other' ? t('report.otherNationality') : countryName(code, i18n.language));
  const headingId = `report-${c.category}`;
  return (
    <section className="report-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <p className="report-section-facts">
        {t('report.categoryFacts', { count: c.interventions, interventions: formatNumber(c.interventions) })}{' '}
        <CellValue cell={c.people} threshold={threshold} /> {t('report.peopleWord')}
      </p>
      <div className="table-wrap">
        <table className="data-table report-table">
          <caption>{t('report.bySexAge', { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.sex')}</th>
              {table.columnLabels.map((band) => (
                <th key={band} scope="col" className="cell-num">
                  {t('stats.ageBand', { band })}
                </th>
              ))}
              <th scope="col" className="cell-num">
                {t('report.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {table.rowLabels.map((row, r) => (
              <tr key={row}>
                <th scope="row">{sexLabel(row)}</th>
                {table.cells[r]!.map((cell, k) => (
                  <td key={table.columnLabels[k]} className="cell-num">
                    <CellValue cell={cell} threshold={threshold} />
                  </td>
                ))}
                <td className="cell-num cell-strong">
                  <CellValue cell={table.rowTotals[r]!} threshold={threshold} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('report.total')}</th>
              {table.columnTotals.map((cell, k) => (
                <td key={table.columnLabels[k]} className="cell-num">
                  <CellValue cell={cell} threshold={threshold} />
                </td>
              ))}
              <td className="cell-num">
                <CellValue cell={table.grandTotal} threshold={threshold} />
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="report-lists">
        <ListTable caption={t('report.byPopulationGroup', { name })} header={t('report.populationGroup')} list={c.byPopulationGroup} label={groupLabel} threshold={threshold} />
        {c.byNationality ? <ListTable caption={t('report.byNationality', { name })} header={t('report.nationality')} list={c.byNationality} label={nationalityLabel} threshold={threshold} /> : null}
      </div>
    </section>
  );
}

function ListTable({
  caption,
  header,
  list,
  label,
  threshold,
}: {
  caption: string;
  header: string;
  list: Category['byPopulationGroup'];
  label: (code: string) => string;
  threshold: number;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data-table report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{header}</th>
            <th scope="col" className="cell-num">
              {t('report.people')}
            </th>
          </tr>
        </thead>
        <tbody>
          {list.labels.map((code, i) => (
            <tr key={code}>
              <th scope="row">{label(code)}</th>
              <td className="cell-num">
                <CellValue cell={list.cells[i]!} threshold={threshold} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('report.total')}</th>
            <td className="cell-num">
              <CellValue cell={list.total} threshold={threshold} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
