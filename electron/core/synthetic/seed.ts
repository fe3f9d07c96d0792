// Bulk insert of synthetic patients in one transaction, with prepared statements: fast enough for
// tests on 10,000 patients and the benchmark's million. Writes exactly what patients.register writes
// (row, phones, search index), without an audit row per patient: one audit row records the seeding.
import type { RawDatabase } from '../../../db/connection';
import { searchRowid } from '../../../db/search-rowid';
import { phoneSearchKey } from '../../api/phone';
import type { PatientFields } from '../../api/patients';
import { appendAudit } from '../audit';
import type { ServiceContext } from '../context';
import { patientColumns } from '../patient-rows';
import { dictionaryGrew, searchEntry } from '../patient-search';
import { rng, syntheticPatient } from './generate';

export interface SeedResult {
  firstId: number;
  count: number;
}

/**
 * Inserts `patients` in one transaction. `seenVariants` may be shared between calls (chunks of a large
 * seeding) so that dictionary entries already written are not written again.
 */
export function insertPatientsBulk(raw: RawDatabase, patients: PatientFields[], byUserId: number, at: string, seenVariants = new Set<string>()): SeedResult {
  const year = Number(at.slice(0, 4));
  const columns = Object.keys(patientColumns(patients[0]!));
  const insertPatient = raw.prepare(
    `INSERT INTO patients (${columns.join(', ')}, record_number, consent_care_given, consent_care_version, consent_care_at, consent_care_by,
      consent_data_given, consent_data_version, consent_data_at, consent_data_by, created_at, created_by, updated_at)
     VALUES (${columns.map((c) => `@${c}`).join(', ')}, @record_number, @care, @care_version, @at, @by, @data, @data_version, @at, @by, @at, @by, @at)`,
  );
  const insertPhone = raw.prepare('INSERT INTO patient_phones (patient_id, position, number, search_key, whatsapp) VALUES (?, ?, ?, ?, ?)');
  const insertSearch = raw.prepare('INSERT INTO patient_search (rowid, names, phon) VALUES (?, ?, ?)');
  const insertVariant = raw.prepare('INSERT OR IGNORE INTO name_variants (kind, variant, term) VALUES (?, ?, ?)');
  const sequence = raw.prepare(`INSERT INTO record_sequences (year, last) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last = last + excluded.last RETURNING last`);
  const seenKeys = seenVariants;

  const result = raw.transaction(() => {
    const last = (sequence.get(year, patients.length) as { last: number }).last;
    let number = last - patients.length;
    let firstId = 0;
    for (const p of patients) {
      number += 1;
      const result = insertPatient.run({
        ...patientColumns(p),
        record_number: `SM-${year}-${String(number).padStart(6, '0')}`,
        care: p.consentToCare.given ? 1 : 0,
        care_version: p.consentToCare.version,
        data: p.consentToDataProcessing.given ? 1 : 0,
        data_version: p.consentToDataProcessing.version,
        at,
        by: byUserId,
      });
      const id = Number(result.lastInsertRowid);
      if (!firstId) firstId = id;
      p.phones.forEach((phone, i) => insertPhone.run(id, i, phone.number, phoneSearchKey(phone.number) ?? phone.number, phone.whatsapp ? 1 : 0));
      const entry = searchEntry(p.givenNames, p.familyNames);
      insertSearch.run(searchRowid(id), entry.names, entry.phon);
      for (const v of entry.variants) {
        const key = `${v.kind} ${v.variant} ${v.term}`;
        if (seenKeys.has(key)) continue;
        seenKeys.add(key);
        insertVariant.run(v.kind, v.variant, v.term);
      }
    }
    return { firstId, count: patients.length };
  })();
  dictionaryGrew();
  return result;
}

/** Generates `count` synthetic patients from `seed` and inserts them; audited as one event. */
export async function seedPatients(ctx: ServiceContext, raw: RawDatabase, options: { count: number; seed?: number; byUserId: number }): Promise<SeedResult & { patients: PatientFields[] }> {
  const random = rng(options.seed ?? 1);
  const patients = Array.from({ length: options.count }, () => syntheticPatient(random));
  const at = new Date(ctx.clock.now()).toISOString();
  const result = insertPatientsBulk(raw, patients, options.byUserId, at);
  await ctx.db.transaction().execute((trx) =>
    appendAudit(ctx, trx, { action: 'patients.seed', actorUsername: 'seed', details: { count: result.count, firstId: result.firstId, seed: options.seed ?? 1 } }),
  );
  return { ...result, patients };
}
