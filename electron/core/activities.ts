// Community and group activities: workshops, group sessions and outreach with attendance counted
// by sex × age band × population group. Corrections keep the previous version.
import type { ActivityRow } from '../../db/schema';
import type { Activity, ActivityFields } from '../api/activities';
import { appendAudit } from './audit';
import { isoNow, type Actor, type Db, type ServiceContext } from './context';
import { forbidden, invalidField, notFound } from './errors';

function columns(a: ActivityFields) {
  return {
    date: a.date,
    municipality_code: a.municipalityCode,
    place: a.place,
    kind: a.kind,
    topic: a.topic,
    duration_minutes: a.durationMinutes,
    facilitator_ids: JSON.stringify(a.facilitatorIds),
    other_facilitators: a.otherFacilitators,
    attendance: JSON.stringify(a.attendance),
    total_attendance: a.attendance.reduce((s, c) => s + c.count, 0),
    patient_ids: JSON.stringify(a.patientIds),
    notes: a.notes,
  };
}

async function checkReferences(db: Db, a: ActivityFields): Promise<void> {
  const staff = await db.selectFrom('users').select('id').where('id', 'in', a.facilitatorIds).where('active', '=', 1).execute();
  const missing = a.facilitatorIds.findIndex((id) => !staff.some((s) => s.id === id));
  if (missing >= 0) throw invalidField(`facilitatorIds.${missing}`, 'Ese facilitador no es personal activo de la unidad');
  if (a.patientIds.length) {
    const found = await db.selectFrom('patients').select('id').where('id', 'in', a.patientIds).execute();
    const absent = a.patientIds.findIndex((id) => !found.some((p) => p.id === id));
    if (absent >= 0) throw invalidField(`patientIds.${absent}`, 'No existe ese paciente');
  }
}

async function toActivities(db: Db, rows: ActivityRow[]): Promise<Activity[]> {
  const userIds = [...new Set(rows.flatMap((r) => [r.recorded_by, ...(JSON.parse(r.facilitator_ids) as number[])]))];
  const users = userIds.length ? await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute() : [];
  const name = (id: number) => users.find((u) => u.id === id)?.display_name ?? '';
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    municipalityCode: r.municipality_code,
    place: r.place,
    kind: r.kind as Activity['kind'],
    topic: r.topic,
    durationMinutes: r.duration_minutes,
    facilitators: (JSON.parse(r.facilitator_ids) as number[]).map((id) => ({ id, name: name(id) })),
    otherFacilitators: r.other_facilitators,
    attendance: JSON.parse(r.attendance) as Activity['attendance'],
    totalAttendance: r.total_attendance,
    patientIds: JSON.parse(r.patient_ids) as number[],
    notes: r.notes,
    recordedById: r.recorded_by,
    recordedByName: name(r.recorded_by),
    recordedAt: r.recorded_at,
    updatedAt: r.updated_at,
  }));
}

export async function recordActivity(ctx: ServiceContext, actor: Actor, input: ActivityFields, origin: string | null) {
  return ctx.db.transaction().execute(async (trx) => {
    await checkReferences(trx, input);
    const at = isoNow(ctx);
    const row = await trx.insertInto('activities').values({ ...columns(input), recorded_by: actor.userId, recorded_at: at, updated_at: at }).returningAll().executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, { action: 'activities.record', actor, origin, targetType: 'activity', targetId: row.id, details: { date: row.date, kind: row.kind, totalAttendance: row.total_attendance } });
    const [activity] = await toActivities(trx, [row]);
    return { activity: activity! };
  });
}

export async function updateActivity(ctx: ServiceContext, actor: Actor, input: { activityId: number; activity: ActivityFields }, origin: string | null) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('activities').selectAll().where('id', '=', input.activityId).executeTakeFirst();
    if (!before) throw notFound('No existe esa actividad.');
    if (before.recorded_by !== actor.userId && actor.role !== 'admin') throw forbidden('Solo quien registró la actividad o un administrador puede corregirla.');
    await checkReferences(trx, input.activity);
    const at = isoNow(ctx);
    await trx.insertInto('activity_history').values({ activity_id: before.id, at, user_id: actor.userId, previous: JSON.stringify(before) }).execute();
    const row = await trx.updateTable('activities').set({ ...columns(input.activity), updated_at: at }).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, { action: 'activities.update', actor, origin, targetType: 'activity', targetId: row.id, details: { totalAttendance: { from: before.total_attendance, to: row.total_attendance } } });
    const [activity] = await toActivities(trx, [row]);
    return { activity: activity! };
  });
}

export async function listActivities(ctx: ServiceContext, input: { from: string; to: string }) {
  if (input.to < input.from) throw invalidField('to', 'La fecha final es anterior a la inicial');
  const rows = await ctx.db.selectFrom('activities').selectAll().where('date', '>=', input.from).where('date', '<=', input.to).orderBy('date', 'desc').orderBy('id', 'desc').limit(2000).execute();
  return { activities: await toActivities(ctx.db, rows) };
}

export async function getActivity(ctx: ServiceContext, activityId: number) {
  const row = await ctx.db.selectFrom('activities').selectAll().where('id', '=', activityId).executeTakeFirst();
  if (!row) throw notFound('No existe esa actividad.');
  const [activity] = await toActivities(ctx.db, [row]);
  return { activity: activity! };
}
