// Every procedure × every role × no session, through the dispatcher (IPC path) and the HTTP host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { allows, contract, ROLES, type Role } from '../../electron/api/index';
import type { ServedProcedure } from '../../electron/core/handlers';
import { buildHost } from '../../electron/host/server';
import { auditCount, createTestUnit, dataDigest, TEST_PASSWORD, type TestUnit } from '../helpers/temp-store';
import { patientInput } from '../helpers/patients';
import { sessionInput } from '../helpers/sessions';
import { R4V_DEFAULTS } from '../../electron/core/exports';

let unit: TestUnit;
let host: FastifyInstance;
let victimId: number;
let counter = 0;
let rescheduleDay = 0;
let fixtureToken: string;
let agendaClinicianId: number;
let victimPatientId: number;

/** Makes a fixture through the API as an admin, failing loudly. */
async function make<T>(name: string, input: unknown): Promise<T> {
  const result = await unit.call(name, input, fixtureToken);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
async function newPatient(): Promise<number> {
  const value = await make<{ patient: { id: number } }>('patients.register', { patient: patientInput({ documentNumber: String(1_000_000 + ++counter) }) });
  return value.patient.id;
}
/** Today in the unit is 2026-11-22 from 03:00 (fake clock); slots before now allow a no-show, later ones a check-in. */
async function newAppointment(when: 'past' | 'later'): Promise<number> {
  const n = ++counter;
  const minutes = when === 'past' ? (n % 9) * 20 : 240 + (n % 59) * 20;
  const startsAt = `2026-11-22T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const value = await make<{ appointment: { id: number } }>('appointments.book', { patientId: await newPatient(), clinicianId: agendaClinicianId, service: 'group_session', startsAt, durationMinutes: 20 });
  return value.appointment.id;
}

let clinicianToken: string;
let finishedExportId: number;
const EXPORT_ROTATION = ['monthly_report', 'deidentified_sessions', 'deidentified_patient_months'] as const;
let signedSessionId: number;
const activityInput = () => ({
  date: '2026-11-20',
  municipalityCode: '54001',
  place: 'Salón comunal',
  kind: 'self_care',
  topic: 'Autocuidado',
  facilitatorIds: [agendaClinicianId],
  attendance: [{ sex: 'F', ageBand: '18-29', populationGroup: 'in_destination', count: 4 }],
});
/** A draft by the cell's own user when that user may write one (else by a fixture clinician). */
async function newDraft(token: string | null): Promise<number> {
  const attempt = token ? await unit.call('sessions.create', sessionInput(victimPatientId), token) : { ok: false as const };
  if (attempt.ok) return (attempt.value as { session: { id: number } }).session.id;
  const fallback = await unit.call('sessions.create', sessionInput(victimPatientId), clinicianToken);
  return (fallback as { value: { session: { id: number } } }).value.session.id;
}
async function signedSession(): Promise<{ id: number; referralId: number }> {
  const id = await newDraft(clinicianToken);
  const signed = await unit.call('sessions.sign', { sessionId: id }, clinicianToken);
  const session = (signed as { value: { session: { referrals: { id: number }[] } } }).value.session;
  return { id, referralId: session.referrals[0]!.id };
}
async function newReferral(): Promise<number> {
  return (await signedSession()).referralId;
}
async function newAlert(): Promise<number> {
  const { id } = await signedSession();
  const row = await unit.store.db.selectFrom('risk_alerts').select('id').where('session_id', '=', id).executeTakeFirstOrThrow();
  return row.id;
}
/** An activity by the cell's own user when that user may record one: its author may correct it. */
async function newActivity(token: string | null): Promise<number> {
  const own = token ? await unit.call('activities.record', activityInput(), token) : { ok: false as const };
  const result = own.ok ? own : await unit.call('activities.record', activityInput(), fixtureToken);
  return (result as { value: { activity: { id: number } } }).value.activity.id;
}

/** A valid input for each procedure; typed so a new procedure without a sample does not compile. */
const samples: Record<ServedProcedure, (token: string | null) => unknown> = {
  'auth.login': () => ({ username: 'admin', password: TEST_PASSWORD }),
  'auth.logout': () => ({}),
  'auth.me': () => ({}),
  'auth.changePassword': () => ({ currentPassword: TEST_PASSWORD, newPassword: `otra frase segura ${++counter}` }),
  'users.list': () => ({ includeInactive: true }),
  'users.create': () => ({ username: `nuevo${++counter}`, displayName: 'Nueva Persona', role: 'reception', password: 'una frase bastante larga' }),
  'users.update': () => ({ userId: victimId, displayName: `Nombre ${++counter}` }),
  'users.resetPassword': () => ({ userId: victimId, newPassword: `temporal segura ${++counter}` }),
  'audit.list': () => ({ limit: 5 }),
  'audit.verify': () => ({}),
  'patients.register': () => ({ patient: patientInput({ documentNumber: String(2_000_000 + ++counter) }) }),
  'patients.update': () => ({ patientId: victimPatientId, patient: patientInput({ neighbourhood: `Barrio ${++counter}` }) }),
  'patients.get': () => ({ patientId: victimPatientId }),
  'patients.history': () => ({ patientId: victimPatientId }),
  'patients.search': () => ({ query: 'Yorgelys Gutiérrez' }),
  'patients.checkDuplicates': () => ({ patient: { givenNames: 'Yorgelis', familyNames: 'Gutierres', dateOfBirth: '1994-03-08' } }),
  'patients.merge': async () => ({ keepPatientId: await newPatient(), mergePatientId: await newPatient(), reason: 'la misma persona' }),
  'appointments.book': async () => ({ patientId: await newPatient(), clinicianId: agendaClinicianId, service: 'psychology', startsAt: `2026-12-${String(1 + (++counter % 28)).padStart(2, '0')}T10:${String(counter % 60).padStart(2, '0')}`, durationMinutes: 10 }),
  'appointments.reschedule': async () => ({ appointmentId: await newAppointment('later'), startsAt: `2027-01-${String(++rescheduleDay).padStart(2, '0')}T10:00` }),
  'appointments.cancel': async () => ({ appointmentId: await newAppointment('later'), reason: 'no puede venir' }),
  'appointments.checkIn': async () => ({ appointmentId: await newAppointment('later') }),
  'appointments.markNoShow': async () => ({ appointmentId: await newAppointment('past') }),
  'appointments.get': async () => ({ appointmentId: await newAppointment('later') }),
  'appointments.list': () => ({ from: '2026-11-22', to: '2026-11-29' }),
  'appointments.waitingList': () => ({}),
  'clinicians.list': () => ({}),
  'clinicians.setSchedule': () => ({ clinicianId: victimId, services: ['psychology'], hours: [{ weekday: 1, start: '08:00', end: '12:00' }] }),
  'unit.info': () => ({}),
  'unit.update': () => ({ name: 'Unidad de Salud Mental', address: 'Calle 1 # 2-3, Cúcuta', phone: '607 000 0000' }),
  // Clinical procedures act on the cell's own user: drafts belong to their author.
  'sessions.create': () => sessionInput(victimPatientId),
  'sessions.update': async (token) => ({ sessionId: await newDraft(token), session: sessionInput(victimPatientId, { plan: 'otro plan' }) }),
  'sessions.sign': async (token) => ({ sessionId: await newDraft(token) }),
  'sessions.amend': () => ({ sessionId: signedSessionId, reason: 'Corrección de un dato', text: 'Texto de la enmienda' }),
  'sessions.get': () => ({ sessionId: signedSessionId }),
  'sessions.listForPatient': () => ({ patientId: victimPatientId }),
  'sessions.listDrafts': () => ({}),
  'sessions.listVisits': () => ({ patientId: victimPatientId }),
  'referrals.updateStatus': async () => ({ referralId: await newReferral(), status: 'accepted' }),
  'instruments.catalog': () => ({}),
  'instruments.history': () => ({ patientId: victimPatientId }),
  'alerts.list': () => ({}),
  'alerts.acknowledge': async () => ({ alertId: await newAlert(), note: 'Plan de seguridad' }),
  'activities.record': () => activityInput(),
  'activities.update': async (token) => ({ activityId: await newActivity(token), activity: activityInput() }),
  'activities.get': async () => ({ activityId: await newActivity(null) }),
  'activities.list': () => ({ from: '2026-11-01', to: '2026-11-30' }),
  'stats.dashboard': () => ({ from: '2026-11-01', to: '2026-11-30' }),
  'stats.monthlyReport': () => ({ from: '2026-11-01', to: '2026-11-30' }),
  'exports.create': () => ({ kind: EXPORT_ROTATION[++counter % EXPORT_ROTATION.length], from: '2026-11-01', to: '2026-11-30' }),
  'exports.status': () => ({ jobId: finishedExportId }),
  'exports.list': () => ({}),
  'exports.download': () => ({ jobId: finishedExportId }),
  'exports.r4vConfig': () => ({}),
  'exports.setR4vConfig': () => ({ config: { ...R4V_DEFAULTS, appealingOrganisation: 'Hospital', implementingPartner: 'Hospital' } }),
  'backups.create': () => ({}),
  'backups.list': () => ({}),
  'backups.status': () => ({}),
  // The fixture already has patients: an allowed caller gets 409 (see REFUSED_BY_STATE).
  'demo.seed': () => ({ patients: 10 }),
};
const procedures = Object.keys(samples) as ServedProcedure[];

beforeAll(async () => {
  unit = await createTestUnit();
  victimId = await unit.addUser('victima', 'clinician');
  agendaClinicianId = await unit.addUser('agenda', 'clinician');
  await unit.addUser('fixtures', 'admin');
  fixtureToken = await unit.login('fixtures');
  const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '23:59' }));
  await make('clinicians.setSchedule', { clinicianId: agendaClinicianId, services: ['psychology', 'group_session'], hours: allDay });
  victimPatientId = await newPatient();
  clinicianToken = await unit.login('agenda');
  signedSessionId = (await signedSession()).id;
  finishedExportId = (await make<{ job: { id: number } }>('exports.create', { kind: 'monthly_report', from: '2026-11-01', to: '2026-11-30' })).job.id;
  for (let i = 0; i < 200; i++) {
    const { job } = await make<{ job: { state: string } }>('exports.status', { jobId: finishedExportId });
    if (job.state !== 'running') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  host = await buildHost({ dispatch: unit.dispatch, rendererDir: null, allowedHosts: new Set(['localhost:80']) });
});
afterAll(async () => {
  await host?.close();
  await unit.cleanup();
});

/** A fresh user per cell, so a cell that changes a password or logs out does not touch the next. */
async function freshToken(role: Role): Promise<string> {
  const username = `${role}${++counter}`;
  await unit.addUser(username, role);
  return unit.login(username);
}

type Cell = { procedure: ServedProcedure; role: Role | null };
const cells: Cell[] = procedures.flatMap((procedure) => [null, ...ROLES].map((role) => ({ procedure, role })));

function expected({ procedure, role }: Cell): 'ok' | 401 | 403 {
  const access = contract[procedure].access;
  if (access === 'public') return 'ok';
  if (role === null) return 401;
  return allows(access, role) ? 'ok' : 403;
}

/** Who may call what, written out: loosening a procedure's roles must change this table too. */
const ACCESS: Record<ServedProcedure, string> = {
  'auth.login': 'public',
  'auth.logout': 'authenticated',
  'auth.me': 'authenticated',
  'auth.changePassword': 'authenticated',
  'users.list': 'admin',
  'users.create': 'admin',
  'users.update': 'admin',
  'users.resetPassword': 'admin',
  'audit.list': 'admin',
  'audit.verify': 'admin',
  'patients.register': 'admin,reception',
  'patients.update': 'admin,reception',
  'patients.get': 'admin,clinician,reception',
  'patients.history': 'admin,clinician,reception',
  'patients.search': 'admin,clinician,reception',
  'patients.checkDuplicates': 'admin,reception',
  'patients.merge': 'admin',
  'appointments.book': 'admin,clinician,reception',
  'appointments.reschedule': 'admin,clinician,reception',
  'appointments.cancel': 'admin,clinician,reception',
  'appointments.checkIn': 'admin,clinician,reception',
  'appointments.markNoShow': 'admin,clinician,reception',
  'appointments.get': 'admin,clinician,reception',
  'appointments.list': 'admin,clinician,reception',
  'appointments.waitingList': 'admin,clinician,reception',
  'clinicians.list': 'admin,clinician,reception',
  'clinicians.setSchedule': 'admin',
  'unit.info': 'authenticated',
  'unit.update': 'admin',
  'sessions.create': 'clinician',
  'sessions.update': 'clinician',
  'sessions.sign': 'clinician',
  'sessions.amend': 'clinician',
  'sessions.get': 'clinician',
  'sessions.listForPatient': 'clinician',
  'sessions.listDrafts': 'clinician',
  'sessions.listVisits': 'admin,clinician,reception',
  'referrals.updateStatus': 'clinician',
  'instruments.catalog': 'clinician',
  'instruments.history': 'clinician',
  'alerts.list': 'clinician',
  'alerts.acknowledge': 'clinician',
  'activities.record': 'admin,clinician',
  'activities.update': 'admin,clinician',
  'activities.get': 'admin,clinician',
  'activities.list': 'admin,clinician',
  'stats.dashboard': 'admin',
  'stats.monthlyReport': 'admin',
  'exports.create': 'admin',
  'exports.status': 'admin',
  'exports.list': 'admin',
  'exports.download': 'admin',
  'exports.r4vConfig': 'admin',
  'exports.setR4vConfig': 'admin',
  'backups.create': 'admin',
  'backups.list': 'admin',
  'backups.status': 'admin',
  'demo.seed': 'admin',
};

/** Procedures whose valid sample an allowed caller sees refused by the fixture's state, not by its role. */
const REFUSED_BY_STATE: Partial<Record<ServedProcedure, 'conflict'>> = { 'demo.seed': 'conflict' };

describe('role matrix', () => {
  it('grants exactly the access written in the table above', () => {
    for (const procedure of procedures) {
      const access = contract[procedure].access;
      expect(typeof access === 'string' ? access : [...access].sort().join(','), procedure).toBe(ACCESS[procedure]);
    }
  });

  it('covers every served procedure of the contract', () => {
    const served = Object.entries(contract).filter(([, def]) => def.transport !== 'desktop').map(([name]) => name);
    expect(procedures.sort()).toEqual(served.sort());
  });

  it.each(cells.map((c) => [c.procedure, c.role ?? 'no session', c] as const))('%s as %s (dispatcher)', async (_p, _r, cell) => {
    const token = cell.role ? await freshToken(cell.role) : null;
    const input = await samples[cell.procedure](token);
    const digest = dataDigest(unit.store);
    const audits = auditCount(unit.store);
    const result = await unit.call(cell.procedure, input, token);
    const want = expected(cell);
    if (want === 'ok') {
      const refused = REFUSED_BY_STATE[cell.procedure];
      if (refused) expect(result.ok ? 'ok' : result.error.code, JSON.stringify(result)).toBe(refused);
      else expect(result.ok, JSON.stringify(result)).toBe(true);
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(want === 401 ? 'unauthenticated' : 'forbidden');
    expect(dataDigest(unit.store)).toEqual(digest);
    const newRows = await unit.store.db.selectFrom('audit_log').selectAll().where('id', '>', audits).execute();
    if (want === 403) {
      expect(newRows.map((r) => [r.action, r.outcome, JSON.parse(r.details).procedure])).toEqual([['access.denied', 'denied', cell.procedure]]);
    } else {
      expect(newRows).toEqual([]);
    }
  });

  it.each(cells.map((c) => [c.procedure, c.role ?? 'no session', c] as const))('%s as %s (HTTP)', async (_p, _r, cell) => {
    const token = cell.role ? await freshToken(cell.role) : null;
    const payload = JSON.stringify(await samples[cell.procedure](token));
    const digest = dataDigest(unit.store);
    const response = await host.inject({
      method: 'POST',
      url: `/api/${cell.procedure}`,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload,
    });
    const want = expected(cell);
    if (want === 'ok' && REFUSED_BY_STATE[cell.procedure]) {
      expect(response.statusCode, response.body).toBe(409);
      return;
    }
    if (want === 'ok') {
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).not.toHaveProperty('error');
      return;
    }
    expect(response.statusCode).toBe(want);
    expect(response.json()).toEqual({ error: expect.objectContaining({ code: want === 401 ? 'unauthenticated' : 'forbidden', message: expect.any(String) }) });
    expect(dataDigest(unit.store)).toEqual(digest);
  });
});
