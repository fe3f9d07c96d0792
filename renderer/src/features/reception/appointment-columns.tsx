// Columns of an agenda table (a day of the unit or of one clinician, a patient's appointments).
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { Appointment } from '../../api/contract';
import type { Column } from '../../components/DataTable';
import { addMinutesToTime, formatDay, formatTime } from '../../components/format';

export function statusBadge(t: TFunction, appointment: Appointment): ReactNode {
  const tone = { booked: 'badge-info', checked_in: 'badge-ok', completed: 'badge-muted', cancelled: 'badge-muted', no_show: 'badge-danger' }[appointment.status];
  return (
    <>
      <span className={`badge ${tone}`}>{t(`codes.status.${appointment.status}`)}</span>
      {appointment.status === 'checked_in' && appointment.checkedInAt ? (
        <span className="cell-sub">{t('agenda.arrivedAt', { time: formatTime(appointment.checkedInAt) })}</span>
      ) : null}
      {appointment.status === 'cancelled' && appointment.cancelReason ? <span className="cell-sub">{appointment.cancelReason}</span> : null}
    </>
  );
}

export function timeRange(appointment: Appointment): string {
  const start = appointment.startsAt.slice(11, 16);
  return `${start}–${addMinutesToTime(start, appointment.durationMinutes)}`;
}

export interface AppointmentColumnOptions {
  date?: boolean;
  patient?: boolean;
  clinician?: boolean;
  onOpenPatient?: (appointment: Appointment) => void;
  actions?: (appointment: Appointment) => ReactNode;
}

export function appointmentColumns(t: TFunction, options: AppointmentColumnOptions): Column<Appointment>[] {
  const columns: Column<Appointment>[] = [];
  if (options.date) {
    columns.push({ id: 'date', header: t('agenda.date'), className: 'cell-nowrap', cell: (a) => formatDay(a.startsAt.slice(0, 10)) });
  }
  columns.push({ id: 'time', header: t('agenda.time'), className: 'cell-nowrap cell-num-left', cell: (a) => <span className="cell-strong">{timeRange(a)}</span> });
  if (options.patient !== false) {
    columns.push({
      id: 'patient',
      header: t('agenda.patient'),
      cell: (a) => (
        <>
          {options.onOpenPatient ? (
            <a
              href={`#patient-${a.patientId}`}
              className="cell-strong"
              onClick={(event) => {
                event.preventDefault();
                options.onOpenPatient?.(a);
              }}
            >
              {a.patientName}
            </a>
          ) : (
            <span className="cell-strong">{a.patientName}</span>
          )}
          <span className="cell-sub">{a.patientRecordNumber}</span>
        </>
      ),
    });
  }
  if (options.clinician !== false) {
    columns.push({ id: 'clinician', header: t('agenda.clinician'), cell: (a) => a.clinicianName });
  }
  columns.push({
    id: 'service',
    header: t('agenda.service'),
    cell: (a) => (
      <>
        {t(`codes.service.${a.service}`)}
        {a.note ? <span className="cell-sub">{a.note}</span> : null}
      </>
    ),
  });
  columns.push({ id: 'status', header: t('agenda.status'), cell: (a) => statusBadge(t, a) });
  if (options.actions) {
    columns.push({ id: 'actions', header: t('agenda.actions'), className: 'cell-actions', cell: options.actions });
  }
  return columns;
}
