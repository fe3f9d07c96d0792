// Clinical sessions: drafts edited only by their author, signing that locks them for ever,
// amendments appended with a reason, scores and risk alerts. Every read and write is audited.
import { createHash } from 'node:crypto';
import type { SessionRow } from '../../db/schema';
import type { Service } from '../api/codes';
import { INSTRUMENTS, type ScoredInstrument } from '../api/instruments';
import { ICD10_DESCRIPTIONS } from '../api/reference/diagnoses';
import type { RiskAlert, Session, SessionFields } from '../api/sessions';
import { appendAudit, canonicalJson } from './audit';
import { isoNow, type Actor, type Db, type ServiceContext } from './context';
import { AppError, conflict, forbidden, invalidField, notFound } from './errors';
import { patientIdsOf } from './patients';
import { scoreInstrument } from './scoring';
import { keepingReach } from './reports/reach';

type DraftReferral = SessionFields['referrals'][number];

function contentColumns(s: SessionFields, scored: ScoredInstrument[]) {
  return {
    patient_id: s.patientId,
    appointment_id: s.appointmentId,
    starts_at: s.startsAt,
    duration_minutes: s.durationMinutes,
    visit_kind: s.visitKind,
    modality: s.modality,
    format: s.format,
    service: s.service,
    interventions: JSON.stringify(s.interventions),
    presenting_concerns: s.presentingConcerns,
    risk: JSON.stringify(s.risk),
    instruments: JSON.stringify(scored),
    diagnoses: JSON.stringify(s.diagnoses),
    note: s.note,
    plan: s.plan,
    draft_referrals: JSON.stringify(s.referrals),
  };
}

async function checkLinks(db: Db, s: SessionFields): Promise<void> {
  const patient = await db.selectFrom('patients').select(['id', 'merged_into_id']).where('id', '=', s.patientId).executeTakeFirst();
  if (!patient) throw invalidField('patientId', 'No existe ese paciente');
  if (patient.merged_into_id !== null) throw conflict('Ese registro se fusionó con otro: registre la sesión en el que se conservó.');
  if (s.appointmentId !== null) {
    const appointment = await db.selectFrom('appointments').select(['patient_id', 'status']).where('id', '=', s.appointmentId).executeTakeFirst();
    if (!appointment || appointment.patient_id !== s.patientId) throw invalidField('appointmentId', 'La cita no es de este paciente');
    if (appointment.status === 'cancelled') throw invalidField('appointmentId', 'La cita fue cancelada');
  }
}

/** Raises one alert per session and source; an alert raised stays until a clinician acknowledges it. */
async function raiseAlerts(ctx: ServiceContext, db: Db, actor: Actor, sessionId: number, patientId: number, scored: ScoredInstrument[], origin: string | null) {
  for (const result of scored) {
    if (!result.riskAlert) continue;
    const source = result.instrument === 'phq9' ? 'phq9_item9' : 'cssrs';
    const level = result.instrument === 'cssrs' && result.band === 'high' ? 'high' : 'moderate';
    const inserted = await db
      .insertInto('risk_alerts')
      .values({ patient_id: patientId, session_id: sessionId, source, level, raised_at: isoNow(ctx), raised_by: actor.userId })
      .onConflict((oc) => oc.columns(['session_id', 'source']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      await appendAudit(ctx, db, { action: 'alerts.raise', actor, origin, targetType: 'risk_alert', targetId: inserted.id, patientId, details: { source, level, sessionId } });
    }
  }
}

async function toSession(db: Db, row: SessionRow): Promise<Session> {
  const clinician = await db.selectFrom('users').select('display_name').where('id', '=', row.clinician_id).executeTakeFirstOrThrow();
  const amendments = await db
    .selectFrom('session_amendments as a')
    .innerJoin('users as u', 'u.id', 'a.author_id')
    .select(['a.id', 'a.at', 'a.author_id', 'u.display_name', 'a.reason', 'a.text'])
    .where('a.session_id', '=', row.id)
    .orderBy('a.id')
    .execute();
  const referrals =
    row.status === 'signed'
      ? (await db.selectFrom('referrals').selectAll().where('session_id', '=', row.id).orderBy('position').execute()).map((r) => ({
          id: r.id,
          kind: r.kind as 'internal' | 'external',
          service: r.service as Service | null,
          organisation: r.organisation,
          reason: r.reason,
          status: r.status,
          statusUpdatedAt: r.status_updated_at,
        }))
      : (JSON.parse(row.draft_referrals) as DraftReferral[]).map((r) => ({ ...r, id: null, statusUpdatedAt: null }));
  const diagnoses = (JSON.parse(row.diagnoses) as { code: string; primary: boolean }[]).map((d) => ({ ...d, description: ICD10_DESCRIPTIONS.get(d.code) ?? d.code }));
  return {
    id: row.id,
    patientId: row.patient_id,
    clinicianId: row.clinician_id,
    clinicianName: clinician.display_name,
    appointmentId: row.appointment_id,
    startsAt: row.starts_at,
    durationMinutes: row.duration_minutes,
    visitKind: row.visit_kind as Session['visitKind'],
    modality: row.modality as Session['modality'],
    format: row.format as Session['format'],
    service: row.service as Service,
    interventions: JSON.parse(row.interventions) as Session['interventions'],
    presentingConcerns: row.presenting_concerns,
    risk: JSON.parse(row.risk) as Session['risk'],
    instruments: JSON.parse(row.instruments) as ScoredInstrument[],
    diagnoses,
    note: row.note,
    plan: row.plan,
    referrals,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    signedAt: row.signed_at,
    signatureHash: row.signature_hash,
    amendments: amendments.map((a) => ({ id: a.id, at: a.at, authorId: a.author_id, authorName: a.display_name, reason: a.reason, text: a.text })),
  };
}

async function loadRow(db: Db, sessionId: number): Promise<SessionRow> {
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
  if (!row) throw notFound('No existe esa sesión.');
  return row;
}

/** A draft is private to its author until it is signed. */
function mayRead(actor: Actor, row: SessionRow): boolean {
  return row.status === 'signed' || row.clinician_id === actor.userId;
}

export async function createSession(ctx: ServiceContext, actor: Actor, input: SessionFields, origin: string | null): Promise<{ session: Session }> {
  const scored = input.instruments.map(scoreInstrument);
  return ctx.db.transaction().execute(async (trx) => {
    await checkLinks(trx, input);
    const at = isoNow(ctx);
    const row = await trx
      .insertInto('sessions')
      .values({ ...contentColumns(input, scored), clinician_id: actor.userId, status: 'draft', created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, { action: 'sessions.create', actor, origin, targetType: 'session', targetId: row.id, patientId: row.patient_id });
    await raiseAlerts(ctx, trx, actor, row.id, row.patient_id, scored, origin);
    return { session: await toSession(trx, row) };
  });
}

export async function updateSession(ctx: ServiceContext, actor: Actor, input: { sessionId: number; session: SessionFields }, origin: string | null) {
  const scored = input.session.instruments.map(scoreInstrument);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadRow(trx, input.sessionId);
    if (row.clinician_id !== actor.userId) throw forbidden('Solo quien escribió el borrador puede editarlo.');
    if (row.status !== 'draft') throw conflict('La sesión está firmada: agregue una enmienda.');
    if (input.session.patientId !== row.patient_id) throw invalidField('session.patientId', 'Una sesión no cambia de paciente');
    await checkLinks(trx, input.session);
    const updated = await trx
      .updateTable('sessions')
      .set({ ...contentColumns(input.session, scored), updated_at: isoNow(ctx) })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, { action: 'sessions.update', actor, origin, targetType: 'session', targetId: row.id, patientId: row.patient_id });
    await raiseAlerts(ctx, trx, actor, row.id, row.patient_id, scored, origin);
    return { session: await toSession(trx, updated) };
  });
}

/** The signed content, hashed: a later reader can check the note is the one that was signed. */
function signatureOf(row: SessionRow, signedAt: string): string {
  const content = { ...row, status: 'signed', signed_at: signedAt, signature_hash: null, updated_at: null };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

export async function signSession(ctx: ServiceContext, actor: Actor, sessionId: number, origin: string | null) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadRow(trx, sessionId);
    if (row.clinician_id !== actor.userId) throw forbidden('Solo quien escribió la sesión puede firmarla.');
    if (row.status !== 'draft') throw conflict('La sesión ya está firmada.');
    if (!row.note) throw invalidField('note', 'Escriba la nota clínica antes de firmar');
    const at = isoNow(ctx);
    // A signed session reaches its person: the reports' reach cells move with it.
    const signed = await keepingReach(trx, [row.patient_id], () =>
      trx.updateTable('sessions').set({ status: 'signed', signed_at: at, signature_hash: signatureOf(row, at), updated_at: at }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow(),
    );
    const scored = JSON.parse(row.instruments) as ScoredInstrument[];
    if (scored.length) {
      await trx.insertInto('session_scores').values(scored.map((s) => ({ session_id: row.id, patient_id: row.patient_id, instrument: s.instrument, total: s.total, band: s.band, at: row.starts_at }))).execute();
    }
    const diagnoses = JSON.parse(row.diagnoses) as { code: string; primary: boolean }[];
    if (diagnoses.length) {
      await trx.insertInto('session_diagnoses').values(diagnoses.map((d) => ({ session_id: row.id, patient_id: row.patient_id, code: d.code, is_primary: d.primary ? 1 : 0, at: row.starts_at }))).execute();
    }
    const referrals = JSON.parse(row.draft_referrals) as DraftReferral[];
    if (referrals.length) {
      await trx
        .insertInto('referrals')
        .values(referrals.map((r, position) => ({ session_id: row.id, patient_id: row.patient_id, position, kind: r.kind, service: r.service, organisation: r.organisation, reason: r.reason, status: r.status, created_at: at })))
        .execute();
    }
    if (row.appointment_id !== null) {
      await trx.updateTable('appointments').set({ status: 'completed', updated_at: at }).where('id', '=', row.appointment_id).where('status', 'in', ['booked', 'checked_in']).execute();
    }
    await appendAudit(ctx, trx, { action: 'sessions.sign', actor, origin, targetType: 'session', targetId: row.id, patientId: row.patient_id, details: { signatureHash: signed.signature_hash } });
    return { session: await toSession(trx, signed) };
  });
}

export async function amendSession(ctx: ServiceContext, actor: Actor, input: { sessionId: number; reason: string; text: string }, origin: string | null) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadRow(trx, input.sessionId);
    if (row.status !== 'signed') throw conflict('Un borrador se edita; solo una sesión firmada recibe enmiendas.');
    const amendment = await trx
      .insertInto('session_amendments')
      .values({ session_id: row.id, author_id: actor.userId, at: isoNow(ctx), reason: input.reason, text: input.text })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, { action: 'sessions.amend', actor, origin, targetType: 'session', targetId: row.id, patientId: row.patient_id, details: { amendmentId: amendment.id } });
    return { session: await toSession(trx, row) };
  });
}

export async function getSession(ctx: ServiceContext, actor: Actor, sessionId: number, origin: string | null) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadRow(trx, sessionId);
    if (!mayRead(actor, row)) throw forbidden('Este borrador es de otro profesional: se podrá leer cuando lo firme.');
    await appendAudit(ctx, trx, { action: 'sessions.read', actor, origin, targetType: 'session', targetId: row.id, patientId: row.patient_id });
    return { session: await toSession(trx, row) };
  });
}

async function summaries(db: Db, rows: SessionRow[]) {
  const clinicianIds = [...new Set(rows.map((r) => r.clinician_id))];
  const names = clinicianIds.length ? await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', clinicianIds).execute() : [];
  const counts = rows.length
    ? await db.selectFrom('session_amendments').select(['session_id', (eb) => eb.fn.countAll<number>().as('n')]).where('session_id', 'in', rows.map((r) => r.id)).groupBy('session_id').execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    startsAt: r.starts_at,
    service: r.service as Service,
    clinicianName: names.find((n) => n.id === r.clinician_id)?.display_name ?? '',
    status: r.status,
    visitKind: r.visit_kind as Session['visitKind'],
    format: r.format as Session['format'],
    modality: r.modality as Session['modality'],
    instruments: (JSON.parse(r.instruments) as ScoredInstrument[]).map((i) => ({ instrument: i.instrument, total: i.total, band: i.band })),
    amendmentCount: Number(counts.find((c) => c.session_id === r.id)?.n ?? 0),
  }));
}

export async function listForPatient(ctx: ServiceContext, actor: Actor, patientId: number, origin: string | null) {
  return ctx.db.transaction().execute(async (trx) => {
    const ids = await patientIdsOf(trx, patientId);
    const rows = await trx
      .selectFrom('sessions')
      .selectAll()
      .where('patient_id', 'in', ids)
      .where((eb) => eb.or([eb('status', '=', 'signed'), eb('clinician_id', '=', actor.userId)]))
      .orderBy('starts_at', 'desc')
      .execute();
    await appendAudit(ctx, trx, { action: 'sessions.list', actor, origin, targetType: 'patient', targetId: patientId, patientId });
    return { sessions: await summaries(trx, rows) };
  });
}

export async function listDrafts(ctx: ServiceContext, actor: Actor) {
  const rows = await ctx.db.selectFrom('sessions').selectAll().where('clinician_id', '=', actor.userId).where('status', '=', 'draft').orderBy('updated_at', 'desc').execute();
  const patients = rows.length ? await ctx.db.selectFrom('patients').select(['id', 'given_names', 'family_names']).where('id', 'in', rows.map((r) => r.patient_id)).execute() : [];
  const list = await summaries(ctx.db, rows);
  return {
    sessions: list.map((s, i) => {
      const p = patients.find((x) => x.id === rows[i]!.patient_id);
      return { ...s, patientId: rows[i]!.patient_id, patientName: p ? `${p.given_names} ${p.family_names}` : '' };
    }),
  };
}

export async function listVisits(ctx: ServiceContext, patientId: number) {
  const ids = await patientIdsOf(ctx.db, patientId);
  const rows = await ctx.db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.clinician_id')
    .select(['s.id', 's.starts_at', 's.service', 'u.display_name', 's.status'])
    .where('s.patient_id', 'in', ids)
    .orderBy('s.starts_at', 'desc')
    .execute();
  return { visits: rows.map((r) => ({ id: r.id, startsAt: r.starts_at, service: r.service as Service, clinicianName: r.display_name, status: r.status })) };
}

const REFERRAL_ORDER = { sent: 0, accepted: 1, attended: 2 } as const;

export async function updateReferralStatus(ctx: ServiceContext, actor: Actor, input: { referralId: number; status: 'sent' | 'accepted' | 'attended' }, origin: string | null) {
  return ctx.db.transaction().execute(async (trx) => {
    const referral = await trx.selectFrom('referrals').selectAll().where('id', '=', input.referralId).executeTakeFirst();
    if (!referral) throw notFound('No existe esa remisión.');
    if (REFERRAL_ORDER[input.status] <= REFERRAL_ORDER[referral.status]) throw conflict(`La remisión ya está en "${referral.status}": solo avanza (enviada → aceptada → atendida).`);
    await trx.updateTable('referrals').set({ status: input.status, status_updated_at: isoNow(ctx), status_updated_by: actor.userId }).where('id', '=', referral.id).execute();
    await appendAudit(ctx, trx, { action: 'referrals.updateStatus', actor, origin, targetType: 'referral', targetId: referral.id, patientId: referral.patient_id, details: { from: referral.status, to: input.status } });
    return { session: await toSession(trx, await loadRow(trx, referral.session_id)) };
  });
}

export function instrumentCatalog() {
  return {
    instruments: Object.values(INSTRUMENTS).map((def) =>
      def.kind === 'numeric'
        ? { id: def.id, name: def.name, kind: def.kind, stem: def.stem, items: [...def.items], options: [...def.options], min: def.min, max: def.max, lowerIsBetter: def.lowerIsBetter }
        : { id: def.id, name: def.name, kind: def.kind, stem: def.stem, items: [...def.items], options: [...def.options], min: 0, max: 1, lowerIsBetter: null },
    ),
  };
}

export async function instrumentHistory(ctx: ServiceContext, actor: Actor, patientId: number, origin: string | null) {
  return ctx.db.transaction().execute(async (trx) => {
    const ids = await patientIdsOf(trx, patientId);
    const rows = await trx.selectFrom('session_scores').select(['session_id', 'instrument', 'total', 'band', 'at']).where('patient_id', 'in', ids).orderBy('at').orderBy('id').execute();
    await appendAudit(ctx, trx, { action: 'instruments.history', actor, origin, targetType: 'patient', targetId: patientId, patientId });
    const byInstrument = new Map<string, { sessionId: number; at: string; total: number | null; band: string }[]>();
    for (const r of rows) {
      if (!byInstrument.has(r.instrument)) byInstrument.set(r.instrument, []);
      byInstrument.get(r.instrument)!.push({ sessionId: r.session_id, at: r.at, total: r.total, band: r.band });
    }
    return { series: [...byInstrument.entries()].map(([instrument, points]) => ({ instrument: instrument as ScoredInstrument['instrument'], points })) };
  });
}

async function alertsWhere(db: Db, filter: { ids?: number[]; alertId?: number; includeAcknowledged?: boolean }): Promise<RiskAlert[]> {
  let query = db
    .selectFrom('risk_alerts as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .innerJoin('users as r', 'r.id', 'a.raised_by')
    .leftJoin('users as k', 'k.id', 'a.acknowledged_by')
    .select(['a.id', 'a.patient_id', 'p.given_names', 'p.family_names', 'p.record_number', 'a.session_id', 'a.source', 'a.level', 'a.raised_at', 'r.display_name as raised_by_name', 'a.acknowledged_at', 'k.display_name as acknowledged_by_name', 'a.acknowledgement_note'])
    .orderBy('a.raised_at', 'desc');
  if (filter.ids) query = query.where('a.patient_id', 'in', filter.ids);
  if (filter.alertId !== undefined) query = query.where('a.id', '=', filter.alertId);
  if (!filter.includeAcknowledged && filter.alertId === undefined) query = query.where('a.acknowledged_at', 'is', null);
  return (await query.limit(500).execute()).map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    patientName: `${r.given_names} ${r.family_names}`,
    patientRecordNumber: r.record_number,
    sessionId: r.session_id,
    source: r.source,
    level: r.level,
    raisedAt: r.raised_at,
    raisedByName: r.raised_by_name,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedByName: r.acknowledged_by_name,
    acknowledgementNote: r.acknowledgement_note,
  }));
}

export async function listAlerts(ctx: ServiceContext, actor: Actor, input: { patientId?: number; includeAcknowledged?: boolean }, origin: string | null) {
  return ctx.db.transaction().execute(async (trx) => {
    const ids = input.patientId !== undefined ? await patientIdsOf(trx, input.patientId) : undefined;
    const alerts = await alertsWhere(trx, { ids, includeAcknowledged: input.includeAcknowledged });
    await appendAudit(ctx, trx, { action: 'alerts.list', actor, origin, patientId: input.patientId ?? null, details: { count: alerts.length } });
    return { alerts };
  });
}

export async function acknowledgeAlert(ctx: ServiceContext, actor: Actor, input: { alertId: number; note: string }, origin: string | null) {
  return ctx.db.transaction().execute(async (trx) => {
    const alert = await trx.selectFrom('risk_alerts').selectAll().where('id', '=', input.alertId).executeTakeFirst();
    if (!alert) throw notFound('No existe esa alerta.');
    if (alert.acknowledged_at !== null) throw new AppError('conflict', 'Esa alerta ya fue atendida.');
    await trx.updateTable('risk_alerts').set({ acknowledged_at: isoNow(ctx), acknowledged_by: actor.userId, acknowledgement_note: input.note }).where('id', '=', alert.id).execute();
    await appendAudit(ctx, trx, { action: 'alerts.acknowledge', actor, origin, targetType: 'risk_alert', targetId: alert.id, patientId: alert.patient_id });
    const [updated] = await alertsWhere(trx, { alertId: alert.id });
    return { alert: updated! };
  });
}
