// Clinician home: who is waiting (checked in, earliest arrival first), today's own appointments,
// and the session and privacy cards every home shows.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Appointment } from '../../api/contract';
import { call } from '../../api/client';
import { useNavigate } from '../../app/navigation';
import { useSession } from '../../app/session';
import { Alert } from '../../components/Alert';
import { DataTable, type Column } from '../../components/DataTable';
import { errorText } from '../../components/errors';
import { formatDay, formatTime, unitToday } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { SessionCards } from '../home/StaffHome';
import { AgendaTable } from '../reception/AgendaTable';
import { Button } from '../../components/Button';
import { RiskAlerts } from './alerts/RiskAlerts';
import { DraftsPanel } from './sessions/DraftsPanel';
import { timeRange } from '../reception/appointment-columns';

export function ClinicalHome() {
  const { t } = useTranslation();
  const go = useNavigate();
  const { auth } = useSession();
  const today = unitToday();
  const [waiting, setWaiting] = useState<Appointment[] | null>(null);
  const [mine, setMine] = useState<Appointment[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    const load = () =>
      Promise.all([call('appointments.waitingList', {}), call('appointments.list', { from: today, to: today, clinicianId: auth.user.id })]).then(([queue, list]) => {
        if (!current) return;
        if (queue.ok) setWaiting(queue.value.appointments);
        else setError(queue.error);
        if (list.ok) setMine([...list.value.appointments].sort((a, b) => a.startsAt.localeCompare(b.startsAt)));
      });
    void load();
    // Arrivals come from reception's desk: look again every 30 seconds.
    const timer = window.setInterval(() => void load(), 30_000);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, [today, auth.user.id, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const waitingColumns: Column<Appointment>[] = [
    { id: 'arrived', header: t('clinical.arrived'), className: 'cell-nowrap', cell: (a) => <span className="cell-strong">{formatTime(a.checkedInAt)}</span> },
    {
      id: 'patient',
      header: t('agenda.patient'),
      cell: (a) => (
        <>
          <a
            href={`#patient-${a.patientId}`}
            className="cell-strong"
            onClick={(event) => {
              event.preventDefault();
              go({ page: 'patient', patientId: a.patientId });
            }}
          >
            {a.patientName}
          </a>
          <span className="cell-sub">{a.patientRecordNumber}</span>
        </>
      ),
    },
    { id: 'appointment', header: t('clinical.appointment'), className: 'cell-nowrap', cell: (a) => timeRange(a) },
    { id: 'service', header: t('agenda.service'), cell: (a) => t(`codes.service.${a.service}`) },
    {
      id: 'start',
      header: t('record.open'),
      cell: (a) => (
        <Button variant="primary" aria-label={t('record.startSessionFor', { name: a.patientName })} onClick={() => go({ page: 'sessionNew', patientId: a.patientId, appointment: { id: a.id, service: a.service, startsAt: a.startsAt } })}>
          {t('record.startSession')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('home.clinicalTitle')} intro={t('home.clinicalIntro')} />
      {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}
      <section className="section" aria-labelledby="clinical-waiting">
        <h2 id="clinical-waiting">
          {t('clinical.waitingTitle')} <span className="badge badge-ok">{waiting?.length ?? '…'}</span>
        </h2>
        {waiting ? (
          <DataTable caption={t('clinical.waitingCaption')} columns={waitingColumns} rows={waiting} rowKey={(a) => a.id} empty={t('clinical.nobodyWaiting')} />
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </section>
      <section className="section" aria-labelledby="clinical-today">
        <h2 id="clinical-today">{t('clinical.todayTitle', { date: formatDay(today, 'long') })}</h2>
        {mine ? (
          <AgendaTable caption={t('clinical.todayCaption')} appointments={mine} empty={t('clinical.noAppointments')} onChanged={reload} columns={{ clinician: false }} />
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </section>
      <RiskAlerts />
      <DraftsPanel />
      <SessionCards />
    </>
  );
}
