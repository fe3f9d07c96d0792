// De-identified rows for research and donors: one row per signed session or per person-month,
// with no names, documents, phones, addresses or free text. People appear as keyed HMAC
// pseudonyms; ages as bands, dates as months, place as municipality or department; and the rows
// are k-anonymous over (age band, sex, nationality, population group, place).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { ageBandOf } from '../../api/codes';
import type { ScoredInstrument } from '../../api/instruments';
import { kAnonymise, type KAnonymityReport } from '../disclosure/k-anonymity';
import { pseudonym } from '../disclosure/pseudonym';
import { ageAt, dayAfter } from './period';
import type { Cell } from '../exports/files';

export interface DeidentifiedInput {
  from: string;
  to: string;
  unit: 'session' | 'patient_month';
  k: number;
  keyHex: string;
}

interface SourceRow {
  person: number;
  starts_at: string;
  sex: string;
  dob: string | null;
  est: number | null;
  nationality: string;
  population_group: string;
  municipality_code: string;
  service: string;
  format: string;
  modality: string;
  visit_kind: string;
  interventions: string;
  instruments: string;
  diagnoses: string;
}

const score = (instruments: ScoredInstrument[], id: string) => instruments.find((i) => i.instrument === id)?.total ?? null;

export async function computeDeidentified(db: Kysely<Database>, input: DeidentifiedInput): Promise<{ header: string[]; body: Cell[][]; report: KAnonymityReport }> {
  const key = Buffer.from(input.keyHex, 'hex');
  const source = await sql<SourceRow>`
    SELECT COALESCE(p.merged_into_id, p.id) AS person, s.starts_at, k.sex, k.date_of_birth AS dob, k.estimated_birth_year AS est, k.nationality,
           k.population_group, k.municipality_code, s.service, s.format, s.modality, s.visit_kind, s.interventions, s.instruments, s.diagnoses
    FROM sessions AS s JOIN patients AS p ON p.id = s.patient_id JOIN patients AS k ON k.id = COALESCE(p.merged_into_id, p.id)
    WHERE s.status = 'signed' AND s.starts_at >= ${input.from} AND s.starts_at < ${dayAfter(input.to)}
    ORDER BY s.starts_at`.execute(db);

  const rows = source.rows.map((r) => {
    const instruments = JSON.parse(r.instruments) as ScoredInstrument[];
    const primary = (JSON.parse(r.diagnoses) as { code: string; primary: boolean }[]).find((d) => d.primary) ?? null;
    return {
      person: pseudonym(key, r.person),
      month: r.starts_at.slice(0, 7),
      ageBand: ageBandOf(Math.max(0, ageAt(r.dob, r.est, r.starts_at.slice(0, 10)) ?? 0)),
      sex: r.sex,
      nationality: r.nationality,
      populationGroup: r.population_group,
      place: r.municipality_code,
      service: r.service,
      format: r.format,
      modality: r.modality,
      visitKind: r.visit_kind,
      interventions: (JSON.parse(r.interventions) as string[]).join(';'),
      phq9: score(instruments, 'phq9'),
      gad7: score(instruments, 'gad7'),
      who5: score(instruments, 'who5'),
      // The ICD-10 category (three characters) is enough for research and identifies less.
      diagnosisCategory: primary ? primary.code.slice(0, 3) : null,
    };
  });

  if (input.unit === 'session') {
    const { rows: safe, report } = kAnonymise(rows, { k: input.k });
    const header = ['persona', 'mes', 'grupo_edad', 'sexo', 'nacionalidad', 'grupo_poblacional', 'lugar', 'servicio', 'formato', 'modalidad', 'tipo_consulta', 'intervenciones', 'phq9', 'gad7', 'who5', 'diagnostico_categoria'];
    const body = safe.map((r): Cell[] => [r.person, r.month, r.ageBand, r.sex, r.nationality, r.populationGroup, r.place, r.service, r.format, r.modality, r.visitKind, r.interventions, r.phq9, r.gad7, r.who5, r.diagnosisCategory]);
    return { header, body, report };
  }

  // One row per person and month: sessions counted, the month's latest scores.
  const byPersonMonth = new Map<string, (typeof rows)[number] & { sessions: number; services: Set<string> }>();
  for (const r of rows) {
    const key2 = `${r.person}|${r.month}`;
    const entry = byPersonMonth.get(key2);
    if (!entry) byPersonMonth.set(key2, { ...r, sessions: 1, services: new Set([r.service]) });
    else {
      entry.sessions += 1;
      entry.services.add(r.service);
      entry.phq9 = r.phq9 ?? entry.phq9;
      entry.gad7 = r.gad7 ?? entry.gad7;
      entry.who5 = r.who5 ?? entry.who5;
    }
  }
  const { rows: safe, report } = kAnonymise([...byPersonMonth.values()], { k: input.k });
  const header = ['persona', 'mes', 'grupo_edad', 'sexo', 'nacionalidad', 'grupo_poblacional', 'lugar', 'sesiones', 'servicios', 'phq9_ultimo', 'gad7_ultimo', 'who5_ultimo'];
  const body = safe.map((r): Cell[] => [r.person, r.month, r.ageBand, r.sex, r.nationality, r.populationGroup, r.place, r.sessions, [...r.services].sort().join(';'), r.phq9, r.gad7, r.who5]);
  return { header, body, report };
}
