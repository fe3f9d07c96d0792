// Clinicians' services and weekly hours (for booking), and the unit's details (for the slip).
import type { Service } from '../api/codes';
import { appendAudit } from './audit';
import type { Actor, Db, ServiceContext } from './context';
import { invalidField, notFound } from './errors';

async function clinicianSchedules(db: Db, ids?: number[]) {
  let query = db.selectFrom('users').select(['id', 'display_name']).where('role', '=', 'clinician').where('active', '=', 1).orderBy('display_name');
  if (ids) query = query.where('id', 'in', ids);
  const users = await query.execute();
  if (users.length === 0) return [];
  const userIds = users.map((u) => u.id);
  const services = await db.selectFrom('clinician_services').select(['user_id', 'service']).where('user_id', 'in', userIds).orderBy('service').execute();
  const hours = await db.selectFrom('clinician_hours').select(['user_id', 'weekday', 'start', 'end']).where('user_id', 'in', userIds).orderBy('weekday').orderBy('start').execute();
  return users.map((u) => ({
    id: u.id,
    displayName: u.display_name,
    services: services.filter((s) => s.user_id === u.id).map((s) => s.service as Service),
    hours: hours.filter((h) => h.user_id === u.id).map((h) => ({ weekday: h.weekday, start: h.start, end: h.end })),
  }));
}

export async function listClinicians(ctx: ServiceContext) {
  return { clinicians: await clinicianSchedules(ctx.db) };
}

export async function setSchedule(
  ctx: ServiceContext,
  actor: Actor,
  input: { clinicianId: number; services: Service[]; hours: { weekday: number; start: string; end: string }[] },
  origin: string | null,
) {
  input.hours.forEach((h, i) => {
    if (h.end <= h.start) throw invalidField(`hours.${i}.end`, 'La hora final debe ser posterior a la inicial');
    input.hours.slice(0, i).forEach((o) => {
      if (o.weekday === h.weekday && o.start < h.end && h.start < o.end) throw invalidField(`hours.${i}.start`, 'Este tramo se cruza con otro del mismo día');
    });
  });
  const clinician = await ctx.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['id', 'role', 'active']).where('id', '=', input.clinicianId).executeTakeFirst();
    if (!user || user.role !== 'clinician') throw notFound('No existe ese profesional.');
    // The schedule is configuration, replaced as a whole; the audit row keeps what it became.
    await trx.deleteFrom('clinician_services').where('user_id', '=', user.id).execute();
    await trx.deleteFrom('clinician_hours').where('user_id', '=', user.id).execute();
    await trx.insertInto('clinician_services').values([...new Set(input.services)].map((service) => ({ user_id: user.id, service }))).execute();
    if (input.hours.length) await trx.insertInto('clinician_hours').values(input.hours.map((h) => ({ user_id: user.id, ...h }))).execute();
    await appendAudit(ctx, trx, { action: 'clinicians.setSchedule', actor, origin, targetType: 'user', targetId: user.id, details: { services: input.services, hours: input.hours } });
    const [schedule] = await clinicianSchedules(trx, [user.id]);
    if (!schedule) throw notFound('Ese profesional está inactivo.');
    return schedule;
  });
  return { clinician };
}

const UNIT_DEFAULTS = { name: 'Unidad de Salud Mental', address: 'Dirección por configurar (Administración → Unidad)', phone: '' };

export async function unitInfo(ctx: ServiceContext) {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', 'unit').executeTakeFirst();
  return row ? { ...UNIT_DEFAULTS, ...(JSON.parse(row.value) as object) } : UNIT_DEFAULTS;
}

export async function updateUnitInfo(ctx: ServiceContext, actor: Actor, input: { name: string; address: string; phone: string }, origin: string | null) {
  await ctx.db.transaction().execute(async (trx) => {
    const value = JSON.stringify(input);
    await trx.insertInto('settings').values({ key: 'unit', value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    await appendAudit(ctx, trx, { action: 'unit.update', actor, origin, targetType: 'unit', details: input });
  });
  return unitInfo(ctx);
}
