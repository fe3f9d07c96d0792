// Book an appointment: service, clinician (those who offer it), day and time (the clinician's hours
// that weekday and the free slots), duration, note. A refusal (double booking, outside hours) is
// shown as the server words it; after booking, the printable slip.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fallbackMessages, formSchema } from '../../components/form-schema';
import { bookAppointmentInput, SERVICES, type ApiError, type Appointment, type OutputOf, type Patient } from '../../api/contract';
import { call } from '../../api/client';
import { useProcedure } from '../../api/useProcedure';
import { useNavigate } from '../../app/navigation';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { errorText, serverFailure } from '../../components/errors';
import { SelectField, TextField } from '../../components/Field';
import { addMinutesToTime, formatDay, isoWeekday, minutesOf, unitNow, unitToday } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';

type Clinician = OutputOf<'clinicians.list'>['clinicians'][number];
type Booked = z.output<typeof bookAppointmentInput>;

interface BookingValues {
  patientId: number;
  service: string;
  clinicianId: string;
  date: string;
  time: string;
  durationMinutes: string;
  note: string;
}

const bookingSchema = formSchema(
  (v: BookingValues) => ({
    patientId: v.patientId,
    service: v.service,
    clinicianId: v.clinicianId ? Number(v.clinicianId) : undefined,
    startsAt: v.date && v.time ? `${v.date}T${v.time}` : '',
    durationMinutes: v.durationMinutes === '' ? undefined : Number(v.durationMinutes),
    note: v.note,
  }),
  bookAppointmentInput,
);

const ACTIVE = new Set(['booked', 'checked_in', 'completed']);

/** Start times in the clinician's hours that day, every `step` minutes, free of other active appointments and not past. */
function freeSlots(clinician: Clinician | undefined, date: string, duration: number, taken: Appointment[], step: number): string[] {
  if (!clinician || !date || !(duration >= 10)) return [];
  const weekday = isoWeekday(date);
  const now = unitNow();
  const slots: string[] = [];
  for (const hours of clinician.hours.filter((h) => h.weekday === weekday)) {
    for (let m = minutesOf(hours.start); m + duration <= minutesOf(hours.end); m += step) {
      const start = addMinutesToTime('00:00', m);
      if (`${date}T${start}` < now) continue;
      const clash = taken.some((a) => {
        if (!ACTIVE.has(a.status)) return false;
        const s = minutesOf(a.startsAt.slice(11, 16));
        return s < m + duration && m < s + a.durationMinutes;
      });
      if (!clash) slots.push(start);
    }
  }
  return slots;
}

export function BookingScreen({ patientId }: { patientId: number }) {
  const { t } = useTranslation();
  const go = useNavigate();
  const [patient, setPatient] = useState<Patient | null>(null);
  const [clinicians, setClinicians] = useState<Clinician[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    void Promise.all([call('patients.get', { patientId }), call('clinicians.list', {})]).then(([p, c]) => {
      if (!current) return;
      if (p.ok) setPatient(p.value.patient);
      else setLoadError(p.error);
      if (c.ok) setClinicians(c.value.clinicians);
      else setLoadError(c.error);
    });
    return () => {
      current = false;
    };
  }, [patientId]);

  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<BookingValues, unknown, Booked>({
    resolver: zodResolver(bookingSchema, fallbackMessages((path) => (path[0] === 'clinicianId' ? t('booking.clinicianRequired') : t('errors.invalidField')))),
    defaultValues: { patientId, service: '', clinicianId: '', date: unitToday(), time: '', durationMinutes: '40', note: '' },
  });
  const [service, clinicianId, date, durationText] = useWatch({ control, name: ['service', 'clinicianId', 'date', 'durationMinutes'] });
  const offering = useMemo(
    () => (clinicians ?? []).filter((c) => !service || c.services.length === 0 || c.services.includes(service as (typeof SERVICES)[number])),
    [clinicians, service],
  );
  const clinician = offering.find((c) => String(c.id) === clinicianId);
  const duration = Number(durationText);

  // The chosen clinician's day, for the free slots; not asked until a clinician and a whole date are chosen.
  const { value: clinicianDay } = useProcedure('appointments.list', clinicianId && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { from: date, to: date, clinicianId: Number(clinicianId) } : null);
  const dayAppointments: Appointment[] = clinicianDay?.appointments ?? [];

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await call('appointments.book', values);
    if (result.ok) {
      const a = result.value.appointment;
      go({ page: 'slip', appointmentId: a.id, patientId: a.patientId, day: a.startsAt.slice(0, 10) });
      return;
    }
    const issue = result.error.issues?.find((i) => i.path === 'startsAt');
    if (issue) {
      setError('time', { type: 'server', message: issue.message }, { shouldFocus: true });
      return;
    }
    setFailure(serverFailure(t, result.error, ['service', 'clinicianId', 'durationMinutes', 'note'], setError));
  });

  if (loadError) {
    return (
      <>
        <PageHeader title={t('booking.title')} />
        <Alert tone="error">{errorText(t, loadError)}</Alert>
      </>
    );
  }
  if (!patient || !clinicians) return <p className="muted">{t('app.loading')}</p>;

  const e = errors as typeof errors & { startsAt?: { message?: string } };
  const hoursToday = clinician?.hours.filter((h) => date && h.weekday === isoWeekday(date)) ?? [];
  const slots = freeSlots(clinician, date, duration, dayAppointments, Math.max(duration, 10));
  const name = `${patient.givenNames} ${patient.familyNames}`;

  return (
    <>
      <PageHeader title={t('booking.title')} intro={t('booking.intro', { name, record: patient.recordNumber })} />
      {patient.mergedIntoId !== null ? <Alert tone="warning">{t('patientPage.mergedBanner')}</Alert> : null}
      <form className="form booking-form" noValidate onSubmit={onSubmit} aria-label={t('booking.title')}>
        {failure ? (
          <div ref={failureRef} tabIndex={-1}>
            <Alert tone="error">{failure}</Alert>
          </div>
        ) : null}
        <div className="booking-layout">
          <fieldset>
            <legend>{t('booking.what')}</legend>
            <SelectField label={t('agenda.service')} error={e.service?.message} {...register('service')}>
              <option value="">{t('intake.choose')}</option>
              {SERVICES.map((code) => (
                <option key={code} value={code}>
                  {t(`codes.service.${code}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('agenda.clinician')}
              hint={offering.length === 0 ? t('booking.noClinicians') : undefined}
              error={e.clinicianId?.message}
              {...register('clinicianId')}
            >
              <option value="">{t('intake.choose')}</option>
              {offering.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.displayName}
                </option>
              ))}
            </SelectField>
            <TextField type="number" label={t('booking.duration')} min={10} max={240} step={5} error={e.durationMinutes?.message} {...register('durationMinutes')} />
            <TextField label={t('booking.note')} hint={t('booking.noteHint')} autoComplete="off" error={e.note?.message} {...register('note')} />
          </fieldset>
          <fieldset>
            <legend>{t('booking.when')}</legend>
            <TextField type="date" label={t('booking.date')} min={unitToday()} hint={date ? formatDay(date, 'long') ?? undefined : undefined} {...register('date')} />
            <div className="clinician-hours" aria-live="polite">
              {clinician ? (
                hoursToday.length ? (
                  <p>{t('booking.hoursThatDay', { name: clinician.displayName, hours: hoursToday.map((h) => `${h.start}–${h.end}`).join(', ') })}</p>
                ) : (
                  <p className="field-error">{t('booking.noHoursThatDay', { name: clinician.displayName })}</p>
                )
              ) : (
                <p className="muted">{t('booking.chooseClinician')}</p>
              )}
            </div>
            <TextField type="time" label={t('booking.time')} hint={t('booking.timeHint')} error={e.time?.message ?? e.startsAt?.message} {...register('time')} />
            {slots.length ? (
              <div className="slots" role="group" aria-label={t('booking.freeSlots')}>
                <p className="slots-title">{t('booking.freeSlots')}</p>
                <div className="slot-list">
                  {slots.map((slot) => (
                    <button key={slot} type="button" className="slot" aria-label={t('booking.pickSlot', { time: slot })} onClick={() => setValue('time', slot, { shouldValidate: Boolean(e.time) })}>
                      {slot}
                    </button>
                  ))}
                </div>
              </div>
            ) : null}
          </fieldset>
        </div>
        <div className="form-actions form-actions-end">
          <Button onClick={() => go({ page: 'patient', patientId })}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" busy={isSubmitting} busyLabel={t('common.saving')}>
            {t('booking.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
