// Cancel (with a reason and who asks) and reschedule an appointment, each over the contract's schema.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fallbackMessages, formSchema } from '../../components/form-schema';
import { appointmentsProcedures, CANCELLED_BY, type Appointment } from '../../api/contract';
import { call } from '../../api/client';
import { FormDialog } from '../../components/Dialog';
import { serverFailure } from '../../components/errors';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { formatDay, unitToday } from '../../components/format';
import { timeRange } from './appointment-columns';

const cancelInput = appointmentsProcedures['appointments.cancel'].input;
type CancelValues = z.input<typeof cancelInput>;

export function CancelDialog({ appointment, onClose, onDone }: { appointment: Appointment; onClose: () => void; onDone: (a: Appointment) => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CancelValues, unknown, z.output<typeof cancelInput>>({
    resolver: zodResolver(cancelInput),
    defaultValues: { appointmentId: appointment.id, reason: '', cancelledBy: 'patient' },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await call('appointments.cancel', values);
    if (result.ok) onDone(result.value.appointment);
    else setFailure(serverFailure(t, result.error, ['reason', 'cancelledBy'], setError));
  });
  return (
    <FormDialog
      title={t('agenda.cancelTitle')}
      intro={<p>{t('agenda.cancelIntro', { name: appointment.patientName, date: formatDay(appointment.startsAt.slice(0, 10)), time: timeRange(appointment) })}</p>}
      failure={failure}
      submitLabel={t('agenda.cancelConfirm')}
      busy={isSubmitting}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <TextAreaField label={t('agenda.cancelReason')} rows={3} error={errors.reason?.message} {...register('reason')} />
      <SelectField label={t('agenda.cancelledBy')} error={errors.cancelledBy?.message} {...register('cancelledBy')}>
        {CANCELLED_BY.map((who) => (
          <option key={who} value={who}>
            {t(`codes.cancelledBy.${who}`)}
          </option>
        ))}
      </SelectField>
    </FormDialog>
  );
}

const rescheduleInput = appointmentsProcedures['appointments.reschedule'].input;
interface RescheduleValues {
  appointmentId: number;
  date: string;
  time: string;
  durationMinutes: string;
}
const rescheduleSchema = formSchema(
  (v: RescheduleValues) => ({ appointmentId: v.appointmentId, startsAt: `${v.date}T${v.time}`, durationMinutes: Number(v.durationMinutes) }),
  rescheduleInput,
);

export function RescheduleDialog({ appointment, onClose, onDone }: { appointment: Appointment; onClose: () => void; onDone: (a: Appointment) => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RescheduleValues, unknown, z.output<typeof rescheduleInput>>({
    resolver: zodResolver(rescheduleSchema, fallbackMessages(() => t('errors.invalidField'))),
    defaultValues: {
      appointmentId: appointment.id,
      date: appointment.startsAt.slice(0, 10),
      time: appointment.startsAt.slice(11, 16),
      durationMinutes: String(appointment.durationMinutes),
    },
  });
  const startsAtError = (errors as { startsAt?: { message?: string } }).startsAt?.message;
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await call('appointments.reschedule', values);
    if (result.ok) {
      onDone(result.value.appointment);
      return;
    }
    if (result.error.issues?.some((i) => i.path === 'startsAt')) {
      setError('time', { type: 'server', message: result.error.issues.find((i) => i.path === 'startsAt')!.message }, { shouldFocus: true });
      return;
    }
    setFailure(serverFailure(t, result.error, ['durationMinutes'], setError));
  });
  return (
    <FormDialog
      title={t('agenda.rescheduleTitle')}
      intro={<p>{t('agenda.rescheduleIntro', { name: appointment.patientName, clinician: appointment.clinicianName })}</p>}
      failure={failure}
      submitLabel={t('agenda.rescheduleConfirm')}
      busy={isSubmitting}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <TextField type="date" label={t('booking.date')} min={unitToday()} {...register('date')} />
      <TextField type="time" label={t('booking.time')} error={errors.time?.message ?? startsAtError} {...register('time')} />
      <TextField type="number" label={t('booking.duration')} min={10} max={240} step={5} error={errors.durationMinutes?.message} {...register('durationMinutes')} />
    </FormDialog>
  );
}
