import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Activity } from '../../electron/api/activities';
import { createTestUnit, dataDigest, type TestUnit } from '../helpers/temp-store';

let unit: TestUnit;
let clinician: string;
let other: string;
let admin: string;
let clinicianId: number;

beforeEach(async () => {
  unit = await createTestUnit();
  clinicianId = await unit.addUser('trabajadora', 'clinician');
  await unit.addUser('otra', 'clinician');
  clinician = await unit.login('trabajadora');
  other = await unit.login('otra');
  admin = await unit.login('admin');
});
afterEach(() => unit.cleanup());

const workshop = (overrides: Record<string, unknown> = {}) => ({
  date: '2026-11-20',
  municipalityCode: '54001',
  place: 'Salón comunal La Parada',
  kind: 'positive_parenting',
  topic: 'Crianza positiva en contextos de movilidad',
  durationMinutes: 120,
  facilitatorIds: [clinicianId],
  otherFacilitators: 'Voluntaria de la Cruz Roja',
  attendance: [
    { sex: 'F', ageBand: '18-29', populationGroup: 'in_destination', count: 12 },
    { sex: 'F', ageBand: '30-59', populationGroup: 'host_community', count: 5 },
    { sex: 'M', ageBand: '30-59', populationGroup: 'pendular', count: 3 },
  ],
  ...overrides,
});

describe('community activities', () => {
  it('records attendance by sex × age band × population group, audited', async () => {
    const result = await unit.call('activities.record', workshop(), clinician);
    expect(result.ok).toBe(true);
    const activity = (result as { value: { activity: Activity } }).value.activity;
    expect(activity).toMatchObject({ totalAttendance: 20, facilitators: [{ id: clinicianId, name: 'Persona trabajadora' }], recordedByName: 'Persona trabajadora' });
    expect(activity.recordedById).toBe(clinicianId);
    const fetched = await unit.call('activities.get', { activityId: activity.id }, admin);
    expect((fetched as { value: { activity: Activity } }).value.activity).toEqual(activity);
    const listed = await unit.call('activities.list', { from: '2026-11-01', to: '2026-11-30' }, admin);
    expect((listed as { value: { activities: Activity[] } }).value.activities.map((a) => a.id)).toEqual([activity.id]);
    const audit = await unit.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'activities.record').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toEqual({ date: '2026-11-20', kind: 'positive_parenting', totalAttendance: 20 });
  });

  it('names the field of bad input and writes nothing', async () => {
    const before = await dataDigest(unit.store);
    for (const [overrides, field] of [
      [{ attendance: [] }, 'attendance'],
      [{ attendance: [{ sex: 'F', ageBand: '18-25', populationGroup: 'in_destination', count: 2 }] }, 'attendance.0.ageBand'],
      [{ attendance: [{ sex: 'F', ageBand: '18-29', populationGroup: 'in_destination', count: 0 }] }, 'attendance.0.count'],
      [{ attendance: [{ sex: 'F', ageBand: '18-29', populationGroup: 'in_destination', count: 1 }, { sex: 'F', ageBand: '18-29', populationGroup: 'in_destination', count: 2 }] }, 'attendance.1'],
      [{ municipalityCode: '00000' }, 'municipalityCode'],
      [{ kind: 'party' }, 'kind'],
      [{ facilitatorIds: [] }, 'facilitatorIds'],
      [{ facilitatorIds: [9999] }, 'facilitatorIds.0'],
      [{ patientIds: [12345] }, 'patientIds.0'],
    ] as const) {
      const result = await unit.call('activities.record', workshop(overrides), clinician);
      expect(!result.ok && result.error.issues?.map((i) => i.path), JSON.stringify(overrides)).toContain(field);
    }
    expect(await dataDigest(unit.store)).toEqual(before);
  });

  it('is corrected by its author or an admin, keeping the previous version', async () => {
    const created = await unit.call('activities.record', workshop(), clinician);
    const id = (created as { value: { activity: Activity } }).value.activity.id;
    const byOther = await unit.call('activities.update', { activityId: id, activity: workshop({ topic: 'Otro' }) }, other);
    expect(!byOther.ok && byOther.error.code).toBe('forbidden');
    const fixed = await unit.call('activities.update', { activityId: id, activity: workshop({ attendance: [{ sex: 'F', ageBand: '18-29', populationGroup: 'in_destination', count: 14 }] }) }, admin);
    expect((fixed as { value: { activity: Activity } }).value.activity.totalAttendance).toBe(14);
    const history = await unit.store.db.selectFrom('activity_history').selectAll().execute();
    expect(history.map((h) => JSON.parse(h.previous).total_attendance)).toEqual([20]);
    expect(() => unit.store.raw.prepare('DELETE FROM activities').run()).toThrow(/never deleted/);
  });
});
