// The agenda: booking within clinicians' hours without double-booking, check-in, no-shows, cancellations.
import type { z } from 'zod';
import type { Appointment, bookAppointmentInput } from '../api/appointments';
import type { Service } from '../api/codes';
import { appendAudit } from './audit';
import { isoNow, type Actor, type Db, type ServiceContext } from './context';
import { conflict, invalidField, notFound } from './errors';
import { unitToday } from './patients';
import { sql } from 'kysely';

type BookInput = z.output<typeof bookAppointmentInput>;
const ACTIVE = ['booked', 'checked_in'] as const;

/** "2026-11-23T08:30" plus minutes, in the same local notation. */
export function addMinutes(local: string, minutes: number): string {
  return new Date(Date.parse(`${local}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);
}

/** ISO weekday of a local date-time: 1 = Monday … 7 = Sunday. */
export function weekdayOf(local: string): number {
  const day = new Date(`${local.slice(0, 10)}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function nowLocal(ctx: ServiceContext): string {
  return unitToday(ctx).toISOString().slice(0, 16);
}

async function toAppointments(db: Db, ids: number[]): Promise<Appointment[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .innerJoin('users as c', 'c.id', 'a.clinician_id')
    .innerJoin('users as b', 'b.id', 'a.booked_by')
    .select([
      'a.id', 'a.patient_id', 'a.clinician_id', 'a.service', 'a.starts_at', 'a.duration_minutes', 'a.status', 'a.note', 'a.booked_at',
      'a.checked_in_at', 'a.cancelled_at', 'a.cancel_reason', 'a.cancelled_by', 'a.reschedule_count',
      'p.given_names', 'p.family_names', 'p.record_number', 'c.display_name as clinician_name', 'b.display_name as booked_by_name',
    ])
    .where('a.id', 'in', ids)
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    patientName: `${r.given_names} ${r.family_names}`,
    patientRecordNumber: r.record_number,
    clinicianId: r.clinician_id,
    clinicianName: r.clinician_name,
    service: r.service as Service,
    startsAt: r.starts_at,
    durationMinutes: r.duration_minutes,
    status: r.status,
    note: r.note,
    bookedAt: r.booked_at,
    bookedByName: r.booked_by_name,
    checkedInAt: r.checked_in_at,
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
    cancelledBy: r.cancelled_by as Appointment['cancelledBy'],
    rescheduleCount: r.reschedule_count,
  }));
}

async function one(db: Db, id: number): Promise<Appointment> {
  const [appointment] = await toAppointments(db, [id]);
  if (!appointment) throw notFound('No existe esa cita.');
  return appointment;
}

const hhmm = (local: string) => local.slice(11, 16);

/** Refuses (409) a slot outside the clinician's hours, or overlapping another active appointment. */
async function checkSlot(
  db: Db,
  ctx: ServiceContext,
  slot: { clinicianId: number; patientId: number; service: Service; startsAt: string; durationMinutes: number; exceptId?: number },
): Promise<void> {
  const clinician = await db.selectFrom('users').select(['id', 'display_name', 'role', 'active']).where('id', '=', slot.clinicianId).executeTakeFirst();
  if (!clinician || clinician.role !== 'clinician' || clinician.active !== 1) throw invalidField('clinicianId', 'Elija un profesional activo');
  if (slot.startsAt < nowLocal(ctx).slice(0, 10)) throw invalidField('startsAt', 'No se pueden agendar citas en días pasados');
  const endsAt = addMinutes(slot.startsAt, slot.durationMinutes);
  if (endsAt.slice(0, 10) !== slot.startsAt.slice(0, 10)) throw conflict('La cita debe terminar el mismo día.');

  const services = await db.selectFrom('clinician_services').select('service').where('user_id', '=', slot.clinicianId).execute();
  if (services.length && !services.some((s) => s.service === slot.service)) {
    throw conflict(`${clinician.display_name} no atiende ese servicio.`);
  }
  const hours = await db.selectFrom('clinician_hours').select(['start', 'end']).where('user_id', '=', slot.clinicianId).where('weekday', '=', weekdayOf(slot.startsAt)).execute();
  const fits = hours.some((h) => h.start <= hhmm(slot.startsAt) && hhmm(endsAt) <= h.end);
  if (!fits) {
    const when = hours.length ? `ese día atiende ${hours.map((h) => `${h.start}–${h.end}`).join(', ')}` : 'ese día no tiene horario';
    throw conflict(`Fuera del horario de ${clinician.display_name}: ${when}.`);
  }

  let clash = db
    .selectFrom('appointments')
    .select(['id', 'starts_at', 'service', 'patient_id', 'clinician_id'])
    .where('status', 'in', ACTIVE)
    .where('starts_at', '<', endsAt)
    .where('ends_at', '>', slot.startsAt)
    .where((eb) => eb.or([eb('clinician_id', '=', slot.clinicianId), eb('patient_id', '=', slot.patientId)]));
  if (slot.exceptId !== undefined) clash = clash.where('id', '!=', slot.exceptId);
  for (const other of await clash.execute()) {
    if (other.patient_id === slot.patientId) throw conflict(`El paciente ya tiene una cita a las ${hhmm(other.starts_at)} ese día.`);
    // A group session takes several patients at the same start time.
    const sameGroup = slot.service === 'group_session' && other.service === 'group_session' && other.starts_at === slot.startsAt;
    if (!sameGroup) throw conflict(`${clinician.display_name} ya tiene una cita a las ${hhmm(other.starts_at)}: elija otra hora.`);
  }
}

async function activePatient(db: Db, patientId: number): Promise<void> {
  const patient = await db.selectFrom('patients').select(['id', 'merged_into_id', 'record_number']).where('id', '=', patientId).executeTakeFirst();
  if (!patient) throw notFound('No existe ese paciente.');
  if (patient.merged_into_id !== null) throw conflict('Ese registro fue fusionado con otro: agende en el registro que se conservó.');
}

export async function bookAppointment(ctx: ServiceContext, actor: Actor, input: BookInput, origin: string | null) {
  const appointment = await ctx.db.transaction().execute(async (trx) => {
    await activePatient(trx, input.patientId);
    await checkSlot(trx, ctx, input);
    const at = isoNow(ctx);
    const row = await trx
      .insertInto('appointments')
      .values({
        patient_id: input.patientId,
        clinician_id: input.clinicianId,
        service: input.service,
        starts_at: input.startsAt,
        ends_at: addMinutes(input.startsAt, input.durationMinutes),
        duration_minutes: input.durationMinutes,
        status: 'booked',
        note: input.note,
        booked_at: at,
        booked_by: actor.userId,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, { action: 'appointments.book', actor, origin, targetType: 'appointment', targetId: row.id, patientId: input.patientId, details: { clinicianId: input.clinicianId, service: input.service, startsAt: input.startsAt } });
    return one(trx, row.id);
  });
  return { appointment };
}

async function loadForChange(db: Db, id: number, allowed: readonly string[], what: string) {
  const row = await db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('No existe esa cita.');
  if (!allowed.includes(row.status)) throw conflict(`No se puede ${what} una cita en estado "${row.status}".`);
  return row;
}

export async function rescheduleAppointment(ctx: ServiceContext, actor: Actor, input: { appointmentId: number; startsAt: string; clinicianId?: number; durationMinutes?: number }, origin: string | null) {
  const appointment = await ctx.db.transaction().execute(async (trx) => {
    const row = await loadForChange(trx, input.appointmentId, ['booked'], 'reprogramar');
    const slot = {
      clinicianId: input.clinicianId ?? row.clinician_id,
      patientId: row.patient_id,
      service: row.service as Service,
      startsAt: input.startsAt,
      durationMinutes: input.durationMinutes ?? row.duration_minutes,
      exceptId: row.id,
    };
    await checkSlot(trx, ctx, slot);
    await trx
      .updateTable('appointments')
      .set({ clinician_id: slot.clinicianId, starts_at: slot.startsAt, ends_at: addMinutes(slot.startsAt, slot.durationMinutes), duration_minutes: slot.durationMinutes, reschedule_count: sql`reschedule_count + 1`, updated_at: isoNow(ctx) })
      .where('id', '=', row.id)
      .execute();
    await appendAudit(ctx, trx, {
      action: 'appointments.reschedule',
      actor,
      origin,
      targetType: 'appointment',
      targetId: row.id,
      patientId: row.patient_id,
      details: { from: { startsAt: row.starts_at, clinicianId: row.clinician_id }, to: { startsAt: slot.startsAt, clinicianId: slot.clinicianId } },
    });
    return one(trx, row.id);
  });
  return { appointment };
}

export async function cancelAppointment(ctx: ServiceContext, actor: Actor, input: { appointmentId: number; reason: string; cancelledBy: 'patient' | 'unit' }, origin: string | null) {
  const appointment = await ctx.db.transaction().execute(async (trx) => {
    const row = await loadForChange(trx, input.appointmentId, ['booked', 'checked_in'], 'cancelar');
    const at = isoNow(ctx);
    await trx.updateTable('appointments').set({ status: 'cancelled', cancelled_at: at, cancel_reason: input.reason, cancelled_by: input.cancelledBy, updated_at: at }).where('id', '=', row.id).execute();
    await appendAudit(ctx, trx, { action: 'appointments.cancel', actor, origin, targetType: 'appointment', targetId: row.id, patientId: row.patient_id, details: { cancelledBy: input.cancelledBy } });
    return one(trx, row.id);
  });
  return { appointment };
}

export async function checkIn(ctx: ServiceContext, actor: Actor, appointmentId: number, origin: string | null) {
  const appointment = await ctx.db.transaction().execute(async (trx) => {
    const row = await loadForChange(trx, appointmentId, ['booked'], 'registrar la llegada de');
    if (row.starts_at.slice(0, 10) !== nowLocal(ctx).slice(0, 10)) throw conflict('Solo se registra la llegada el día de la cita.');
    const at = isoNow(ctx);
    await trx.updateTable('appointments').set({ status: 'checked_in', checked_in_at: at, updated_at: at }).where('id', '=', row.id).execute();
    await appendAudit(ctx, trx, { action: 'appointments.checkIn', actor, origin, targetType: 'appointment', targetId: row.id, patientId: row.patient_id });
    return one(trx, row.id);
  });
  return { appointment };
}

export async function markNoShow(ctx: ServiceContext, actor: Actor, appointmentId: number, origin: string | null) {
  const appointment = await ctx.db.transaction().execute(async (trx) => {
    const row = await loadForChange(trx, appointmentId, ['booked'], 'marcar como inasistencia');
    if (row.starts_at > nowLocal(ctx)) throw conflict('La cita todavía no ha empezado: no se puede marcar inasistencia.');
    const at = isoNow(ctx);
    await trx.updateTable('appointments').set({ status: 'no_show', no_show_at: at, updated_at: at }).where('id', '=', row.id).execute();
    await appendAudit(ctx, trx, { action: 'appointments.markNoShow', actor, origin, targetType: 'appointment', targetId: row.id, patientId: row.patient_id });
    return one(trx, row.id);
  });
  return { appointment };
}

export async function listAppointments(ctx: ServiceContext, input: { from: string; to: string; clinicianId?: number; patientId?: number; status?: string }) {
  if (input.to < input.from) throw invalidField('to', 'La fecha final es anterior a la inicial');
  if (Date.parse(input.to) - Date.parse(input.from) > 62 * 86_400_000) throw invalidField('to', 'Máximo dos meses por consulta');
  let query = ctx.db.selectFrom('appointments').select('id').where('starts_at', '>=', input.from).where('starts_at', '<', `${input.to}T99`);
  if (input.clinicianId !== undefined) query = query.where('clinician_id', '=', input.clinicianId);
  if (input.patientId !== undefined) query = query.where('patient_id', '=', input.patientId);
  if (input.status) query = query.where('status', '=', input.status as Appointment['status']);
  const ids = (await query.limit(5000).execute()).map((r) => r.id);
  return { appointments: await toAppointments(ctx.db, ids) };
}

export async function waitingList(ctx: ServiceContext, actor: Actor, input: { clinicianId?: number }) {
  const clinicianId = input.clinicianId ?? (actor.role === 'clinician' ? actor.userId : undefined);
  const today = nowLocal(ctx).slice(0, 10);
  let query = ctx.db.selectFrom('appointments').select('id').where('status', '=', 'checked_in').where('starts_at', '>=', today).where('starts_at', '<', `${today}T99`);
  if (clinicianId !== undefined) query = query.where('clinician_id', '=', clinicianId);
  const ids = (await query.execute()).map((r) => r.id);
  const appointments = await toAppointments(ctx.db, ids);
  return { appointments: appointments.sort((a, b) => (a.checkedInAt ?? '').localeCompare(b.checkedInAt ?? '')) };
}

export async function getAppointment(ctx: ServiceContext, appointmentId: number) {
  return { appointment: await one(ctx.db, appointmentId) };
}
