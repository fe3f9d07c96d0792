// Between the patients table and the contract's Patient.
import { sql, type Kysely } from 'kysely';
import { prepared } from '../../db/prepared';
import type { Database, PatientRow } from '../../db/schema';
import { ageOn, type Patient, type PatientFields, type PatientSummary } from '../api/patients';
import type { Db } from './context';

type Json<T> = T | null;
const parse = <T>(text: string | null): Json<T> => (text ? (JSON.parse(text) as T) : null);

/** The columns a PatientFields value writes (consents are written apart, with who and when). */
export function patientColumns(p: PatientFields) {
  return {
    given_names: p.givenNames,
    family_names: p.familyNames,
    sex: p.sex,
    gender_identity: p.genderIdentity,
    date_of_birth: p.dateOfBirth,
    estimated_birth_year: p.dateOfBirth ? null : p.estimatedBirthYear,
    document_type: p.documentType,
    document_number: p.documentType === 'none' ? null : p.documentNumber,
    nationality: p.nationality,
    population_group: p.populationGroup,
    arrival_date: p.arrivalDate,
    municipality_code: p.municipalityCode,
    neighbourhood: p.neighbourhood,
    address: p.address,
    zone: p.zone,
    insurance_regime: p.insuranceRegime,
    eps: p.eps,
    sisben_group: p.sisbenGroup,
    pregnant: p.pregnant ? 1 : 0,
    disability: p.disability ? 1 : 0,
    ethnicity: p.ethnicity,
    lgbtiq: p.lgbtiq,
    unaccompanied_minor: p.unaccompaniedMinor ? 1 : 0,
    referral_source: p.referralSource,
    emergency_contact: p.emergencyContact ? JSON.stringify(p.emergencyContact) : null,
    guardian: p.guardian ? JSON.stringify(p.guardian) : null,
  };
}

export type PatientColumns = ReturnType<typeof patientColumns>;

// A record's read and a page of search results run these on every request: compiled once (db/prepared.ts).
const patientById = prepared((db: Kysely<Database>, p: { id: number }) => db.selectFrom('patients').selectAll().where('id', '=', p.id));
const phonesOf = prepared((db: Kysely<Database>, p: { id: number }) =>
  db.selectFrom('patient_phones').select(['number', 'whatsapp']).where('patient_id', '=', p.id).orderBy('position'),
);
const consentStaff = prepared((db: Kysely<Database>, p: { care: number; data: number }) =>
  db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [p.care, p.data]),
);
const noShowsOf = prepared((db: Kysely<Database>, p: { id: number }) =>
  db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('patient_id', '=', p.id)
    .where('status', '=', 'no_show'),
);
const recordNumberOf = prepared((db: Kysely<Database>, p: { id: number }) => db.selectFrom('patients').select('record_number').where('id', '=', p.id));

export async function loadPatient(db: Db, id: number, today: Date): Promise<Patient | null> {
  const row = await patientById.first(db, { id });
  if (!row) return null;
  const phones = await phonesOf.rows(db, { id });
  const staff = await consentStaff.rows(db, { care: row.consent_care_by, data: row.consent_data_by });
  const staffName = (userId: number) => staff.find((s) => s.id === userId)?.display_name ?? '';
  const noShows = await noShowsOf.first(db, { id });
  const kept = row.merged_into_id === null ? null : await recordNumberOf.first(db, { id: row.merged_into_id });
  return { ...toPatient(row, phones, staffName, Number(noShows?.n ?? 0), today), mergedIntoRecordNumber: kept?.record_number ?? null };
}

export function toPatient(
  row: PatientRow,
  phones: { number: string; whatsapp: number }[],
  staffName: (id: number) => string,
  noShowCount: number,
  today: Date,
): Omit<Patient, 'mergedIntoRecordNumber'> {
  return {
    id: row.id,
    recordNumber: row.record_number,
    givenNames: row.given_names,
    familyNames: row.family_names,
    sex: row.sex,
    genderIdentity: row.gender_identity,
    dateOfBirth: row.date_of_birth,
    estimatedBirthYear: row.estimated_birth_year,
    age: ageOn(row.date_of_birth, row.estimated_birth_year, today),
    documentType: row.document_type as Patient['documentType'],
    documentNumber: row.document_number,
    nationality: row.nationality,
    populationGroup: row.population_group as Patient['populationGroup'],
    arrivalDate: row.arrival_date,
    phones: phones.map((p) => ({ number: p.number, whatsapp: p.whatsapp === 1 })),
    municipalityCode: row.municipality_code,
    neighbourhood: row.neighbourhood,
    address: row.address,
    zone: row.zone as Patient['zone'],
    insuranceRegime: row.insurance_regime as Patient['insuranceRegime'],
    eps: row.eps,
    sisbenGroup: row.sisben_group,
    pregnant: row.pregnant === 1,
    disability: row.disability === 1,
    ethnicity: row.ethnicity as Patient['ethnicity'],
    lgbtiq: row.lgbtiq as Patient['lgbtiq'],
    unaccompaniedMinor: row.unaccompanied_minor === 1,
    referralSource: row.referral_source as Patient['referralSource'],
    emergencyContact: parse<Patient['emergencyContact']>(row.emergency_contact),
    guardian: parse<Patient['guardian']>(row.guardian),
    consentToCare: { given: row.consent_care_given === 1, version: row.consent_care_version, at: row.consent_care_at, byUserId: row.consent_care_by, byName: staffName(row.consent_care_by) },
    consentToDataProcessing: { given: row.consent_data_given === 1, version: row.consent_data_version, at: row.consent_data_at, byUserId: row.consent_data_by, byName: staffName(row.consent_data_by) },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    mergedIntoId: row.merged_into_id,
    noShowCount,
  };
}

const summaryRows = prepared((db: Kysely<Database>, p: { ids: string }) =>
  db
    .selectFrom('patients')
    .select(['id', 'record_number', 'given_names', 'family_names', 'sex', 'date_of_birth', 'estimated_birth_year', 'document_type', 'document_number', 'nationality', 'municipality_code'])
    .where(sql<boolean>`id IN (SELECT value FROM json_each(${p.ids}))`),
);
const firstPhones = prepared((db: Kysely<Database>, p: { ids: string }) =>
  db
    .selectFrom('patient_phones')
    .select(['patient_id', 'number'])
    .where(sql<boolean>`patient_id IN (SELECT value FROM json_each(${p.ids}))`)
    .where('position', '=', 0),
);

/** The list form: enough to tell two people apart at the desk. */
export async function loadSummaries(db: Db, ids: number[], today: Date): Promise<Map<number, PatientSummary>> {
  if (ids.length === 0) return new Map();
  // The ids go as one JSON parameter, so that every page size is one compiled statement.
  const rows = await summaryRows.rows(db, { ids: JSON.stringify(ids) });
  const phones = await firstPhones.rows(db, { ids: JSON.stringify(ids) });
  const phoneOf = new Map(phones.map((p) => [p.patient_id, p.number]));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        recordNumber: r.record_number,
        givenNames: r.given_names,
        familyNames: r.family_names,
        sex: r.sex,
        dateOfBirth: r.date_of_birth,
        estimatedBirthYear: r.estimated_birth_year,
        age: ageOn(r.date_of_birth, r.estimated_birth_year, today),
        documentType: r.document_type as PatientSummary['documentType'],
        documentNumber: r.document_number,
        nationality: r.nationality,
        phone: phoneOf.get(r.id) ?? null,
        municipalityCode: r.municipality_code,
      },
    ]),
  );
}
