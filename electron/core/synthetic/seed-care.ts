// Synthetic care for seeded patients: appointments (attended, missed, cancelled), signed sessions
// with instrument scores and diagnoses, risk alerts, and community activities — for tests of the
// statistics and for the benchmark. Bulk inserts in one transaction; never real data.
import type { RawDatabase } from '../../../db/connection';
import { AGE_BANDS, POPULATION_GROUPS, SERVICES, ACTIVITY_KINDS, INTERVENTIONS } from '../../api/codes';
import { scoreInstrument } from '../scoring';
import { pick, rng } from './generate';

export interface CareOptions {
  /** Patient ids to give care to. */
  patientIds: number[];
  clinicianIds: number[];
  /** First and last day (YYYY-MM-DD) of the period to fill. */
  from: string;
  to: string;
  sessionsPerPatient: number;
  activities: number;
  seed?: number;
  /**
   * When true, every one of `sessionsPerPatient` appointments is attended (a signed session), and
   * missed or cancelled appointments come on top (about one in five): the count of sessions is exact.
   * When false (the default), some of the appointments are missed and fewer sessions result.
   */
  exactSessions?: boolean;
}

function randomDay(random: () => number, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000) + 1;
  return new Date(start + Math.floor(random() * days) * 86_400_000).toISOString().slice(0, 10);
}

function answers(random: () => number, count: number, max: number, level: number): number[] {
  return Array.from({ length: count }, () => Math.max(0, Math.min(max, Math.round(level * max + (random() - 0.5) * 2))));
}

export function seedCare(raw: RawDatabase, options: CareOptions): { sessions: number; appointments: number; activities: number; scores: number } {
  const random = rng(options.seed ?? 3);
  const insertAppointment = raw.prepare(
    `INSERT INTO appointments (patient_id, clinician_id, service, starts_at, ends_at, duration_minutes, status, booked_at, booked_by, checked_in_at, cancelled_at, cancel_reason, cancelled_by, no_show_at, updated_at)
     VALUES (@patient, @clinician, @service, @starts, @ends, 40, @status, @at, @clinician, @checkedIn, @cancelledAt, @cancelReason, @cancelledBy, @noShowAt, @at)`,
  );
  const insertSession = raw.prepare(
    `INSERT INTO sessions (patient_id, clinician_id, appointment_id, starts_at, duration_minutes, visit_kind, modality, format, service, interventions, presenting_concerns, risk, instruments, diagnoses, note, plan, draft_referrals, status, created_at, updated_at, signed_at, signature_hash)
     VALUES (@patient, @clinician, @appointment, @starts, 45, @visitKind, @modality, @format, @service, @interventions, NULL, @risk, @instruments, @diagnoses, @note, NULL, '[]', 'signed', @at, @at, @at, @hash)`,
  );
  const insertScore = raw.prepare('INSERT INTO session_scores (session_id, patient_id, instrument, total, band, at) VALUES (?, ?, ?, ?, ?, ?)');
  const insertDiagnosis = raw.prepare('INSERT INTO session_diagnoses (session_id, patient_id, code, is_primary, at) VALUES (?, ?, ?, 1, ?)');
  const insertAlert = raw.prepare(`INSERT INTO risk_alerts (patient_id, session_id, source, level, raised_at, raised_by) VALUES (?, ?, 'phq9_item9', 'moderate', ?, ?)`);
  const insertActivity = raw.prepare(
    `INSERT INTO activities (date, municipality_code, place, kind, topic, duration_minutes, facilitator_ids, other_facilitators, attendance, total_attendance, patient_ids, notes, recorded_by, recorded_at, updated_at)
     VALUES (@date, @municipality, 'Salón comunal', @kind, 'Taller comunitario', 120, @facilitators, NULL, @attendance, @total, '[]', NULL, @by, @at, @at)`,
  );
  const DIAGNOSES = ['F321', 'F411', 'F431', 'F432', 'F329', 'F410', 'G409', 'F200', 'Z603'];

  return raw.transaction(() => {
    let sessions = 0;
    let appointments = 0;
    let scores = 0;
    for (const patient of options.patientIds) {
      const clinician = pick(random, options.clinicianIds);
      const service = random() < 0.7 ? 'psychology' : pick(random, SERVICES);
      const days = Array.from({ length: options.sessionsPerPatient }, () => randomDay(random, options.from, options.to)).sort();
      let level = 0.3 + random() * 0.5;
      days.forEach((day, i) => {
        const starts = `${day}T${String(7 + Math.floor(random() * 9)).padStart(2, '0')}:00`;
        const at = `${day}T20:00:00.000Z`;
        if (options.exactSessions && random() < 0.2) {
          const missed = random() < 0.6 ? 'no_show' : 'cancelled';
          // Late afternoon, after the attended hours (7–15 h), so that no two appointments overlap.
          insertAppointment.run({
            patient, clinician, service, starts: `${day}T17:00`, ends: `${day}T17:40`, status: missed, at,
            checkedIn: null,
            cancelledAt: missed === 'cancelled' ? at : null,
            cancelReason: missed === 'cancelled' ? 'No puede venir' : null,
            cancelledBy: missed === 'cancelled' ? 'patient' : null,
            noShowAt: missed === 'no_show' ? at : null,
          });
          appointments++;
        }
        const roll = options.exactSessions ? 1 : random();
        const status = roll < 0.12 ? 'no_show' : roll < 0.2 ? 'cancelled' : 'completed';
        const appointment = insertAppointment.run({
          patient, clinician, service, starts, ends: `${starts.slice(0, 14)}40`, status, at,
          checkedIn: status === 'completed' ? at : null,
          cancelledAt: status === 'cancelled' ? at : null,
          cancelReason: status === 'cancelled' ? 'No puede venir' : null,
          cancelledBy: status === 'cancelled' ? 'patient' : null,
          noShowAt: status === 'no_show' ? at : null,
        });
        appointments++;
        if (status !== 'completed') return;
        const phq9 = scoreInstrument({ instrument: 'phq9', answers: answers(random, 9, 3, level) });
        const gad7 = scoreInstrument({ instrument: 'gad7', answers: answers(random, 7, 3, level) });
        const who5 = scoreInstrument({ instrument: 'who5', answers: answers(random, 5, 5, 1 - level) });
        const scored = i % 2 === 0 ? [phq9, gad7, who5] : [phq9];
        const diagnosis = pick(random, DIAGNOSES);
        const format = random() < 0.8 ? 'individual' : random() < 0.5 ? 'family' : 'group';
        const session = insertSession.run({
          patient, clinician, appointment: Number(appointment.lastInsertRowid), starts, service,
          visitKind: i === 0 ? 'first' : 'follow_up',
          modality: random() < 0.9 ? 'in_person' : pick(random, ['phone', 'video']),
          format,
          interventions: JSON.stringify([pick(random, INTERVENTIONS)]),
          risk: JSON.stringify({ violence: 'not_assessed', genderBasedViolence: 'not_assessed', protectionConcerns: null }),
          instruments: JSON.stringify(scored),
          diagnoses: JSON.stringify([{ code: diagnosis, primary: true }]),
          note: 'Nota clínica sintética.',
          at,
          hash: 'f'.repeat(64),
        });
        const sessionId = Number(session.lastInsertRowid);
        sessions++;
        for (const s of scored) insertScore.run(sessionId, patient, s.instrument, s.total, s.band, starts);
        scores += scored.length;
        insertDiagnosis.run(sessionId, patient, diagnosis, starts);
        if (phq9.riskAlert) insertAlert.run(patient, sessionId, at, clinician);
        level = Math.max(0, level - 0.08); // people tend to improve with care
      });
    }
    for (let i = 0; i < options.activities; i++) {
      const date = randomDay(random, options.from, options.to);
      const cells = new Map<string, { sex: string; ageBand: string; populationGroup: string; count: number }>();
      for (let c = 0; c < 3 + Math.floor(random() * 6); c++) {
        const cell = { sex: pick(random, ['F', 'M', 'I'] as const), ageBand: pick(random, AGE_BANDS), populationGroup: pick(random, POPULATION_GROUPS), count: 1 + Math.floor(random() * 15) };
        cells.set(`${cell.sex}|${cell.ageBand}|${cell.populationGroup}`, cell);
      }
      const attendance = [...cells.values()];
      insertActivity.run({
        date,
        municipality: pick(random, ['54001', '54001', '54874', '54405']),
        kind: pick(random, ACTIVITY_KINDS),
        facilitators: JSON.stringify([pick(random, options.clinicianIds)]),
        attendance: JSON.stringify(attendance),
        total: attendance.reduce((s, c) => s + c.count, 0),
        by: options.clinicianIds[0],
        at: `${date}T22:00:00.000Z`,
      });
    }
    return { sessions, appointments, activities: options.activities, scores };
  })();
}
