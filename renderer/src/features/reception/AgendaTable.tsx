// A table of appointments with reception's actions: check in, no-show, reschedule, cancel.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Appointment } from '../../api/contract';
import { call } from '../../api/client';
import { useNavigate } from '../../app/navigation';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { errorText } from '../../components/errors';
import { unitNow, unitToday } from '../../components/format';
import { appointmentColumns, type AppointmentColumnOptions } from './appointment-columns';
import { CancelDialog, RescheduleDialog } from './AppointmentDialogs';

type Open = { kind: 'cancel' | 'reschedule'; appointment: Appointment } | null;

export function AgendaTable({
  caption,
  appointments,
  empty,
  onChanged,
  columns: columnOptions,
  actions = true,
}: {
  caption: string;
  appointments: Appointment[];
  empty: string;
  onChanged: () => void;
  columns?: Omit<AppointmentColumnOptions, 'actions' | 'onOpenPatient'>;
  actions?: boolean;
}) {
  const { t } = useTranslation();
  const go = useNavigate();
  const [open, setOpen] = useState<Open>(null);
  const [news, setNews] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const columns = useMemo(() => {
    const act = async (appointment: Appointment, what: 'appointments.checkIn' | 'appointments.markNoShow') => {
      setNews(null);
      setError(null);
      setBusyId(appointment.id);
      const result = await call(what, { appointmentId: appointment.id });
      setBusyId(null);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setNews(what === 'appointments.checkIn' ? t('agenda.checkedIn', { name: appointment.patientName }) : t('agenda.markedNoShow', { name: appointment.patientName }));
      onChanged();
    };
    const now = unitNow();
    const today = unitToday();
    return appointmentColumns(t, {
      ...columnOptions,
      onOpenPatient: (a) => go({ page: 'patient', patientId: a.patientId }),
      actions: actions
        ? (a) =>
            a.status === 'booked' ? (
              <div className="row-actions">
                {a.startsAt.slice(0, 10) === today ? (
                  <Button variant="primary" busy={busyId === a.id} aria-label={`${t('agenda.checkIn')}: ${a.patientName}`} onClick={() => void act(a, 'appointments.checkIn')}>
                    {t('agenda.checkIn')}
                  </Button>
                ) : null}
                {a.startsAt <= now ? (
                  <Button aria-label={`${t('agenda.noShow')}: ${a.patientName}`} disabled={busyId === a.id} onClick={() => void act(a, 'appointments.markNoShow')}>
                    {t('agenda.noShow')}
                  </Button>
                ) : null}
                <Button aria-label={`${t('agenda.reschedule')}: ${a.patientName}`} onClick={() => setOpen({ kind: 'reschedule', appointment: a })}>
                  {t('agenda.reschedule')}
                </Button>
                <Button variant="danger" aria-label={`${t('agenda.cancel')}: ${a.patientName}`} onClick={() => setOpen({ kind: 'cancel', appointment: a })}>
                  {t('agenda.cancel')}
                </Button>
              </div>
            ) : null
        : undefined,
    });
  }, [t, columnOptions, actions, busyId, go, onChanged]);

  const done = (message: string) => {
    setOpen(null);
    setError(null);
    setNews(message);
    onChanged();
  };

  return (
    <>
      {news ? <Alert tone="success">{news}</Alert> : null}
      {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}
      <DataTable caption={caption} columns={columns} rows={appointments} rowKey={(a) => a.id} empty={empty} rowClassName={(a) => (a.status === 'cancelled' ? 'row-inactive' : undefined)} />
      {open?.kind === 'cancel' ? (
        <CancelDialog appointment={open.appointment} onClose={() => setOpen(null)} onDone={(a) => done(t('agenda.cancelled', { name: a.patientName }))} />
      ) : null}
      {open?.kind === 'reschedule' ? (
        <RescheduleDialog appointment={open.appointment} onClose={() => setOpen(null)} onDone={(a) => done(t('agenda.rescheduled', { name: a.patientName, date: a.startsAt.slice(0, 10), time: a.startsAt.slice(11, 16) }))} />
      ) : null}
    </>
  );
}
