// Patients: intake, corrections with history, audited reads, duplicates and merges. Nothing is deleted.
import type { z } from 'zod';
import { phoneSearchKey, normalisePhone } from '../api/phone';
import { normaliseDocumentNumber, type Patient, type registerPatientInput, type updatePatientInput } from '../api/patients';
import { unitLocalDate } from '../api/fields';
import { appendAudit } from './audit';
import { isoNow, type Actor, type Db, type ServiceContext } from './context';
import { conflict, invalidField, notFound } from './errors';
import { nameScore, nameTokens } from './names';
import { loadPatient, loadSummaries, patientColumns, type PatientColumns } from './patient-rows';
import { searchIndexWritten } from './search-index-merges';
import { exactMatchExpression, indexPatientName, nameCandidates, nameMatchExpression, searchPatientIds, unindexPatient, type NameRow } from './patient-search';
import { sql, type Kysely } from 'kysely';
import { prepared } from '../../db/prepared';
import type { Database, PatientRow } from '../../db/schema';
import { keepingReach } from './reports/reach';

type RegisterInput = z.output<typeof registerPatientInput>;
type UpdateInput = z.output<typeof updatePatientInput>;

/**
 * Every table that holds rows of a patient, and what a merge does with them. A test checks
 * that each table with a patient_id column is named here, so a new one cannot be forgotten.
 */
export const PATIENT_TABLES_ON_MERGE = {
  appointments: 'move',
  patient_phones: 'copy-missing',
  patient_history: 'read-through', // append-only: patients.history reads the merged records too
  audit_log: 'keep', // the chain is never rewritten; the merge itself is audited on both patients
  // Signed clinical content is never rewritten, not even its patient id: reads include merged records.
  sessions: 'read-through',
  session_scores: 'read-through',
  session_diagnoses: 'read-through',
  referrals: 'read-through',
  risk_alerts: 'read-through',
} as const;

/** A patient's id and the ids of the records merged into it: what clinical reads go through. */
export async function patientIdsOf(db: Db, patientId: number): Promise<number[]> {
  const merged = await db.selectFrom('patients').select('id').where('merged_into_id', '=', patientId).execute();
  return [patientId, ...merged.map((m) => m.id)];
}

export function unitToday(ctx: ServiceContext): Date {
  return unitLocalDate(ctx.clock.now());
}

// A registration runs these every time: compiled once (db/prepared.ts). Building and compiling them
// anew was about a tenth of a registration's main-thread time.
const bumpRecordSequence = prepared((db: Kysely<Database>, p: { year: number }) =>
  db
    .insertInto('record_sequences')
    .values({ year: p.year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql`last + 1` }))
    .returning('last'),
);
const sameDocument = prepared((db: Kysely<Database>, p: { documentType: string; documentNumber: string; exceptId: number }) =>
  db
    .selectFrom('patients')
    .select(['id', 'record_number'])
    .where('document_type', '=', p.documentType)
    .where('document_number', '=', p.documentNumber)
    .where('merged_into_id', 'is', null)
    .where('id', '!=', p.exceptId),
);
const insertPhone = prepared((db: Kysely<Database>, p: { patient_id: number; position: number; number: string; search_key: string; whatsapp: number }) =>
  db.insertInto('patient_phones').values({ patient_id: p.patient_id, position: p.position, number: p.number, search_key: p.search_key, whatsapp: p.whatsapp }),
);
const insertHistory = prepared((db: Kysely<Database>, p: { patient_id: number; at: string; user_id: number | null; field: string; old_value: string; new_value: string }) =>
  db.insertInto('patient_history').values({ patient_id: p.patient_id, at: p.at, user_id: p.user_id, field: p.field, old_value: p.old_value, new_value: p.new_value }),
);
/** A new patient's row: every column but the generated id and the merge. */
type NewPatientRow = Omit<PatientRow, 'id' | 'merged_into_id'>;
const NEW_PATIENT_COLUMNS = [
  'record_number', 'given_names', 'family_names', 'sex', 'gender_identity', 'date_of_birth', 'estimated_birth_year',
  'document_type', 'document_number', 'nationality', 'population_group', 'arrival_date', 'municipality_code',
  'neighbourhood', 'address', 'zone', 'insurance_regime', 'eps', 'sisben_group', 'pregnant', 'disability', 'ethnicity',
  'lgbtiq', 'unaccompanied_minor', 'referral_source', 'emergency_contact', 'guardian',
  'consent_care_given', 'consent_care_version', 'consent_care_at', 'consent_care_by',
  'consent_data_given', 'consent_data_version', 'consent_data_at', 'consent_data_by',
  'created_at', 'created_by', 'updated_at',
] as const satisfies readonly (keyof NewPatientRow)[];
// A column added to the table but not to the list would be left out of every insert: refused here.
const everyNewPatientColumn: Exclude<keyof NewPatientRow, (typeof NEW_PATIENT_COLUMNS)[number]> extends never ? true : never = true;
void everyNewPatientColumn;
const insertPatient = prepared((db: Kysely<Database>, p: NewPatientRow) =>
  db
    .insertInto('patients')
    .values(Object.fromEntries(NEW_PATIENT_COLUMNS.map((column) => [column, p[column]])) as NewPatientRow)
    .returning('id'),
);

async function nextRecordNumber(db: Db, year: number): Promise<string> {
  const row = await bumpRecordSequence.first(db, { year });
  if (!row) throw new Error('record_sequences returned no row');
  return `SM-${year}-${String(row.last).padStart(6, '0')}`;
}

async function refuseSameDocument(db: Db, documentType: string, documentNumber: string | null, exceptId?: number): Promise<void> {
  if (documentType === 'none' || !documentNumber) return;
  // Ids start at 1: 0 excepts no one.
  const same = await sameDocument.first(db, { documentType, documentNumber, exceptId: exceptId ?? 0 });
  if (same) throw conflict(`Ya hay un paciente con ${documentType} ${documentNumber}: ${same.record_number}. Abra ese registro en lugar de crear otro.`);
}

async function writePhones(db: Db, patientId: number, phones: { number: string; whatsapp: boolean }[], startAt = 0): Promise<void> {
  for (const [i, p] of phones.entries()) {
    await insertPhone.run(db, { patient_id: patientId, position: startAt + i, number: p.number, search_key: phoneSearchKey(p.number) ?? p.number, whatsapp: p.whatsapp ? 1 : 0 });
  }
}

async function addHistory(db: Db, ctx: ServiceContext, patientId: number, userId: number | null, entries: { field: string; old: unknown; new: unknown }[]): Promise<void> {
  const at = isoNow(ctx);
  for (const e of entries) {
    await insertHistory.run(db, { patient_id: patientId, at, user_id: userId, field: e.field, old_value: JSON.stringify(e.old ?? null), new_value: JSON.stringify(e.new ?? null) });
  }
}

async function mustLoad(db: Db, ctx: ServiceContext, id: number): Promise<Patient> {
  const patient = await loadPatient(db, id, unitToday(ctx));
  if (!patient) throw notFound('No existe ese paciente.');
  return patient;
}

export async function registerPatient(ctx: ServiceContext, actor: Actor, input: RegisterInput, origin: string | null): Promise<{ patient: Patient }> {
  const p = input.patient;
  const patient = await ctx.db.transaction().execute(async (trx) => {
    await refuseSameDocument(trx, p.documentType, p.documentNumber);
    const at = isoNow(ctx);
    const recordNumber = await nextRecordNumber(trx, unitToday(ctx).getUTCFullYear());
    const row = await insertPatient.first(trx, {
      ...patientColumns(p),
      record_number: recordNumber,
      consent_care_given: p.consentToCare.given ? 1 : 0,
      consent_care_version: p.consentToCare.version,
      consent_care_at: at,
      consent_care_by: actor.userId,
      consent_data_given: p.consentToDataProcessing.given ? 1 : 0,
      consent_data_version: p.consentToDataProcessing.version,
      consent_data_at: at,
      consent_data_by: actor.userId,
      created_at: at,
      created_by: actor.userId,
      updated_at: at,
    });
    if (!row) throw new Error('patients insert returned no row');
    await writePhones(trx, row.id, p.phones);
    await indexPatientName(trx, row.id, p.givenNames, p.familyNames, { isNew: true });
    await addHistory(trx, ctx, row.id, actor.userId, [{ field: 'registered', old: null, new: recordNumber }]);
    await appendAudit(ctx, trx, { action: 'patients.register', actor, origin, targetType: 'patient', targetId: row.id, patientId: row.id, details: { recordNumber } });
    if (input.confirmedNotDuplicateOf.length > 0) {
      await appendAudit(ctx, trx, {
        action: 'patients.duplicate_dismissed',
        actor,
        origin,
        targetType: 'patient',
        targetId: row.id,
        patientId: row.id,
        details: { confirmedNotDuplicateOf: input.confirmedNotDuplicateOf },
      });
    }
    return mustLoad(trx, ctx, row.id);
  });
  searchIndexWritten(ctx.db);
  return { patient };
}

function changedColumns(before: PatientColumns, after: PatientColumns): { field: string; old: unknown; new: unknown }[] {
  const out: { field: string; old: unknown; new: unknown }[] = [];
  for (const key of Object.keys(after) as (keyof PatientColumns)[]) {
    if (before[key] === after[key]) continue;
    const decode = (v: unknown) => (typeof v === 'string' && (key === 'emergency_contact' || key === 'guardian') ? JSON.parse(v) : v);
    out.push({ field: key, old: decode(before[key]), new: decode(after[key]) });
  }
  return out;
}

/** The columns the reports classify people by (db/reach-cells.ts). */
const CLASSIFICATION = ['sex', 'date_of_birth', 'estimated_birth_year', 'nationality', 'population_group'];

export async function updatePatient(ctx: ServiceContext, actor: Actor, input: UpdateInput, origin: string | null): Promise<{ patient: Patient }> {
  const p = input.patient;
  let renamed = false;
  const patient = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('patients').selectAll().where('id', '=', input.patientId).executeTakeFirst();
    if (!row) throw notFound('No existe ese paciente.');
    if (row.merged_into_id !== null) {
      const target = await trx.selectFrom('patients').select('record_number').where('id', '=', row.merged_into_id).executeTakeFirst();
      throw conflict(`Este registro se fusionó con ${target?.record_number ?? 'otro'}: edite ese registro.`);
    }
    await refuseSameDocument(trx, p.documentType, p.documentNumber, row.id);
    const before = Object.fromEntries(Object.keys(patientColumns(p)).map((k) => [k, row[k as keyof typeof row]])) as PatientColumns;
    const after = patientColumns(p);
    const changes = changedColumns(before, after);
    const at = isoNow(ctx);

    const phonesBefore = await trx.selectFrom('patient_phones').select(['number', 'whatsapp']).where('patient_id', '=', row.id).orderBy('position').execute();
    const oldPhones = phonesBefore.map((x) => ({ number: x.number, whatsapp: x.whatsapp === 1 }));
    if (JSON.stringify(oldPhones) !== JSON.stringify(p.phones)) {
      changes.push({ field: 'phones', old: oldPhones, new: p.phones });
      // Phones are replaced as a set; the old ones stay in the history entry.
      await trx.deleteFrom('patient_phones').where('patient_id', '=', row.id).execute();
      await writePhones(trx, row.id, p.phones);
    }
    const consents: Record<string, unknown> = {};
    for (const [key, given, version, old] of [
      ['care', p.consentToCare.given, p.consentToCare.version, { given: row.consent_care_given === 1, version: row.consent_care_version }],
      ['data', p.consentToDataProcessing.given, p.consentToDataProcessing.version, { given: row.consent_data_given === 1, version: row.consent_data_version }],
    ] as const) {
      if (old.given === given && old.version === version) continue;
      changes.push({ field: `consent_${key}`, old, new: { given, version } });
      Object.assign(consents, { [`consent_${key}_given`]: given ? 1 : 0, [`consent_${key}_version`]: version, [`consent_${key}_at`]: at, [`consent_${key}_by`]: actor.userId });
    }
    if (changes.length === 0) return mustLoad(trx, ctx, row.id);

    const write = () => trx.updateTable('patients').set({ ...after, ...consents, updated_at: at }).where('id', '=', row.id).execute();
    // The reports count a person under their classification: moving it moves the person's reach cells.
    if (CLASSIFICATION.some((c) => changes.some((x) => x.field === c))) await keepingReach(trx, [row.id], write);
    else await write();
    if (before.given_names !== after.given_names || before.family_names !== after.family_names) {
      await indexPatientName(trx, row.id, after.given_names, after.family_names);
      renamed = true;
    }
    await addHistory(trx, ctx, row.id, actor.userId, changes);
    await appendAudit(ctx, trx, { action: 'patients.update', actor, origin, targetType: 'patient', targetId: row.id, patientId: row.id, details: { fields: changes.map((c) => c.field) } });
    return mustLoad(trx, ctx, row.id);
  });
  if (renamed) searchIndexWritten(ctx.db);
  return { patient };
}

export async function getPatient(ctx: ServiceContext, actor: Actor, patientId: number, origin: string | null): Promise<{ patient: Patient }> {
  return ctx.db.transaction().execute(async (trx) => {
    const patient = await mustLoad(trx, ctx, patientId);
    await appendAudit(ctx, trx, { action: 'patients.read', actor, origin, targetType: 'patient', targetId: patientId, patientId });
    return { patient };
  });
}

export async function patientHistory(ctx: ServiceContext, actor: Actor, patientId: number, origin: string | null) {
  return ctx.db.transaction().execute(async (trx) => {
    await mustLoad(trx, ctx, patientId);
    const ids = await patientIdsOf(trx, patientId);
    const rows = await trx
      .selectFrom('patient_history as h')
      .leftJoin('users as u', 'u.id', 'h.user_id')
      .select(['h.id', 'h.at', 'h.user_id', 'u.display_name', 'h.field', 'h.old_value', 'h.new_value', 'h.patient_id'])
      .where('h.patient_id', 'in', ids)
      .orderBy('h.at', 'desc')
      .orderBy('h.id', 'asc')
      .execute();
    await appendAudit(ctx, trx, { action: 'patients.history', actor, origin, targetType: 'patient', targetId: patientId, patientId });
    return {
      entries: rows.map((r) => ({
        id: r.id,
        at: r.at,
        userId: r.user_id,
        userName: r.display_name,
        field: r.patient_id === patientId ? r.field : `${r.field} (registro fusionado ${r.patient_id})`,
        oldValue: r.old_value ? JSON.parse(r.old_value) : null,
        newValue: r.new_value ? JSON.parse(r.new_value) : null,
      })),
    };
  });
}

export async function searchPatients(ctx: ServiceContext, input: { query: string; page: number; pageSize: number }) {
  const hits = await searchPatientIds(ctx.db, input.query, input.page * input.pageSize + 1);
  const pageHits = hits.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);
  const summaries = await loadSummaries(ctx.db, pageHits.map((h) => h.id), unitToday(ctx));
  return {
    results: pageHits.flatMap((h) => {
      const summary = summaries.get(h.id);
      return summary ? [{ ...summary, matchedBy: h.matchedBy }] : [];
    }),
    page: input.page,
    hasMore: hits.length > input.page * input.pageSize,
  };
}

interface DuplicateDraft {
  givenNames: string;
  familyNames: string;
  dateOfBirth?: string | null;
  estimatedBirthYear?: number | null;
  documentType?: string | null;
  documentNumber?: string | null;
  phones?: { number: string }[];
}

type Reason = 'same_document' | 'same_phone' | 'similar_names_same_birth' | 'similar_names_close_birth' | 'surnames_swapped' | 'second_surname_missing' | 'similar_names';

function birthYear(dob: string | null | undefined, estimated: number | null | undefined): number | null {
  return dob ? Number(dob.slice(0, 4)) : (estimated ?? null);
}

/** Same day and month swapped (03/04 typed as 04/03), or one digit off in the year. */
function closeBirth(a: string, b: string): boolean {
  const [ay, am, ad] = a.split('-');
  const [by, bm, bd] = b.split('-');
  if (ay === by && am === bd && ad === bm) return true;
  if (am === bm && ad === bd && Math.abs(Number(ay) - Number(by)) <= 1) return true;
  return Math.abs(Date.parse(a) - Date.parse(b)) <= 31 * 86_400_000;
}

export async function checkDuplicates(ctx: ServiceContext, input: { patient: DuplicateDraft; excludePatientId?: number }) {
  const draft = input.patient;
  const reasons = new Map<number, Set<Reason>>();
  const scores = new Map<number, number>();
  const add = (id: number, reason: Reason, score: number) => {
    if (id === input.excludePatientId) return;
    if (!reasons.has(id)) reasons.set(id, new Set());
    reasons.get(id)!.add(reason);
    scores.set(id, (scores.get(id) ?? 0) + score);
  };

  const documentNumber = draft.documentNumber ? normaliseDocumentNumber(draft.documentNumber) : null;
  if (documentNumber && draft.documentType !== 'none') {
    const rows = await ctx.db.selectFrom('patients').select('id').where('document_number', '=', documentNumber).where('merged_into_id', 'is', null).execute();
    for (const r of rows) add(r.id, 'same_document', 3);
  }
  const phoneKeys = (draft.phones ?? []).map((p) => (normalisePhone(p.number) ? phoneSearchKey(p.number) : null)).filter((k): k is string => Boolean(k));
  if (phoneKeys.length) {
    const rows = await ctx.db
      .selectFrom('patient_phones as ph')
      .innerJoin('patients as p', 'p.id', 'ph.patient_id')
      .select('p.id')
      .distinct()
      .where('ph.search_key', 'in', phoneKeys)
      .where('p.merged_into_id', 'is', null)
      .execute();
    for (const r of rows) add(r.id, 'same_phone', 1);
  }

  const given = nameTokens(draft.givenNames);
  const family = nameTokens(draft.familyNames);
  if (given.length && family.length) {
    // Candidates: the whole name as typed; the first given name and first surname, in any column,
    // each by spelling or by sound (typos within one edit), newest first; and everyone born the same day.
    const byId = new Map<number, NameRow>();
    const exact = exactMatchExpression([...given, ...family]);
    const fuzzy = await nameMatchExpression(ctx.db, [given[0]!, family[0]!]);
    for (const expression of [exact, fuzzy]) {
      if (expression) for (const row of await nameCandidates(ctx.db, expression, 200)) byId.set(row.id, row);
    }
    if (draft.dateOfBirth) {
      const sameDay = await ctx.db
        .selectFrom('patients')
        .select(['id', 'given_names', 'family_names', 'date_of_birth', 'estimated_birth_year'])
        .where('date_of_birth', '=', draft.dateOfBirth)
        .where('merged_into_id', 'is', null)
        .limit(500)
        .execute();
      for (const row of sameDay) byId.set(row.id, row);
    }
    const rows = { rows: [...byId.values()] };
    for (const row of rows.rows) {
      if (row.id === input.excludePatientId) continue;
      const cGiven = nameTokens(row.given_names);
      const cFamily = nameTokens(row.family_names);
      const direct = Math.min(nameScore(given, cGiven), nameScore(family.slice(0, 1), cFamily.slice(0, 1)));
      const swapped = Math.min(nameScore(given, cFamily), nameScore(family, cGiven));
      const nameReasons: Reason[] = [];
      if (swapped >= 0.9 && swapped > direct) nameReasons.push('surnames_swapped');
      if (direct >= 0.88 && family.length !== cFamily.length && nameScore(family.slice(0, 1), cFamily.slice(0, 1)) >= 0.9) nameReasons.push('second_surname_missing');
      const similarNames = Math.max(direct, swapped) >= 0.88;
      if (!similarNames) continue;

      const draftYear = birthYear(draft.dateOfBirth, draft.estimatedBirthYear);
      const rowYear = birthYear(row.date_of_birth, row.estimated_birth_year);
      if (draft.dateOfBirth && row.date_of_birth && draft.dateOfBirth === row.date_of_birth) nameReasons.push('similar_names_same_birth');
      else if (draft.dateOfBirth && row.date_of_birth && closeBirth(draft.dateOfBirth, row.date_of_birth)) nameReasons.push('similar_names_close_birth');
      else if (draftYear !== null && rowYear !== null && (!draft.dateOfBirth || !row.date_of_birth) && Math.abs(draftYear - rowYear) <= 2) nameReasons.push('similar_names_close_birth');
      else if (draftYear !== null && rowYear !== null) {
        // Same names but clearly another birth date: another person, unless names are all that is known.
        if (!reasons.has(row.id)) continue;
      } else nameReasons.push('similar_names');
      if (nameReasons.length === 0) nameReasons.push('similar_names');
      for (const reason of nameReasons) add(row.id, reason, reason === 'similar_names_same_birth' ? 2 : 1);
      scores.set(row.id, (scores.get(row.id) ?? 0) + Math.max(direct, swapped));
    }
  }

  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
  const summaries = await loadSummaries(ctx.db, ranked.map(([id]) => id), unitToday(ctx));
  return {
    candidates: ranked.flatMap(([id, score]) => {
      const patient = summaries.get(id);
      return patient ? [{ patient, reasons: [...reasons.get(id)!], score: Math.round(score * 100) / 100 }] : [];
    }),
  };
}

export async function mergePatients(ctx: ServiceContext, actor: Actor, input: { keepPatientId: number; mergePatientId: number; reason: string }, origin: string | null) {
  if (input.keepPatientId === input.mergePatientId) throw invalidField('mergePatientId', 'Elija dos registros distintos');
  const patient = await ctx.db.transaction().execute(async (trx) => {
    const keep = await trx.selectFrom('patients').selectAll().where('id', '=', input.keepPatientId).executeTakeFirst();
    const merge = await trx.selectFrom('patients').selectAll().where('id', '=', input.mergePatientId).executeTakeFirst();
    if (!keep || !merge) throw notFound('No existe uno de los dos pacientes.');
    if (keep.merged_into_id !== null || merge.merged_into_id !== null) throw conflict('Uno de los registros ya fue fusionado con otro.');
    const at = isoNow(ctx);

    const moved = await trx.updateTable('appointments').set({ patient_id: keep.id, updated_at: at }).where('patient_id', '=', merge.id).executeTakeFirst();

    const keepPhones = await trx.selectFrom('patient_phones').select(['number', 'position']).where('patient_id', '=', keep.id).execute();
    const mergePhones = await trx.selectFrom('patient_phones').select(['number', 'whatsapp']).where('patient_id', '=', merge.id).orderBy('position').execute();
    const newPhones = mergePhones.filter((p) => !keepPhones.some((k) => k.number === p.number)).map((p) => ({ number: p.number, whatsapp: p.whatsapp === 1 }));
    await writePhones(trx, keep.id, newPhones, keepPhones.length);

    // Fill what the kept record lacks from the duplicate; never overwrite what it has.
    const fillable = ['gender_identity', 'date_of_birth', 'document_number', 'arrival_date', 'neighbourhood', 'address', 'zone', 'eps', 'sisben_group', 'emergency_contact', 'guardian'] as const;
    const fills: Record<string, unknown> = {};
    const changes: { field: string; old: unknown; new: unknown }[] = [];
    for (const field of fillable) {
      if (keep[field] === null && merge[field] !== null) {
        if (field === 'document_number' && keep.document_type !== 'none') continue;
        fills[field] = merge[field];
        changes.push({ field, old: null, new: merge[field] });
      }
    }
    if (fills.document_number) {
      fills.document_type = merge.document_type;
      changes.push({ field: 'document_type', old: keep.document_type, new: merge.document_type });
    }
    if (fills.date_of_birth) fills.estimated_birth_year = null;
    if (newPhones.length) changes.push({ field: 'phones', old: null, new: newPhones });
    changes.push({ field: 'merged', old: null, new: { recordNumber: merge.record_number, reason: input.reason, appointmentsMoved: Number(moved.numUpdatedRows) } });

    // Two people become one in the reports: their reach cells are recomputed with the merge.
    await keepingReach(trx, [keep.id, merge.id], async () => {
      await trx.updateTable('patients').set({ ...fills, updated_at: at }).where('id', '=', keep.id).execute();
      await trx.updateTable('patients').set({ merged_into_id: keep.id, updated_at: at }).where('id', '=', merge.id).execute();
      // Records merged earlier into the duplicate now point at the kept one too: one hop, always.
      await trx.updateTable('patients').set({ merged_into_id: keep.id, updated_at: at }).where('merged_into_id', '=', merge.id).execute();
    });
    await unindexPatient(trx, merge.id);
    await addHistory(trx, ctx, keep.id, actor.userId, changes);
    await addHistory(trx, ctx, merge.id, actor.userId, [{ field: 'merged_into', old: null, new: { recordNumber: keep.record_number, reason: input.reason } }]);
    const details = { keptRecordNumber: keep.record_number, mergedRecordNumber: merge.record_number, reason: input.reason, appointmentsMoved: Number(moved.numUpdatedRows) };
    await appendAudit(ctx, trx, { action: 'patients.merge', actor, origin, targetType: 'patient', targetId: keep.id, patientId: keep.id, details });
    await appendAudit(ctx, trx, { action: 'patients.merge', actor, origin, targetType: 'patient', targetId: merge.id, patientId: merge.id, details });
    return mustLoad(trx, ctx, keep.id);
  });
  searchIndexWritten(ctx.db);
  return { patient };
}
