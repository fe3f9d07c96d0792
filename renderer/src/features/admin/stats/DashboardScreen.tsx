// Admin → Statistics: for a period (and a service), the headline numbers, sessions and people
// disaggregated as the Ministry, donors and R4V ask, community reach, the months, and the change in
// PHQ-9, GAD-7 and WHO-5. Every chart is drawn from the same answer as the numbers beside it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICES, type Dashboard, type Service } from '../../../api/contract';
import { useProcedure } from '../../../api/useProcedure';
import { Alert } from '../../../components/Alert';
import { BarChart } from '../../../components/charts/BarChart';
import { formatNumber } from '../../../components/charts/format';
import { LineChart } from '../../../components/charts/LineChart';
import { errorText } from '../../../components/errors';
import { SelectField } from '../../../components/Field';
import { formatDay } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { currentLocale } from '../../../i18n/index';
import '../admin.css';
import { ageBandBars, ageGroupBars, formatBars, modalityBars, nationalityBars, populationBars, serviceBars, sexBars } from './labels';
import { monthLabel, periodProblem, presetPeriod, type Period } from './period';
import { PeriodPicker } from './PeriodPicker';
import { StatCards, type StatCard } from './StatCards';

const MAX_DAYS = 3 * 366;

export function DashboardScreen() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>(() => presetPeriod('thisMonth'));
  const [service, setService] = useState<Service | ''>('');
  const valid = periodProblem(period, MAX_DAYS) === null;
  const { value: data, error, loading } = useProcedure('stats.dashboard', valid ? { from: period.from, to: period.to, ...(service ? { service } : {}) } : null);

  return (
    <>
      <PageHeader title={t('stats.title')} intro={t('stats.intro')} />
      <form className="filters report-filters" aria-label={t('stats.filters')} onSubmit={(event) => event.preventDefault()}>
        <PeriodPicker value={period} onChange={setPeriod} maxDays={MAX_DAYS} />
        <SelectField label={t('stats.service')} value={service} onChange={(event) => setService(event.target.value as Service | '')}>
          <option value="">{t('stats.allServices')}</option>
          {SERVICES.map((s) => (
            <option key={s} value={s}>
              {t(`codes.service.${s}`)}
            </option>
          ))}
        </SelectField>
      </form>
      <p className="muted" role="status" aria-live="polite">
        {loading ? t('stats.computing') : data ? t('stats.shownFor', { from: formatDay(data.period.from), to: formatDay(data.period.to) }) : ''}
      </p>
      {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}
      {data ? <DashboardView data={data} busy={loading} /> : null}
    </>
  );
}

function percent(value: number | null): string {
  return value === null ? '—' : `${formatNumber(value * 100, 1)} %`;
}

function decimal(value: number | null): string {
  return value === null ? '—' : formatNumber(value, 1);
}

function DashboardView({ data, busy }: { data: Dashboard; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const [collapsed, setCollapsed] = useState(false);
  const cards: StatCard[] = [
    { id: 'uniquePeople', label: t('stats.cards.uniquePeople'), value: formatNumber(data.uniquePeople), note: t('stats.cards.uniquePeopleNote') },
    { id: 'newPatients', label: t('stats.cards.newPatients'), value: formatNumber(data.newPatients), note: t('stats.cards.newPatientsNote') },
    { id: 'sessions', label: t('stats.cards.sessions'), value: formatNumber(data.sessions.total), note: t('stats.cards.sessionsNote') },
    {
      id: 'communityParticipants',
      label: t('stats.cards.communityParticipants'),
      value: formatNumber(data.community.participants),
      note: t('stats.cards.communityNote', { count: data.community.activities }),
    },
    {
      id: 'noShowRate',
      label: t('stats.cards.noShowRate'),
      value: percent(data.appointments.noShowRate),
      note: t('stats.cards.noShowNote', { noShows: data.appointments.noShows, total: data.appointments.noShows + data.appointments.attended }),
    },
    {
      id: 'waitingDays',
      label: t('stats.cards.waitingDays'),
      value: data.waitingDays.median === null ? '—' : formatNumber(data.waitingDays.median, 1),
      note: t('stats.cards.waitingNote', { mean: decimal(data.waitingDays.mean), count: data.waitingDays.patients }),
    },
    { id: 'riskAlerts', label: t('stats.cards.riskAlerts'), value: formatNumber(data.riskAlertsRaised), note: t('stats.cards.riskAlertsNote') },
  ];
  const months = data.monthly.map((m) => monthLabel(m.month, currentLocale()));
  const ageToggle = (
    <div className="chart-toggle" role="group" aria-label={t('stats.ageView')}>
      <button type="button" className="btn btn-secondary" aria-pressed={!collapsed} onClick={() => setCollapsed(false)}>
        {t('stats.ageBands')}
      </button>
      <button type="button" className="btn btn-secondary" aria-pressed={collapsed} onClick={() => setCollapsed(true)}>
        {t('stats.ageUnderOver')}
      </button>
    </div>
  );

  return (
    <div className="dashboard" aria-busy={busy || undefined}>
      <section className="section" aria-labelledby="dash-summary">
        <h2 id="dash-summary">{t('stats.summary')}</h2>
        <StatCards cards={cards} />
      </section>

      <section className="section" aria-labelledby="dash-sessions">
        <h2 id="dash-sessions">{t('stats.sessionsTitle')}</h2>
        <div className="chart-columns">
          <BarChart title={t('stats.charts.byService')} data={serviceBars(t, data.sessions.byService)} categoryLabel={t('stats.service')} valueLabel={t('stats.sessions')} />
          <BarChart title={t('stats.charts.byFormat')} data={formatBars(t, data.sessions.byFormat)} categoryLabel={t('stats.format')} valueLabel={t('stats.sessions')} />
          <BarChart title={t('stats.charts.byModality')} data={modalityBars(t, data.sessions.byModality)} categoryLabel={t('stats.modality')} valueLabel={t('stats.sessions')} />
        </div>
      </section>

      <section className="section" aria-labelledby="dash-people">
        <h2 id="dash-people">{t('stats.peopleTitle')}</h2>
        <p className="muted">{t('stats.peopleIntro')}</p>
        <div className="chart-columns">
          <BarChart title={t('stats.charts.bySex')} data={sexBars(t, data.people.bySex)} categoryLabel={t('stats.sex')} valueLabel={t('stats.people')} />
          <BarChart
            title={collapsed ? t('stats.charts.byAgeGroup') : t('stats.charts.byAgeBand')}
            data={collapsed ? ageGroupBars(t, data.people.byAgeGroup) : ageBandBars(t, data.people.byAgeBand)}
            categoryLabel={t('stats.age')}
            valueLabel={t('stats.people')}
            toolbar={ageToggle}
          />
          <BarChart title={t('stats.charts.byNationality')} data={nationalityBars(data.people.byNationality, i18n.language)} categoryLabel={t('stats.nationality')} valueLabel={t('stats.people')} />
          <BarChart title={t('stats.charts.byPopulationGroup')} data={populationBars(t, data.people.byPopulationGroup)} categoryLabel={t('stats.populationGroup')} valueLabel={t('stats.people')} />
        </div>
      </section>

      <section className="section" aria-labelledby="dash-community">
        <h2 id="dash-community">{t('stats.communityTitle')}</h2>
        <p className="muted">{t('stats.communityIntro', { count: data.community.activities, participants: formatNumber(data.community.participants) })}</p>
        <div className="chart-columns">
          <BarChart title={t('stats.charts.communityByAgeBand')} data={ageBandBars(t, data.community.byAgeBand)} categoryLabel={t('stats.age')} valueLabel={t('stats.participants')} />
          <BarChart title={t('stats.charts.communityBySex')} data={sexBars(t, data.community.bySex)} categoryLabel={t('stats.sex')} valueLabel={t('stats.participants')} />
          <BarChart title={t('stats.charts.communityByPopulationGroup')} data={populationBars(t, data.community.byPopulationGroup)} categoryLabel={t('stats.populationGroup')} valueLabel={t('stats.participants')} />
        </div>
      </section>

      <section className="section" aria-labelledby="dash-monthly">
        <h2 id="dash-monthly">{t('stats.monthlyTitle')}</h2>
        <LineChart
          title={t('stats.charts.monthly')}
          categories={months}
          categoryLabel={t('stats.month')}
          series={[
            { key: 'sessions', label: t('stats.sessions'), values: data.monthly.map((m) => m.sessions) },
            { key: 'people', label: t('stats.people'), values: data.monthly.map((m) => m.people) },
            { key: 'community', label: t('stats.communityParticipants'), values: data.monthly.map((m) => m.communityParticipants) },
          ]}
        />
      </section>

      <section className="section" aria-labelledby="dash-instruments">
        <h2 id="dash-instruments">{t('stats.instrumentsTitle')}</h2>
        <p className="muted">{t('stats.instrumentsIntro')}</p>
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('stats.instrumentsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stats.instrument')}</th>
                <th scope="col" className="cell-num">
                  {t('stats.instrumentPatients')}
                </th>
                <th scope="col" className="cell-num">
                  {t('stats.meanFirst')}
                </th>
                <th scope="col" className="cell-num">
                  {t('stats.meanLatest')}
                </th>
                <th scope="col" className="cell-num">
                  {t('stats.meanChange')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.instrumentChange.map((row) => (
                <tr key={row.instrument}>
                  <th scope="row">{t(`clinicalCodes.instrumentShort.${row.instrument}`)}</th>
                  <td className="cell-num">{formatNumber(row.patients)}</td>
                  <td className="cell-num">{decimal(row.meanFirst)}</td>
                  <td className="cell-num">{decimal(row.meanLatest)}</td>
                  <td className="cell-num">{row.meanChange === null ? '—' : `${row.meanChange > 0 ? '+' : ''}${formatNumber(row.meanChange, 1)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="field-hint">{t('stats.instrumentsNote')}</p>
      </section>
    </div>
  );
}
