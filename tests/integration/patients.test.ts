import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Patient } from '../../electron/api/patients';
import { PATIENT_TABLES_ON_MERGE } from '../../electron/core/patients';
import { auditCount, createTestUnit, dataDigest, type TestUnit } from '../helpers/temp-store';
import { patientInput } from '../helpers/patients';
import { rng, syntheticPatient } from '../../electron/core/synthetic/generate';
import { insertPatientsBulk } from '../../electron/core/synthetic/seed';

let unit: TestUnit;
let reception: string;
let clinician: string;
let admin: string;
beforeEach(async () => {
  unit = await createTestUnit();
  await unit.addUser('recepcion', 'reception');
  await unit.addUser('psicologa', 'clinician');
  reception = await unit.login('recepcion');
  clinician = await unit.login('psicologa');
  admin = await unit.login('admin');
});
afterEach(() => unit.cleanup());

async function register(overrides: Record<string, unknown> = {}, token = reception): Promise<Patient> {
  const result = await unit.call('patients.register', { patient: patientInput(overrides) }, token);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.value as { patient: Patient }).patient;
}

const audits = (action: string) => unit.store.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

describe('patients.register', () => {
  it('stores the normalised record with a unit record number, consents with date, version and staff member', async () => {
    const p = await register();
    expect(p.recordNumber).toBe('SM-2026-000001');
    expect(p.documentNumber).toBe('6123456');
    expect(p.phones).toEqual([{ number: '+584141234567', whatsapp: true }]);
    expect(p.emergencyContact).toEqual({ name: 'Luis Gutiérrez', relationship: 'hermano', phone: '+573001234567' });
    expect(p.sisbenGroup).toBe('B3');
    expect(p.age).toBe(32);
    expect(p.consentToCare).toMatchObject({ given: true, version: '2026-11', byName: 'Persona recepcion', at: '2026-11-22T08:00:00.000Z' });
    expect(p.consentToDataProcessing.given).toBe(true);
    expect((await register({ documentNumber: '7123456', givenNames: 'Otra', familyNames: 'Persona' })).recordNumber).toBe('SM-2026-000002');
    const rows = await audits('patients.register');
    expect(rows.map((r) => [r.patient_id, r.actor_username])).toEqual([[p.id, 'recepcion'], [p.id + 1, 'recepcion']]);
  });

  it('registers an undocumented person with only an estimated birth year', async () => {
    const p = await register({ documentType: 'none', documentNumber: null, dateOfBirth: null, estimatedBirthYear: 1980, arrivalDate: null, phones: [] });
    expect([p.documentType, p.documentNumber, p.dateOfBirth, p.estimatedBirthYear, p.age]).toEqual(['none', null, null, 1980, 46]);
  });

  it('refuses without consent to care, with a clear error, and writes nothing', async () => {
    const before = await dataDigest(unit.store);
    const result = await unit.call('patients.register', { patient: patientInput({ consentToCare: { given: false, version: '2026-11' } }) }, reception);
    expect(!result.ok && result.error.issues).toEqual([{ path: 'patient.consentToCare.given', message: 'Sin consentimiento para la atención no se puede registrar a la persona' }]);
    expect(await dataDigest(unit.store)).toEqual(before);
  });

  it('answers 400 naming the field for each bad value, and writes nothing', async () => {
    const before = await dataDigest(unit.store);
    const auditBefore = auditCount(unit.store);
    const cases: [Record<string, unknown>, string][] = [
      [{ givenNames: '' }, 'patient.givenNames'],
      [{ givenNames: 'Ana<script>' }, 'patient.givenNames'],
      [{ familyNames: 'x'.repeat(81) }, 'patient.familyNames'],
      [{ sex: 'X' }, 'patient.sex'],
      [{ dateOfBirth: '1994-02-30' }, 'patient.dateOfBirth'],
      [{ dateOfBirth: '2030-01-01' }, 'patient.dateOfBirth'],
      [{ dateOfBirth: null, estimatedBirthYear: null }, 'patient.dateOfBirth'],
      [{ estimatedBirthYear: 1800, dateOfBirth: null }, 'patient.estimatedBirthYear'],
      [{ documentType: 'XX' }, 'patient.documentType'],
      [{ documentType: 'CC', documentNumber: null }, 'patient.documentNumber'],
      [{ documentType: 'CC', documentNumber: 'AB123' }, 'patient.documentNumber'],
      [{ documentType: 'none', documentNumber: '123' }, 'patient.documentNumber'],
      [{ nationality: 'VENEZUELA' }, 'patient.nationality'],
      [{ nationality: 'XYZ' }, 'patient.nationality'],
      [{ populationGroup: 'migrant' }, 'patient.populationGroup'],
      [{ arrivalDate: '2031-01-01' }, 'patient.arrivalDate'],
      [{ arrivalDate: '1990-01-01' }, 'patient.arrivalDate'],
      [{ phones: [{ number: '123', whatsapp: false }] }, 'patient.phones.0.number'],
      [{ municipalityCode: '99999' }, 'patient.municipalityCode'],
      [{ municipalityCode: 'Cúcuta' }, 'patient.municipalityCode'],
      [{ zone: 'city' }, 'patient.zone'],
      [{ insuranceRegime: 'privado' }, 'patient.insuranceRegime'],
      [{ sisbenGroup: 'E1' }, 'patient.sisbenGroup'],
      [{ pregnant: 'sí' }, 'patient.pregnant'],
      [{ sex: 'M', pregnant: true }, 'patient.pregnant'],
      [{ ethnicity: 'latino' }, 'patient.ethnicity'],
      [{ referralSource: 'radio' }, 'patient.referralSource'],
      [{ dateOfBirth: '2015-05-05', guardian: null, documentType: 'TI', documentNumber: '1090123456', arrivalDate: null }, 'patient.guardian'],
      [{ unaccompaniedMinor: true }, 'patient.unaccompaniedMinor'],
      [{ emergencyContact: { name: '', relationship: 'madre', phone: null } }, 'patient.emergencyContact.name'],
      [{ consentToDataProcessing: null }, 'patient.consentToDataProcessing'],
      [{ inventado: 1 }, 'patient'],
    ];
    for (const [overrides, field] of cases) {
      const result = await unit.call('patients.register', { patient: patientInput(overrides) }, reception);
      expect(result.ok, JSON.stringify(overrides)).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.issues?.map((i) => i.path), JSON.stringify(overrides)).toContain(field);
      expect(result.error.issues?.every((i) => i.message.length > 0 && !/^(Invalid|Expected)/.test(i.message)), JSON.stringify(result.error.issues)).toBe(true);
    }
    expect(await dataDigest(unit.store)).toEqual(before);
    expect(auditCount(unit.store)).toBe(auditBefore);
  });

  it('requires a guardian under 18 and accepts one', async () => {
    const p = await register({ dateOfBirth: '2012-05-05', documentType: 'TI', documentNumber: '1090123456', arrivalDate: null, guardian: { name: 'Carmen Contreras', relationship: 'madre', phone: null, documentType: 'PT', documentNumber: '5.555.555' } });
    expect(p.guardian).toMatchObject({ name: 'Carmen Contreras', documentNumber: '5555555' });
  });

  it('refuses a second record with the same document (409) and names the existing one', async () => {
    await register();
    const result = await unit.call('patients.register', { patient: patientInput({ documentNumber: '6 123 456', givenNames: 'Otra' }) }, reception);
    expect(!result.ok && result.error.code).toBe('conflict');
    expect(!result.ok && result.error.message).toContain('SM-2026-000001');
  });

  it('audits the dismissal of duplicate warnings', async () => {
    const first = await register();
    await unit.call('patients.register', { patient: patientInput({ documentType: 'none', documentNumber: null }), confirmedNotDuplicateOf: [first.id] }, reception);
    const rows = await audits('patients.duplicate_dismissed');
    expect(rows.map((r) => JSON.parse(r.details))).toEqual([{ confirmedNotDuplicateOf: [first.id] }]);
  });
});

describe('patients.update and patients.history', () => {
  it('keeps who, when, old and new value for every changed field; nothing when nothing changed', async () => {
    const p = await register();
    unit.clock.advance(600);
    const changed = patientInput({ familyNames: 'Gutiérrez', phones: [{ number: '3001112233', whatsapp: false }], consentToDataProcessing: { given: false, version: '2026-11' } });
    const result = await unit.call('patients.update', { patientId: p.id, patient: changed }, reception);
    expect(result.ok).toBe(true);
    const again = await unit.call('patients.update', { patientId: p.id, patient: changed }, reception);
    expect(again.ok).toBe(true);
    const history = await unit.call('patients.history', { patientId: p.id }, clinician);
    const entries = (history as { value: { entries: { field: string; oldValue: unknown; newValue: unknown; userName: string; at: string }[] } }).value.entries;
    expect(entries.map((e) => e.field)).toEqual(['family_names', 'phones', 'consent_data', 'registered']);
    expect(entries[0]).toMatchObject({ oldValue: 'Gutiérrez Contreras', newValue: 'Gutiérrez', userName: 'Persona recepcion', at: '2026-11-22T08:10:00.000Z' });
    expect(entries[1]).toMatchObject({ oldValue: [{ number: '+584141234567', whatsapp: true }], newValue: [{ number: '+573001112233', whatsapp: false }] });
    const updated = await unit.call('patients.get', { patientId: p.id }, reception);
    expect((updated as { value: { patient: Patient } }).value.patient.consentToDataProcessing).toMatchObject({ given: false, at: '2026-11-22T08:10:00.000Z' });
    expect((await audits('patients.update')).map((r) => JSON.parse(r.details).fields)).toEqual([['family_names', 'phones', 'consent_data']]);
    expect((await audits('patients.history')).map((r) => [r.patient_id, r.actor_username])).toEqual([[p.id, 'psicologa']]);
  });

  it('answers 404 for an unknown patient and refuses the same bad input as registration', async () => {
    expect(!(await unit.call('patients.update', { patientId: 999, patient: patientInput() }, reception)).ok).toBe(true);
    const p = await register();
    const bad = await unit.call('patients.update', { patientId: p.id, patient: patientInput({ sex: 'X' }) }, reception);
    expect(!bad.ok && bad.error.issues?.[0]?.path).toBe('patient.sex');
  });
});

describe('patients.get', () => {
  it('is audited for every read, by every role that may read', async () => {
    const p = await register();
    for (const token of [reception, clinician, admin]) expect((await unit.call('patients.get', { patientId: p.id }, token)).ok).toBe(true);
    expect((await audits('patients.read')).map((r) => [r.patient_id, r.actor_username])).toEqual([[p.id, 'recepcion'], [p.id, 'psicologa'], [p.id, 'admin']]);
    const missing = await unit.call('patients.get', { patientId: 4242 }, reception);
    expect(!missing.ok && missing.error.code).toBe('not_found');
  });

  it('is not audited for the search list', async () => {
    await register();
    const before = auditCount(unit.store);
    expect((await unit.call('patients.search', { query: 'yorgelys' }, reception)).ok).toBe(true);
    expect(auditCount(unit.store)).toBe(before);
  });
});

describe('patients.checkDuplicates', () => {
  const check = async (draft: Record<string, unknown>) => {
    const result = await unit.call('patients.checkDuplicates', { patient: draft }, reception);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return (result.value as { candidates: { patient: { id: number }; reasons: string[] }[] }).candidates;
  };

  it('finds the same person typed differently, with the reasons', async () => {
    const p = await register();
    await register({ givenNames: 'Pedro', familyNames: 'Ramírez Ochoa', documentNumber: '9999999', phones: [], dateOfBirth: '1970-01-01', sex: 'M' });
    const cases: [Record<string, unknown>, string][] = [
      [{ givenNames: 'Jorgelis', familyNames: 'Otra', documentType: 'PT', documentNumber: '6123456' }, 'same_document'],
      [{ givenNames: 'Yorgelis', familyNames: 'Gutierres Contreras', dateOfBirth: '1994-03-08' }, 'similar_names_same_birth'],
      [{ givenNames: 'Yorgelys', familyNames: 'Gutiérrez Contreras', dateOfBirth: '1994-08-03' }, 'similar_names_close_birth'],
      [{ givenNames: 'Gutiérrez Contreras', familyNames: 'Yorgelys Andreína', dateOfBirth: '1994-03-08' }, 'surnames_swapped'],
      [{ givenNames: 'Yorgelys', familyNames: 'Gutiérrez', dateOfBirth: '1994-03-08' }, 'second_surname_missing'],
      [{ givenNames: 'Ana', familyNames: 'Pérez', phones: [{ number: '+58 414 1234567' }] }, 'same_phone'],
    ];
    for (const [draft, reason] of cases) {
      const candidates = await check(draft);
      expect(candidates[0]?.patient.id, JSON.stringify(draft)).toBe(p.id);
      expect(candidates[0]?.reasons, JSON.stringify(draft)).toContain(reason);
    }
  });

  it('finds the one born the same day among hundreds of namesakes registered after', async () => {
    const first = await register({ givenNames: 'María', familyNames: 'Rodríguez', documentType: 'none', documentNumber: null, phones: [], dateOfBirth: '1985-06-15' });
    const random = rng(5);
    const userId = (await unit.store.db.selectFrom('users').select('id').where('username', '=', 'recepcion').executeTakeFirstOrThrow()).id;
    // More namesakes than the name search takes as candidates (newest first).
    const namesakes = Array.from({ length: 300 }, (_, i) => ({
      ...syntheticPatient(random),
      givenNames: 'María',
      familyNames: 'Rodríguez',
      dateOfBirth: `19${60 + (i % 20)}-01-${String(1 + (i % 28)).padStart(2, '0')}`,
    }));
    insertPatientsBulk(unit.store.raw, namesakes, userId, new Date().toISOString());
    const candidates = await check({ givenNames: 'Maria', familyNames: 'Rodriguez', dateOfBirth: '1985-06-15' });
    expect(candidates[0]?.patient.id).toBe(first.id);
    expect(candidates[0]?.reasons).toContain('similar_names_same_birth');
  });

  it('does not flag a namesake born in another decade, nor the record being edited', async () => {
    const p = await register();
    expect(await check({ givenNames: 'Yorgelys', familyNames: 'Gutiérrez Contreras', dateOfBirth: '1960-11-02' })).toEqual([]);
    const self = await unit.call('patients.checkDuplicates', { patient: { givenNames: 'Yorgelys', familyNames: 'Gutiérrez Contreras', dateOfBirth: '1994-03-08' }, excludePatientId: p.id }, reception);
    expect((self as { value: { candidates: unknown[] } }).value.candidates).toEqual([]);
  });
});

describe('patients.merge', () => {
  it('keeps both histories and appointments, points the duplicate at the kept record, and is audited on both', async () => {
    const keep = await register();
    const dup = await register({ documentType: 'none', documentNumber: null, givenNames: 'Yorgelis', phones: [{ number: '3009998877', whatsapp: false }], dateOfBirth: null, estimatedBirthYear: 1994, eps: null });
    const clinicianId = (await unit.store.db.selectFrom('users').select('id').where('username', '=', 'psicologa').executeTakeFirstOrThrow()).id;
    await unit.call('clinicians.setSchedule', { clinicianId, services: ['psychology'], hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '07:00', end: '17:00' })) }, admin);
    const booked = await unit.call('appointments.book', { patientId: dup.id, clinicianId, service: 'psychology', startsAt: '2026-11-23T08:00' }, reception);
    expect(booked.ok).toBe(true);

    const refused = await unit.call('patients.merge', { keepPatientId: keep.id, mergePatientId: dup.id, reason: 'misma persona, mismo teléfono' }, reception);
    expect(!refused.ok && refused.error.code).toBe('forbidden');
    const merged = await unit.call('patients.merge', { keepPatientId: keep.id, mergePatientId: dup.id, reason: 'misma persona, mismo teléfono' }, admin);
    expect(merged.ok).toBe(true);
    const kept = (merged as { value: { patient: Patient } }).value.patient;
    expect(kept.phones.map((p) => p.number)).toEqual(['+584141234567', '+573009998877']);

    const appointments = await unit.call('appointments.list', { from: '2026-11-23', to: '2026-11-23', patientId: keep.id }, reception);
    expect((appointments as { value: { appointments: unknown[] } }).value.appointments).toHaveLength(1);
    const old = await unit.call('patients.get', { patientId: dup.id }, admin);
    expect((old as { value: { patient: Patient } }).value.patient).toMatchObject({ mergedIntoId: keep.id, mergedIntoRecordNumber: keep.recordNumber });
    const history = await unit.call('patients.history', { patientId: keep.id }, admin);
    const fields = (history as { value: { entries: { field: string }[] } }).value.entries.map((e) => e.field);
    expect(fields).toContain('merged');
    expect(fields.some((f) => f.startsWith('registered (registro fusionado'))).toBe(true);
    expect((await audits('patients.merge')).map((r) => r.patient_id)).toEqual([keep.id, dup.id]);

    const search = await unit.call('patients.search', { query: 'yorgelis gutierrez' }, reception);
    expect((search as { value: { results: { id: number }[] } }).value.results.map((r) => r.id)).toEqual([keep.id]);
    const edit = await unit.call('patients.update', { patientId: dup.id, patient: patientInput() }, reception);
    expect(!edit.ok && edit.error.code).toBe('conflict');
    expect(await unit.store.db.selectFrom('patients').select('id').execute()).toHaveLength(2);
  });

  it('accounts for every table that holds a patient_id', () => {
    const tables = unit.store.raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[];
    const withPatient = tables.filter(({ name }) => (unit.store.raw.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).some((c) => c.name === 'patient_id')).map((t) => t.name);
    expect(withPatient.sort()).toEqual(Object.keys(PATIENT_TABLES_ON_MERGE).sort());
  });

  it('refuses deleting a patient or an appointment even through SQL', async () => {
    const p = await register();
    expect(() => unit.store.raw.prepare('DELETE FROM patients WHERE id = ?').run(p.id)).toThrow(/never deleted/);
  });
});
