// The appointment slip handed to the patient: always in Spanish (the patients' language), with the
// unit's name, address and phone; printed with the print stylesheet (only the slip shows on paper).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Appointment, OutputOf } from '../../api/contract';
import { call } from '../../api/client';
import { useNavigate } from '../../app/navigation';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { errorText } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { timeRange } from './appointment-columns';

function spanishDay(day: string): string {
  return new Intl.DateTimeFormat('es-CO', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}

export function AppointmentSlip({ appointmentId, patientId, day }: { appointmentId: number; patientId: number; day: string }) {
  const { t, i18n } = useTranslation();
  const es = i18n.getFixedT('es');
  const go = useNavigate();
  const [appointment, setAppointment] = useState<Appointment | null>(null);
  const [unit, setUnit] = useState<OutputOf<'unit.info'> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let current = true;
    void Promise.all([call('appointments.list', { from: day, to: day, patientId }), call('unit.info', {})]).then(([list, info]) => {
      if (!current) return;
      if (!list.ok) return setError(list.error);
      if (!info.ok) return setError(info.error);
      const found = list.value.appointments.find((a) => a.id === appointmentId);
      if (!found) return setError({ code: 'not_found', message: t('slip.notFound') });
      setAppointment(found);
      setUnit(info.value);
    });
    return () => {
      current = false;
    };
  }, [appointmentId, patientId, day, t]);

  return (
    <>
      <PageHeader
        title={t('slip.title')}
        intro={t('slip.intro')}
        actions={
          appointment ? (
            <>
              <Button onClick={() => go({ page: 'patient', patientId })}>{t('slip.backToPatient')}</Button>
              <Button variant="primary" onClick={() => window.print()}>
                {t('slip.print')}
              </Button>
            </>
          ) : null
        }
      />
      {appointment ? <Alert tone="success">{t('slip.booked', { name: appointment.patientName })}</Alert> : null}
      {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}
      {appointment && unit ? (
        <article className="slip" lang="es-CO" aria-labelledby="slip-title">
          <header className="slip-header">
            <p className="slip-unit">{unit.name}</p>
            <p className="slip-address">{unit.address}</p>
            {unit.phone ? <p className="slip-address">{es('slip.phone', { phone: unit.phone })}</p> : null}
          </header>
          <h2 id="slip-title" className="slip-title">
            {es('slip.heading')}
          </h2>
          <dl className="slip-facts">
            <div>
              <dt>{es('slip.patient')}</dt>
              <dd>{appointment.patientName}</dd>
            </div>
            <div>
              <dt>{es('slip.record')}</dt>
              <dd>{appointment.patientRecordNumber}</dd>
            </div>
            <div>
              <dt>{es('slip.date')}</dt>
              <dd className="slip-when">{spanishDay(appointment.startsAt.slice(0, 10))}</dd>
            </div>
            <div>
              <dt>{es('slip.time')}</dt>
              <dd className="slip-when">{timeRange(appointment)}</dd>
            </div>
            <div>
              <dt>{es('slip.service')}</dt>
              <dd>{es(`codes.service.${appointment.service}`)}</dd>
            </div>
            <div>
              <dt>{es('slip.clinician')}</dt>
              <dd>{appointment.clinicianName}</dd>
            </div>
            {appointment.note ? (
              <div>
                <dt>{es('slip.note')}</dt>
                <dd>{appointment.note}</dd>
              </div>
            ) : null}
          </dl>
          <p className="slip-advice">{es('slip.advice')}</p>
        </article>
      ) : error ? null : (
        <p className="muted">{t('app.loading')}</p>
      )}
    </>
  );
}
