import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Appointment } from '../../electron/api/appointments';
import { auditCount, createTestUnit, dataDigest, type TestUnit } from '../helpers/temp-store';
import { patientInput } from '../helpers/patients';

let unit: TestUnit;
let reception: string;
let clinician: string;
let admin: string;
let ana: number; // psychologist, Monday–Friday 07:00–12:00 and Monday 14:00–17:00
let beto: number; // psychiatrist, Tuesday 08:00–12:00
let patientId: number;
let otherPatientId: number;

// The fake clock starts on Sunday 2026-11-22 08:00 UTC = 03:00 in Cúcuta; Monday is 2026-11-23.
beforeEach(async () => {
  unit = await createTestUnit({ security: { idleTimeoutSeconds: 7 * 24 * 3600, absoluteTimeoutSeconds: 14 * 24 * 3600 } });
  await unit.addUser('recepcion', 'reception');
  ana = await unit.addUser('ana', 'clinician');
  beto = await unit.addUser('beto', 'clinician');
  reception = await unit.login('recepcion');
  clinician = await unit.login('ana');
  admin = await unit.login('admin');
  const hours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '07:00', end: '12:00' }));
  expect((await unit.call('clinicians.setSchedule', { clinicianId: ana, services: ['psychology', 'group_session'], hours: [...hours, { weekday: 1, start: '14:00', end: '17:00' }] }, admin)).ok).toBe(true);
  expect((await unit.call('clinicians.setSchedule', { clinicianId: beto, services: ['psychiatry'], hours: [{ weekday: 2, start: '08:00', end: '12:00' }] }, admin)).ok).toBe(true);
  const p1 = await unit.call('patients.register', { patient: patientInput() }, reception);
  const p2 = await unit.call('patients.register', { patient: patientInput({ givenNames: 'Pedro', familyNames: 'Ramírez', documentNumber: '7777777', sex: 'M' }) }, reception);
  patientId = (p1 as { value: { patient: { id: number } } }).value.patient.id;
  otherPatientId = (p2 as { value: { patient: { id: number } } }).value.patient.id;
});
afterEach(() => unit.cleanup());

async function book(input: Record<string, unknown>, token = reception) {
  return unit.call('appointments.book', { patientId, clinicianId: ana, service: 'psychology', startsAt: '2026-11-23T08:00', durationMinutes: 40, ...input }, token);
}
const value = (r: Awaited<ReturnType<typeof book>>) => (r as { value: { appointment: Appointment } }).value.appointment;

describe('appointments.book', () => {
  it('books within the clinician’s hours, audited with the patient', async () => {
    const result = await book({ note: 'Trae la remisión' });
    expect(result.ok).toBe(true);
    expect(value(result)).toMatchObject({ status: 'booked', clinicianName: 'Persona ana', patientRecordNumber: 'SM-2026-000001', startsAt: '2026-11-23T08:00', durationMinutes: 40, bookedByName: 'Persona recepcion' });
    const audit = await unit.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'appointments.book').executeTakeFirstOrThrow();
    expect(audit.patient_id).toBe(patientId);
    const fetched = await unit.call('appointments.get', { appointmentId: value(result).id }, clinician);
    expect(value(fetched)).toEqual(value(result));
    const missing = await unit.call('appointments.get', { appointmentId: 9999 }, reception);
    expect(!missing.ok && missing.error.code).toBe('not_found');
  });

  it('refuses a double booking of the clinician or of the patient with 409, writing nothing', async () => {
    expect((await book({})).ok).toBe(true);
    const before = await dataDigest(unit.store);
    const clash = await book({ patientId: otherPatientId, startsAt: '2026-11-23T08:20' });
    expect(clash).toEqual({ ok: false, error: { code: 'conflict', message: 'Persona ana ya tiene una cita a las 08:00: elija otra hora.' } });
    const patientClash = await book({ clinicianId: beto, service: 'psychiatry', startsAt: '2026-11-23T08:30' });
    expect(!patientClash.ok && patientClash.error.code).toBe('conflict');
    expect(await dataDigest(unit.store)).toEqual(before);
    // Back to back is fine.
    expect((await book({ patientId: otherPatientId, startsAt: '2026-11-23T08:40' })).ok).toBe(true);
  });

  it('refuses a slot outside the clinician’s hours, on a day without hours, or a service they do not give', async () => {
    for (const [input, message] of [
      [{ startsAt: '2026-11-23T11:40' }, /Fuera del horario de Persona ana: ese día atiende 07:00–12:00, 14:00–17:00/],
      [{ startsAt: '2026-11-23T12:30' }, /Fuera del horario/],
      [{ startsAt: '2026-11-28T09:00' }, /ese día no tiene horario/],
      [{ service: 'psychiatry' }, /no atiende ese servicio/],
    ] as const) {
      const result = await book(input);
      expect(!result.ok && result.error.code, JSON.stringify(input)).toBe('conflict');
      expect(!result.ok && result.error.message).toMatch(message);
    }
    expect((await book({ startsAt: '2026-11-23T16:20' })).ok).toBe(true);
  });

  it('lets a group session take several patients at the same time', async () => {
    expect((await book({ service: 'group_session', startsAt: '2026-11-24T09:00', durationMinutes: 90 })).ok).toBe(true);
    expect((await book({ service: 'group_session', startsAt: '2026-11-24T09:00', durationMinutes: 90, patientId: otherPatientId })).ok).toBe(true);
    const individual = await book({ startsAt: '2026-11-24T09:30', patientId: otherPatientId });
    expect(!individual.ok && individual.error.code).toBe('conflict');
  });

  it('names the field of bad input', async () => {
    for (const [input, field] of [
      [{ startsAt: '2026-11-23 08:00' }, 'startsAt'],
      [{ startsAt: '2026-02-30T08:00' }, 'startsAt'],
      [{ durationMinutes: 5 }, 'durationMinutes'],
      [{ service: 'dentistry' }, 'service'],
      [{ patientId: -1 }, 'patientId'],
      [{ clinicianId: unit ? 1 : 0 }, 'clinicianId'], // user 1 is the admin, not a clinician
      [{ startsAt: '2026-11-20T08:00' }, 'startsAt'],
    ] as const) {
      const result = await book(input);
      expect(!result.ok && result.error.issues?.map((i) => i.path), JSON.stringify(input)).toContain(field);
    }
  });
});

describe('check-in, no-show, cancel, reschedule', () => {
  it('checks a patient in on the day and the clinician sees them waiting', async () => {
    const booked = value(await book({}));
    const early = await unit.call('appointments.checkIn', { appointmentId: booked.id }, reception);
    expect(!early.ok && early.error.message).toMatch(/el día de la cita/);
    unit.clock.advance(24 * 3600 + 4 * 3600); // Monday 07:00 in Cúcuta
    const checkedIn = await unit.call('appointments.checkIn', { appointmentId: booked.id }, reception);
    expect(value(checkedIn).status).toBe('checked_in');
    const waiting = await unit.call('appointments.waitingList', {}, clinician);
    expect((waiting as { value: { appointments: Appointment[] } }).value.appointments.map((a) => a.patientName)).toEqual(['Yorgelys Andreína Gutiérrez Contreras']);
    const betoToken = await unit.login('beto');
    const none = await unit.call('appointments.waitingList', {}, betoToken);
    expect((none as { value: { appointments: unknown[] } }).value.appointments).toEqual([]);
    const again = await unit.call('appointments.checkIn', { appointmentId: booked.id }, reception);
    expect(!again.ok && again.error.code).toBe('conflict');
  });

  it('marks a no-show only after the start time, and counts it on the patient', async () => {
    const booked = value(await book({}));
    const tooEarly = await unit.call('appointments.markNoShow', { appointmentId: booked.id }, reception);
    expect(!tooEarly.ok && tooEarly.error.message).toMatch(/todavía no ha empezado/);
    unit.clock.advance(24 * 3600 + 6 * 3600); // Monday 09:00
    expect(value(await unit.call('appointments.markNoShow', { appointmentId: booked.id }, reception)).status).toBe('no_show');
    const patient = await unit.call('patients.get', { patientId }, reception);
    expect((patient as { value: { patient: { noShowCount: number } } }).value.patient.noShowCount).toBe(1);
  });

  it('cancels only with a reason, and frees the slot', async () => {
    const booked = value(await book({}));
    const noReason = await unit.call('appointments.cancel', { appointmentId: booked.id, reason: '' }, reception);
    expect(!noReason.ok && noReason.error.issues?.[0]?.path).toBe('reason');
    const cancelled = await unit.call('appointments.cancel', { appointmentId: booked.id, reason: 'Viaja a Caracas', cancelledBy: 'patient' }, reception);
    expect(value(cancelled)).toMatchObject({ status: 'cancelled', cancelReason: 'Viaja a Caracas', cancelledBy: 'patient' });
    expect((await book({ patientId: otherPatientId })).ok).toBe(true);
    const twice = await unit.call('appointments.cancel', { appointmentId: booked.id, reason: 'otra vez' }, reception);
    expect(!twice.ok && twice.error.code).toBe('conflict');
  });

  it('reschedules with the same checks and counts it', async () => {
    const first = value(await book({}));
    value(await book({ patientId: otherPatientId, startsAt: '2026-11-23T09:00' }));
    const clash = await unit.call('appointments.reschedule', { appointmentId: first.id, startsAt: '2026-11-23T09:20' }, reception);
    expect(!clash.ok && clash.error.code).toBe('conflict');
    const moved = await unit.call('appointments.reschedule', { appointmentId: first.id, startsAt: '2026-11-23T10:00' }, reception);
    expect(value(moved)).toMatchObject({ startsAt: '2026-11-23T10:00', rescheduleCount: 1 });
    const toBeto = await unit.call('appointments.reschedule', { appointmentId: first.id, startsAt: '2026-11-24T08:00', clinicianId: beto }, reception);
    expect(!toBeto.ok && toBeto.error.message).toMatch(/no atiende ese servicio/);
  });
});

describe('appointments.list', () => {
  it('answers a day or a week, per clinician or for the whole unit, in time order', async () => {
    await book({ startsAt: '2026-11-23T09:00' });
    await book({ startsAt: '2026-11-23T08:00', patientId: otherPatientId });
    await book({ clinicianId: beto, service: 'psychiatry', startsAt: '2026-11-24T08:00' });
    const day = await unit.call('appointments.list', { from: '2026-11-23', to: '2026-11-23' }, reception);
    expect((day as { value: { appointments: Appointment[] } }).value.appointments.map((a) => a.startsAt)).toEqual(['2026-11-23T08:00', '2026-11-23T09:00']);
    const week = await unit.call('appointments.list', { from: '2026-11-23', to: '2026-11-29' }, clinician);
    expect((week as { value: { appointments: Appointment[] } }).value.appointments).toHaveLength(3);
    const betoWeek = await unit.call('appointments.list', { from: '2026-11-23', to: '2026-11-29', clinicianId: beto }, reception);
    expect((betoWeek as { value: { appointments: Appointment[] } }).value.appointments.map((a) => a.clinicianName)).toEqual(['Persona beto']);
    const backwards = await unit.call('appointments.list', { from: '2026-11-29', to: '2026-11-23' }, reception);
    expect(!backwards.ok && backwards.error.issues?.[0]?.path).toBe('to');
  });

  it('reading the agenda is not a write', async () => {
    await book({});
    const before = auditCount(unit.store);
    await unit.call('appointments.list', { from: '2026-11-23', to: '2026-11-23' }, reception);
    expect(auditCount(unit.store)).toBe(before);
  });
});

describe('clinicians.setSchedule and unit.info', () => {
  it('refuses overlapping or inverted hours, naming the row', async () => {
    const inverted = await unit.call('clinicians.setSchedule', { clinicianId: ana, services: ['psychology'], hours: [{ weekday: 1, start: '12:00', end: '08:00' }] }, admin);
    expect(!inverted.ok && inverted.error.issues?.[0]?.path).toBe('hours.0.end');
    const overlap = await unit.call('clinicians.setSchedule', { clinicianId: ana, services: ['psychology'], hours: [{ weekday: 1, start: '08:00', end: '12:00' }, { weekday: 1, start: '11:00', end: '13:00' }] }, admin);
    expect(!overlap.ok && overlap.error.issues?.[0]?.path).toBe('hours.1.start');
  });

  it('keeps the unit’s address for the slip', async () => {
    const updated = await unit.call('unit.update', { name: 'Unidad de Salud Mental — Hospital Erasmo Meoz', address: 'Av. 11E # 5AN-71, Cúcuta', phone: '(607) 574 6888' }, admin);
    expect(updated.ok).toBe(true);
    const info = await unit.call('unit.info', {}, reception);
    expect((info as { value: { address: string } }).value.address).toBe('Av. 11E # 5AN-71, Cúcuta');
  });
});
