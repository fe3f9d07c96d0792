// Reception home: the search box (focused), "New patient" (also Alt+N), how many are waiting, and
// today's agenda of the whole unit with check-in, no-show, reschedule and cancel.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Appointment } from '../../api/contract';
import { call } from '../../api/client';
import { useNavigate } from '../../app/navigation';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { errorText } from '../../components/errors';
import { formatDay, unitToday } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { SessionCards } from '../home/StaffHome';
import { AgendaTable } from './AgendaTable';
import { PatientSearch } from './PatientSearch';
import { useNewPatientShortcut } from './useNewPatientShortcut';

export function ReceptionHome() {
  const { t } = useTranslation();
  const go = useNavigate();
  const today = unitToday();
  const [appointments, setAppointments] = useState<Appointment[] | null>(null);
  const [waiting, setWaiting] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  useNewPatientShortcut();

  useEffect(() => {
    let current = true;
    void Promise.all([call('appointments.list', { from: today, to: today }), call('appointments.waitingList', {})]).then(([list, queue]) => {
      if (!current) return;
      if (list.ok) setAppointments([...list.value.appointments].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.clinicianName.localeCompare(b.clinicianName)));
      else setError(list.error);
      if (queue.ok) setWaiting(queue.value.appointments.length);
    });
    return () => {
      current = false;
    };
  }, [today, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  return (
    <>
      <PageHeader
        title={t('reception.title')}
        intro={t('reception.intro')}
        focusHeading={false}
        actions={
          <Button variant="primary" aria-keyshortcuts="Alt+N" onClick={() => go({ page: 'patientNew' })}>
            {t('reception.newPatient')} <kbd className="kbd">Alt+N</kbd>
          </Button>
        }
      />
      <div className="reception-grid">
        <section className="card search-card" aria-labelledby="reception-search">
          <h2 id="reception-search">{t('reception.searchTitle')}</h2>
          <PatientSearch label={t('search.label')} hint={t('search.hint')} autoFocus onPick={(p) => go({ page: 'patient', patientId: p.id })} />
        </section>
        <section className="card waiting-card" aria-labelledby="reception-waiting">
          <h2 id="reception-waiting">{t('reception.waitingTitle')}</h2>
          <p className="big-number" aria-live="polite">
            {waiting === null ? '…' : waiting}
          </p>
          <p className="muted">{t('reception.waitingText', { count: waiting ?? 0 })}</p>
        </section>
      </div>
      <section className="section" aria-labelledby="reception-agenda">
        <div className="section-header">
          <h2 id="reception-agenda">{t('reception.todayTitle', { date: formatDay(today, 'long') })}</h2>
          <Button variant="link" onClick={() => go({ page: 'agenda' })}>
            {t('reception.fullAgenda')}
          </Button>
        </div>
        {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}
        {appointments ? (
          <AgendaTable caption={t('reception.todayCaption')} appointments={appointments} empty={t('reception.noAppointments')} onChanged={reload} />
        ) : error ? null : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </section>
      <SessionCards />
    </>
  );
}
