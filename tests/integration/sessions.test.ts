import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RiskAlert, Session } from '../../electron/api/sessions';
import { auditCount, createTestUnit, dataDigest, type TestUnit } from '../helpers/temp-store';
import { patientInput } from '../helpers/patients';
import { sessionInput } from '../helpers/sessions';

let unit: TestUnit;
let ana: string; // psychologist
let beto: string; // psychiatrist
let reception: string;
let admin: string;
let patientId: number;

beforeEach(async () => {
  unit = await createTestUnit({ security: { idleTimeoutSeconds: 7 * 24 * 3600, absoluteTimeoutSeconds: 14 * 24 * 3600 } });
  await unit.addUser('ana', 'clinician');
  await unit.addUser('beto', 'clinician');
  await unit.addUser('recepcion', 'reception');
  ana = await unit.login('ana');
  beto = await unit.login('beto');
  reception = await unit.login('recepcion');
  admin = await unit.login('admin');
  const p = await unit.call('patients.register', { patient: patientInput() }, reception);
  patientId = (p as { value: { patient: { id: number } } }).value.patient.id;
});
afterEach(() => unit.cleanup());

async function ok<T>(name: string, input: unknown, token: string): Promise<T> {
  const result = await unit.call(name, input, token);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
const create = (token = ana, overrides: Record<string, unknown> = {}) => ok<{ session: Session }>('sessions.create', sessionInput(patientId, overrides), token).then((v) => v.session);
const actions = async () => (await unit.store.db.selectFrom('audit_log').select(['action', 'patient_id', 'actor_username']).orderBy('id').execute()).map((r) => `${r.action}:${r.actor_username}`);

describe('sessions: drafts, scores, signing', () => {
  it('scores the instruments in the service and keeps the draft editable by its author only', async () => {
    const draft = await create();
    expect(draft.status).toBe('draft');
    expect(draft.instruments.map((i) => [i.instrument, i.total, i.band, i.riskAlert])).toEqual([
      ['phq9', 14, 'moderate', true],
      ['gad7', 10, 'moderate', false],
    ]);
    expect(draft.diagnoses).toEqual([
      { code: 'F321', description: 'Episodio depresivo moderado', primary: true },
      { code: 'Z603', description: expect.any(String), primary: false },
    ]);
    const edited = await ok<{ session: Session }>('sessions.update', { sessionId: draft.id, session: sessionInput(patientId, { plan: 'Control en 5 días' }) }, ana);
    expect(edited.session.plan).toBe('Control en 5 días');
    const byOther = await unit.call('sessions.update', { sessionId: draft.id, session: sessionInput(patientId) }, beto);
    expect(!byOther.ok && byOther.error.code).toBe('forbidden');
    const readByOther = await unit.call('sessions.get', { sessionId: draft.id }, beto);
    expect(!readByOther.ok && readByOther.error.code).toBe('forbidden');
  });

  it('signs: locked for every procedure and for SQL; amendments keep the original readable', async () => {
    const draft = await create();
    const noteless = await create(ana, { note: null });
    const refused = await unit.call('sessions.sign', { sessionId: noteless.id }, ana);
    expect(!refused.ok && refused.error.issues?.[0]?.path).toBe('note');
    expect(!(await unit.call('sessions.sign', { sessionId: draft.id }, beto)).ok).toBe(true);

    const signed = (await ok<{ session: Session }>('sessions.sign', { sessionId: draft.id }, ana)).session;
    expect(signed).toMatchObject({ status: 'signed', signedAt: '2026-11-22T08:00:00.000Z' });
    expect(signed.signatureHash).toMatch(/^[0-9a-f]{64}$/);
    expect(signed.referrals).toEqual([{ id: expect.any(Number), kind: 'internal', service: 'psychiatry', organisation: null, reason: 'Valoración por psiquiatría', status: 'sent', statusUpdatedAt: null }]);

    const before = await dataDigest(unit.store);
    const update = await unit.call('sessions.update', { sessionId: draft.id, session: sessionInput(patientId, { note: 'otra' }) }, ana);
    expect(!update.ok && update.error.code).toBe('conflict');
    expect(!(await unit.call('sessions.sign', { sessionId: draft.id }, ana)).ok).toBe(true);
    expect(() => unit.store.raw.prepare(`UPDATE sessions SET note = 'cambiada' WHERE id = ?`).run(draft.id)).toThrow(/never changed/);
    expect(() => unit.store.raw.prepare(`UPDATE sessions SET status = 'draft' WHERE id = ?`).run(draft.id)).toThrow(/never changed/);
    expect(() => unit.store.raw.prepare(`DELETE FROM sessions WHERE id = ?`).run(draft.id)).toThrow(/never deleted/);
    expect(() => unit.store.raw.prepare(`UPDATE session_scores SET total = 0`).run()).toThrow(/append-only/);
    expect(() => unit.store.raw.prepare(`UPDATE referrals SET reason = 'x'`).run()).toThrow(/only the status/);
    expect(await dataDigest(unit.store)).toEqual(before);

    unit.clock.advance(3600);
    const amended = (await ok<{ session: Session }>('sessions.amend', { sessionId: draft.id, reason: 'Dato omitido', text: 'La paciente refiere además cefalea tensional.' }, beto)).session;
    expect(amended.note).toBe(signed.note);
    expect(amended.signatureHash).toBe(signed.signatureHash);
    expect(amended.amendments).toEqual([{ id: expect.any(Number), at: '2026-11-22T09:00:00.000Z', authorId: expect.any(Number), authorName: 'Persona beto', reason: 'Dato omitido', text: 'La paciente refiere además cefalea tensional.' }]);
    expect(() => unit.store.raw.prepare(`UPDATE session_amendments SET text = 'x'`).run()).toThrow(/append-only/);
    const onDraft = await unit.call('sessions.amend', { sessionId: noteless.id, reason: 'motivo largo', text: 'x' }, ana);
    expect(!onDraft.ok && onDraft.error.code).toBe('conflict');
  });

  it('completes the linked appointment and follows referrals forward only', async () => {
    const anaId = (await unit.store.db.selectFrom('users').select('id').where('username', '=', 'ana').executeTakeFirstOrThrow()).id;
    await ok('clinicians.setSchedule', { clinicianId: anaId, services: ['psychology'], hours: [7].map((weekday) => ({ weekday, start: '00:00', end: '23:59' })) }, admin);
    const appointment = (await ok<{ appointment: { id: number } }>('appointments.book', { patientId, clinicianId: anaId, service: 'psychology', startsAt: '2026-11-22T09:00' }, reception)).appointment;
    await ok('appointments.checkIn', { appointmentId: appointment.id }, reception);
    const draft = await create(ana, { appointmentId: appointment.id });
    const signed = (await ok<{ session: Session }>('sessions.sign', { sessionId: draft.id }, ana)).session;
    const day = await ok<{ appointments: { status: string }[] }>('appointments.list', { from: '2026-11-22', to: '2026-11-22' }, reception);
    expect(day.appointments.map((a) => a.status)).toEqual(['completed']);
    const referralId = signed.referrals[0]!.id!;
    const accepted = await ok<{ session: Session }>('referrals.updateStatus', { referralId, status: 'accepted' }, beto);
    expect(accepted.session.referrals[0]).toMatchObject({ status: 'accepted', statusUpdatedAt: '2026-11-22T08:00:00.000Z' });
    const back = await unit.call('referrals.updateStatus', { referralId, status: 'sent' }, beto);
    expect(!back.ok && back.error.code).toBe('conflict');
  });

  it('names the field of bad clinical input and writes nothing', async () => {
    const before = await dataDigest(unit.store);
    const audits = auditCount(unit.store);
    const cases: [Record<string, unknown>, string][] = [
      [{ startsAt: '22/11/2026 09:00' }, 'startsAt'],
      [{ durationMinutes: 0 }, 'durationMinutes'],
      [{ modality: 'whatsapp' }, 'modality'],
      [{ interventions: ['hypnosis'] }, 'interventions.0'],
      [{ instruments: [{ instrument: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 9] }] }, 'instruments.0.answers.8'],
      [{ instruments: [{ instrument: 'gad7', answers: [0, 0] }] }, 'instruments.0.answers'],
      [{ instruments: [{ instrument: 'gad7', answers: [0, 0, 0, 0, 0, 0, 0] }, { instrument: 'gad7', answers: [0, 0, 0, 0, 0, 0, 0] }] }, 'instruments.1.instrument'],
      [{ diagnoses: [{ code: 'J45.0' }] }, 'diagnoses.0.code'],
      [{ diagnoses: [{ code: 'F32.1', primary: true }, { code: 'F41.1', primary: true }] }, 'diagnoses'],
      [{ referrals: [{ kind: 'external', reason: 'Apoyo legal' }] }, 'referrals.0.organisation'],
      [{ risk: { violence: 'extreme' } }, 'risk.violence'],
      [{ note: 'x'.repeat(20001) }, 'note'],
      [{ patientId: 999 }, 'patientId'],
    ];
    for (const [overrides, field] of cases) {
      const result = await unit.call('sessions.create', sessionInput(patientId, overrides), ana);
      expect(!result.ok && result.error.issues?.map((i) => i.path), JSON.stringify(overrides)).toContain(field);
    }
    expect(await dataDigest(unit.store)).toEqual(before);
    expect(auditCount(unit.store)).toBe(audits);
  });
});

describe('risk alerts', () => {
  it('PHQ-9 item 9 and a moderate or high C-SSRS raise alerts seen by every clinician until acknowledged', async () => {
    await create();
    await create(beto, { instruments: [{ instrument: 'cssrs', answers: [true, true, true, true, false, false, null] }], startsAt: '2026-11-22T10:00' });
    await create(ana, { instruments: [{ instrument: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0] }], startsAt: '2026-11-22T11:00' });
    const open = (await ok<{ alerts: RiskAlert[] }>('alerts.list', {}, beto)).alerts;
    expect(open.map((a) => [a.source, a.level, a.patientRecordNumber])).toEqual(
      expect.arrayContaining([['phq9_item9', 'moderate', 'SM-2026-000001'], ['cssrs', 'high', 'SM-2026-000001']]),
    );
    expect(open).toHaveLength(2);
    const ack = await ok<{ alert: RiskAlert }>('alerts.acknowledge', { alertId: open[0]!.id, note: 'Plan de seguridad y contacto de apoyo' }, ana);
    expect(ack.alert).toMatchObject({ acknowledgedByName: 'Persona ana', acknowledgementNote: 'Plan de seguridad y contacto de apoyo' });
    expect((await ok<{ alerts: RiskAlert[] }>('alerts.list', {}, beto)).alerts).toHaveLength(1);
    expect((await ok<{ alerts: RiskAlert[] }>('alerts.list', { patientId, includeAcknowledged: true }, beto)).alerts).toHaveLength(2);
    const twice = await unit.call('alerts.acknowledge', { alertId: open[0]!.id, note: 'otra vez' }, beto);
    expect(!twice.ok && twice.error.code).toBe('conflict');
    expect(() => unit.store.raw.prepare('UPDATE risk_alerts SET acknowledged_at = NULL').run()).toThrow(/acknowledged, once/);
    expect((await actions()).filter((a) => a.startsWith('alerts.raise'))).toHaveLength(2);
    expect(await actions()).toContain('alerts.acknowledge:ana');
  });
});

describe('instrument history and lists', () => {
  it('charts signed scores over time, including those of a merged duplicate record', async () => {
    const first = await create();
    await ok('sessions.sign', { sessionId: first.id }, ana);
    const dup = await unit.call('patients.register', { patient: patientInput({ documentType: 'none', documentNumber: null, givenNames: 'Yorgelis' }) }, reception);
    const dupId = (dup as { value: { patient: { id: number } } }).value.patient.id;
    const later = await ok<{ session: Session }>('sessions.create', sessionInput(dupId, { startsAt: '2026-11-29T09:00', instruments: [{ instrument: 'phq9', answers: [1, 1, 1, 1, 1, 0, 0, 0, 0] }] }), ana);
    await ok('sessions.sign', { sessionId: later.session.id }, ana);
    await create(ana, { startsAt: '2026-12-06T09:00' }); // a draft: not in the chart
    await ok('patients.merge', { keepPatientId: patientId, mergePatientId: dupId, reason: 'misma persona, registrada dos veces' }, admin);
    const history = await ok<{ series: { instrument: string; points: { total: number; at: string }[] }[] }>('instruments.history', { patientId }, beto);
    expect(history.series.find((s) => s.instrument === 'phq9')?.points.map((p) => [p.at, p.total])).toEqual([['2026-11-22T09:00', 14], ['2026-11-29T09:00', 5]]);
    const list = await ok<{ sessions: { status: string }[] }>('sessions.listForPatient', { patientId }, beto);
    expect(list.sessions.map((s) => s.status)).toEqual(['signed', 'signed']);
    const own = await ok<{ sessions: { status: string }[] }>('sessions.listForPatient', { patientId }, ana);
    expect(own.sessions.map((s) => s.status)).toEqual(['draft', 'signed', 'signed']);
    expect((await ok<{ sessions: unknown[] }>('sessions.listDrafts', {}, ana)).sessions).toHaveLength(1);
  });
});

describe('confidentiality', () => {
  it('gives reception and administration no clinical content from any procedure they may call', async () => {
    const draft = await create();
    await ok('sessions.sign', { sessionId: draft.id }, ana);
    // Words of the note, concerns, plan and referral, the codes, and every clinical key of the contract.
    const clinical = ['Insomnio', 'depresivos', 'activación', 'psiquiatría', 'F321', 'phq9', 'gad7', '"presentingConcerns"', '"note"', '"plan"', '"diagnoses"', '"instruments"', '"risk"', '"referrals"', '"riskAlert"', '"band"', '"interventions"'];
    for (const token of [reception, admin]) {
      const answers = [
        await unit.call('patients.get', { patientId }, token),
        await unit.call('patients.history', { patientId }, token),
        await unit.call('patients.search', { query: 'Yorgelys' }, token),
        await unit.call('sessions.listVisits', { patientId }, token),
        await unit.call('appointments.list', { from: '2026-11-22', to: '2026-11-29', patientId }, token),
      ];
      for (const answer of answers) {
        expect(answer.ok).toBe(true);
        const json = JSON.stringify(answer);
        for (const word of clinical) expect(json, word).not.toContain(word);
      }
      const visits = answers[3] as { value: { visits: object[] } };
      expect(visits.value.visits).toEqual([{ id: draft.id, startsAt: '2026-11-22T09:00', service: 'psychology', clinicianName: 'Persona ana', status: 'signed' }]);
      for (const name of ['sessions.get', 'sessions.listForPatient', 'instruments.history', 'alerts.list']) {
        const refused = await unit.call(name, name === 'sessions.get' ? { sessionId: draft.id } : name === 'alerts.list' ? {} : { patientId }, token);
        expect(!refused.ok && refused.error.code, name).toBe('forbidden');
      }
    }
  });

  it('audits every clinical read and write', async () => {
    const draft = await create();
    await ok('sessions.update', { sessionId: draft.id, session: sessionInput(patientId) }, ana);
    await ok('sessions.sign', { sessionId: draft.id }, ana);
    await ok('sessions.get', { sessionId: draft.id }, beto);
    await ok('sessions.listForPatient', { patientId }, beto);
    await ok('instruments.history', { patientId }, beto);
    await ok('sessions.amend', { sessionId: draft.id, reason: 'Corrección', text: 'Texto' }, beto);
    const rows = await unit.store.db.selectFrom('audit_log').select(['action', 'actor_username', 'patient_id']).where('action', 'like', 'sessions.%').orderBy('id').execute();
    expect(rows.map((r) => `${r.action}:${r.actor_username}:${r.patient_id}`)).toEqual([
      `sessions.create:ana:${patientId}`,
      `sessions.update:ana:${patientId}`,
      `sessions.sign:ana:${patientId}`,
      `sessions.read:beto:${patientId}`,
      `sessions.list:beto:${patientId}`,
      `sessions.amend:beto:${patientId}`,
    ]);
    expect(await actions()).toContain('instruments.history:beto');
  });
});
