// A valid input for every served procedure, with the fixtures those inputs need (patients, an
// agenda, a signed session, a finished export). The role matrix, the fuzzers (their seeds) and the
// retention check all start from these.
import type { ServedProcedure } from '../../electron/core/handlers';
import { R4V_DEFAULTS } from '../../electron/core/exports';
import { TEST_PASSWORD, type TestUnit } from './temp-store';
import { patientInput } from './patients';
import { sessionInput } from './sessions';

export type Samples = Record<ServedProcedure, (token: string | null) => unknown>;

export interface SampleKit {
  /** A valid input per procedure; some make a fresh fixture each time they are called. */
  samples: Samples;
  /** A clinician with no fixtures depending on them: users.update and resetPassword act on them. */
  victimId: number;
  /** A clinician whose agenda is open all day, every day. */
  agendaClinicianId: number;
  victimPatientId: number;
  /** A token of the 'fixtures' admin, only used to make fixtures. */
  fixtureToken: string;
  clinicianToken: string;
  /** A fresh number each call, for unique names and documents. */
  next(): number;
}

/** Prepares the fixtures on a test unit (users 'victima', 'agenda', 'fixtures' must not exist yet). */
export async function prepareSamples(unit: TestUnit, options: { loginUsername?: string } = {}): Promise<SampleKit> {
  let victimId = 0;
  let counter = 0;
  let rescheduleDay = 0;
  let fixtureToken = '';
  let agendaClinicianId = 0;
  let victimPatientId = 0;

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

  let clinicianToken = '';
  let finishedExportId = 0;
  const EXPORT_ROTATION = ['monthly_report', 'deidentified_sessions', 'deidentified_patient_months'] as const;
  let signedSessionId = 0;
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
  const samples: Samples = {
    'auth.login': () => ({ username: options.loginUsername ?? 'admin', password: TEST_PASSWORD }),
    'auth.logout': () => ({}),
    'auth.me': () => ({}),
    'auth.changePassword': () => ({ currentPassword: TEST_PASSWORD, newPassword: `otra frase segura ${++counter}` }),
    'users.list': () => ({ includeInactive: true }),
    'users.create': () => ({ username: `nuevo${++counter}`, displayName: 'Nueva Persona', role: 'reception', password: 'una frase bastante larga' }),
    'users.update': () => ({ userId: victimId, displayName: `Nombre ${++counter}` }),
    'users.resetPassword': () => ({ userId: victimId, newPassword: `temporal segura ${++counter}` }),
    'users.sessions': () => ({}),
    'users.endSessions': () => ({ userId: victimId }),
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
    // The fixture already has patients: an allowed caller gets 409 (see REFUSED_BY_STATE in the role matrix).
    'demo.seed': () => ({ patients: 10 }),
  };

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
  return { samples, victimId, agendaClinicianId, victimPatientId, fixtureToken, clinicianToken, next: () => ++counter };
}
