import { z } from 'zod';
import { APPOINTMENT_STATUSES, CANCELLED_BY, SERVICES } from './codes';
import { idSchema, isoDateSchema } from './fields';
import { procedure } from './procedure';

/** Unit local time (Colombia, UTC−5 all year): "2026-11-23T08:30". */
export const localDateTimeSchema = z
  .string({ error: 'Escriba fecha y hora (AAAA-MM-DDTHH:MM)' })
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, { message: 'Use fecha y hora AAAA-MM-DDTHH:MM', abort: true })
  .refine((s) => {
    const d = new Date(`${s}:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 16) === s;
  }, 'Esa fecha no existe');

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use la hora HH:MM');

export const workingHoursSchema = z.strictObject({
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: z.number().int().min(1, 'Día 1 (lunes) a 7 (domingo)').max(7, 'Día 1 (lunes) a 7 (domingo)'),
  start: timeOfDay,
  end: timeOfDay,
});

export const clinicianSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  services: z.array(z.enum(SERVICES)),
  hours: z.array(z.object({ weekday: z.number().int(), start: z.string(), end: z.string() })),
});

export const appointmentSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  patientName: z.string(),
  patientRecordNumber: z.string(),
  clinicianId: idSchema,
  clinicianName: z.string(),
  service: z.enum(SERVICES),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  status: z.enum(APPOINTMENT_STATUSES),
  note: z.string().nullable(),
  bookedAt: z.string(),
  bookedByName: z.string(),
  checkedInAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  cancelledBy: z.enum(CANCELLED_BY).nullable(),
  rescheduleCount: z.number().int(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

const appointmentRef = z.strictObject({ appointmentId: idSchema });

export const bookAppointmentInput = z.strictObject({
  patientId: idSchema,
  clinicianId: idSchema,
  service: z.enum(SERVICES, { error: 'Elija el servicio' }),
  startsAt: localDateTimeSchema,
  durationMinutes: z.number({ error: 'Escriba la duración en minutos' }).int().min(10, 'Mínimo 10 minutos').max(240, 'Máximo 240 minutos').default(40),
  /** Practical note for reception ("trae remisión"); never clinical content. */
  note: z.string().trim().max(200, 'Máximo 200 caracteres').nullish().transform((s) => s || null),
});

export const appointmentsProcedures = {
  'appointments.book': procedure({
    summary: 'Book a patient with a clinician; refused with 409 when it double-books the clinician or the patient, or falls outside the clinician’s hours.',
    access: ['reception', 'clinician', 'admin'],
    input: bookAppointmentInput,
    output: z.object({ appointment: appointmentSchema }),
  }),
  'appointments.reschedule': procedure({
    summary: 'Move a booked appointment to another time (and clinician); the same checks as booking.',
    access: ['reception', 'clinician', 'admin'],
    input: z.strictObject({
      appointmentId: idSchema,
      startsAt: localDateTimeSchema,
      clinicianId: idSchema.optional(),
      durationMinutes: z.number().int().min(10).max(240).optional(),
    }),
    output: z.object({ appointment: appointmentSchema }),
  }),
  'appointments.cancel': procedure({
    summary: 'Cancel a booked appointment, with a reason and who asked for it.',
    access: ['reception', 'clinician', 'admin'],
    input: z.strictObject({
      appointmentId: idSchema,
      reason: z.string({ error: 'Escriba el motivo de la cancelación' }).trim().min(3, 'Escriba el motivo de la cancelación').max(300),
      cancelledBy: z.enum(CANCELLED_BY, { error: 'Indique quién cancela' }).default('patient'),
    }),
    output: z.object({ appointment: appointmentSchema }),
  }),
  'appointments.checkIn': procedure({
    summary: 'The patient arrived: the appointment joins the clinician’s waiting list.',
    access: ['reception', 'clinician', 'admin'],
    input: appointmentRef,
    output: z.object({ appointment: appointmentSchema }),
  }),
  'appointments.markNoShow': procedure({
    summary: 'The patient did not come (only once the start time has passed); counted per patient.',
    access: ['reception', 'clinician', 'admin'],
    input: appointmentRef,
    output: z.object({ appointment: appointmentSchema }),
  }),
  'appointments.get': procedure({
    summary: 'One appointment (for the slip and the agenda).',
    access: ['reception', 'clinician', 'admin'],
    input: appointmentRef,
    output: z.object({ appointment: appointmentSchema }),
  }),
  'appointments.list': procedure({
    summary: 'Appointments in a period (a day or a week), for one clinician, one patient or the whole unit.',
    access: ['reception', 'clinician', 'admin'],
    input: z.strictObject({
      from: isoDateSchema,
      to: isoDateSchema,
      clinicianId: idSchema.optional(),
      patientId: idSchema.optional(),
      status: z.enum(APPOINTMENT_STATUSES).optional(),
    }),
    output: z.object({ appointments: z.array(appointmentSchema) }),
  }),
  'appointments.waitingList': procedure({
    summary: 'Checked-in patients waiting, oldest arrival first; a clinician sees their own by default.',
    access: ['reception', 'clinician', 'admin'],
    input: z.strictObject({ clinicianId: idSchema.optional() }),
    output: z.object({ appointments: z.array(appointmentSchema) }),
  }),
  'clinicians.list': procedure({
    summary: 'Active clinicians with their services and working hours, for booking.',
    access: ['reception', 'clinician', 'admin'],
    input: z.strictObject({}),
    output: z.object({ clinicians: z.array(clinicianSchema) }),
  }),
  'clinicians.setSchedule': procedure({
    summary: 'Admin: a clinician’s services and weekly working hours.',
    access: ['admin'],
    input: z.strictObject({
      clinicianId: idSchema,
      services: z.array(z.enum(SERVICES)).min(1, 'Elija al menos un servicio'),
      hours: z.array(workingHoursSchema).max(28),
    }),
    output: z.object({ clinician: clinicianSchema }),
  }),
  'unit.info': procedure({
    summary: 'The unit’s name, address and phone, for the appointment slip.',
    access: 'authenticated',
    input: z.strictObject({}),
    output: z.object({ name: z.string(), address: z.string(), phone: z.string() }),
  }),
  'unit.update': procedure({
    summary: 'Admin: the unit’s name, address and phone.',
    access: ['admin'],
    input: z.strictObject({
      name: z.string().trim().min(3, 'Escriba el nombre de la unidad').max(120),
      address: z.string().trim().min(3, 'Escriba la dirección').max(200),
      phone: z.string().trim().max(60),
    }),
    output: z.object({ name: z.string(), address: z.string(), phone: z.string() }),
  }),
};
