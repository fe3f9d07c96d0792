// Retention: clinical and demographic records are never deleted (Resolución 1995 de 1999; kept at
// least 15 years after the last attendance, Resolución 839 de 2017). No procedure deletes a
// patient, appointment, session or activity; the database refuses DELETE whatever the SQL;
// deactivating a staff member and merging two records keep every row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allows, contract, ROLES, type Role } from '../../electron/api/index';
import type { ServedProcedure } from '../../electron/core/handlers';
import { patientInput } from '../helpers/patients';
import { prepareSamples, type SampleKit } from '../helpers/samples';
import { sessionInput } from '../helpers/sessions';
import { createTestUnit, type TestUnit } from '../helpers/temp-store';

/** Every table that holds a record of care or of who did what. */
const KEPT = ['patients', 'patient_history', 'appointments', 'sessions', 'session_amendments', 'session_scores', 'session_diagnoses', 'referrals', 'risk_alerts', 'activities', 'activity_history', 'audit_log'] as const;

let unit: TestUnit;
let kit: SampleKit;
let serial = 0;

beforeAll(async () => {
  unit = await createTestUnit();
  kit = await prepareSamples(unit);
});
afterAll(() => unit.cleanup());

function counts(): Record<string, number> {
  return Object.fromEntries(KEPT.map((t) => [t, (unit.store.raw.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
}

async function freshToken(role: Role): Promise<string> {
  const username = `ret-${role}-${++serial}`;
  await unit.addUser(username, role);
  return unit.login(username);
}

describe('retention', () => {
  it('no procedure, run by any role allowed to run it, lowers the count of any kept table', async () => {
    const procedures = Object.keys(kit.samples) as ServedProcedure[];
    let ran = 0;
    const tokens = new Map<Role, string>();
    for (const role of ROLES) tokens.set(role, await freshToken(role));
    for (const name of procedures) {
      for (const role of ROLES.filter((r) => allows(contract[name].access, r))) {
        // A call that logs out or changes a password ends the session it ran in: the next one gets a new one.
        if (name.startsWith('auth.') || name.startsWith('users.')) tokens.set(role, await freshToken(role));
        const token = tokens.get(role)!;
        const input = await kit.samples[name](token);
        const before = counts();
        const result = await unit.call(name, input, token);
        // demo.seed only fills an EMPTY database; the fixture has patients, so it answers 409 and writes nothing.
        if (name === 'demo.seed') expect(result.ok ? 'ok' : result.error.code).toBe('conflict');
        else expect(result.ok, `${name} as ${role}: ${JSON.stringify(result)}`).toBe(true);
        const after = counts();
        for (const table of KEPT) expect(after[table], `${name} as ${role} on ${table}`).toBeGreaterThanOrEqual(before[table]!);
        ran += 1;
      }
    }
    expect(ran).toBeGreaterThan(procedures.length);
  }, 180_000);

  it('the database refuses to DELETE patients, appointments, sessions, activities and the rest, whatever the SQL', () => {
    const before = counts();
    for (const table of KEPT) {
      expect(before[table], table).toBeGreaterThan(0);
      expect(() => unit.store.raw.prepare(`DELETE FROM "${table}"`).run(), table).toThrow();
      expect(() => unit.store.raw.prepare(`DELETE FROM "${table}" WHERE rowid = (SELECT max(rowid) FROM "${table}")`).run(), table).toThrow();
    }
    expect(counts()).toEqual(before);
  });

  it('deactivating a clinician keeps every row they wrote; only the audit log grows', async () => {
    const token = await freshToken('clinician');
    const me = (await unit.call('auth.me', {}, token)) as { ok: true; value: { user: { id: number } } };
    const created = await unit.call('sessions.create', sessionInput(kit.victimPatientId), token);
    expect(created.ok).toBe(true);
    const before = counts();
    const off = await unit.call('users.update', { userId: me.value.user.id, active: false }, kit.fixtureToken);
    expect(off.ok).toBe(true);
    expect(counts()).toEqual({ ...before, audit_log: before.audit_log! + 1 });
    const theirs = await unit.store.db.selectFrom('sessions').select('id').where('clinician_id', '=', me.value.user.id).execute();
    expect(theirs).toHaveLength(1);
  });

  it('merging two records keeps both rows, their history and every appointment', async () => {
    const register = async (documentNumber: string) => {
      const r = (await unit.call('patients.register', { patient: patientInput({ documentNumber }) }, kit.fixtureToken)) as { ok: true; value: { patient: { id: number } } };
      return r.value.patient.id;
    };
    const keep = await register('77.000.001');
    const dup = await register('77.000.002');
    const booked = await unit.call('appointments.book', { patientId: dup, clinicianId: kit.agendaClinicianId, service: 'psychology', startsAt: '2027-03-03T10:00', durationMinutes: 20 }, kit.fixtureToken);
    expect(booked.ok).toBe(true);
    const before = counts();
    const merged = await unit.call('patients.merge', { keepPatientId: keep, mergePatientId: dup, reason: 'la misma persona' }, kit.fixtureToken);
    expect(merged.ok, JSON.stringify(merged)).toBe(true);
    const after = counts();
    expect(after.patients).toBe(before.patients);
    expect(after.appointments).toBe(before.appointments);
    expect(after.patient_history).toBeGreaterThan(before.patient_history!);
    const rows = await unit.store.db.selectFrom('patients').select(['id', 'merged_into_id']).where('id', 'in', [keep, dup]).orderBy('id').execute();
    expect(rows).toEqual([
      { id: keep, merged_into_id: null },
      { id: dup, merged_into_id: keep },
    ]);
  });
});
