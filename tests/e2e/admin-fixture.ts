// Data for the administration tests, seeded through the host's API with the real clock: a clinician
// with hours every day, eight patients, nine signed sessions today (PHQ-9 twice for one patient) and
// one community activity today. What was seeded is exported so the tests can check the totals.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { Api, openAllHours, unitToday, type StaffUser } from './host';

export const RECEPTIONIST: StaffUser = { username: 'recepcion3', password: 'ventanilla del costado', name: 'Olga Pabón', role: 'reception' };
export const CLINICIAN: StaffUser = { username: 'psicologo3', password: 'escucha sin juzgar nunca', name: 'Andrés Villamizar', role: 'clinician' };

interface SeedPatient {
  givenNames: string;
  familyNames: string;
  sex: 'F' | 'M';
  dateOfBirth: string;
  nationality: 'VEN' | 'COL';
  populationGroup: 'in_destination' | 'in_transit' | 'pendular' | 'colombian_returnee' | 'host_community';
  sessions: { format: 'individual' | 'family' | 'group'; service: string; modality: 'in_person' | 'phone' | 'video' }[];
}

const individual = (service = 'psychology', modality: 'in_person' | 'phone' | 'video' = 'in_person') => ({ format: 'individual' as const, service, modality });

export const PATIENTS: SeedPatient[] = [
  { givenNames: 'Yusmary del Valle', familyNames: 'Urdaneta Parra', sex: 'F', dateOfBirth: '1991-03-08', nationality: 'VEN', populationGroup: 'in_destination', sessions: [individual(), individual()] },
  { givenNames: 'Luis Alfonso', familyNames: 'Briceño Mora', sex: 'M', dateOfBirth: '1985-07-21', nationality: 'VEN', populationGroup: 'in_transit', sessions: [individual('psychiatry', 'phone')] },
  { givenNames: 'Génesis', familyNames: 'Rondón Peña', sex: 'F', dateOfBirth: '2012-01-15', nationality: 'VEN', populationGroup: 'in_destination', sessions: [individual()] },
  { givenNames: 'Carmen Rosa', familyNames: 'Jaimes Duarte', sex: 'F', dateOfBirth: '1960-11-02', nationality: 'COL', populationGroup: 'host_community', sessions: [individual('psychology', 'video')] },
  { givenNames: 'Wilmer José', familyNames: 'Contreras Lobo', sex: 'M', dateOfBirth: '1979-04-30', nationality: 'COL', populationGroup: 'colombian_returnee', sessions: [individual()] },
  { givenNames: 'Daniela', familyNames: 'Quintero Arias', sex: 'F', dateOfBirth: '2000-09-09', nationality: 'VEN', populationGroup: 'pendular', sessions: [individual('social_work')] },
  { givenNames: 'Marbelis', familyNames: 'Ochoa Rivas', sex: 'F', dateOfBirth: '1995-05-05', nationality: 'VEN', populationGroup: 'in_destination', sessions: [{ format: 'family', service: 'social_work', modality: 'in_person' }] },
  { givenNames: 'Robert Enrique', familyNames: 'Sayago Gil', sex: 'M', dateOfBirth: '1988-12-12', nationality: 'VEN', populationGroup: 'in_destination', sessions: [{ format: 'group', service: 'group_session', modality: 'in_person' }] },
];

/** Community attendance of the one activity: 26 people. */
export const ATTENDANCE = [
  { sex: 'F', ageBand: '18-29', populationGroup: 'in_destination', count: 12 },
  { sex: 'M', ageBand: '30-59', populationGroup: 'host_community', count: 8 },
  { sex: 'F', ageBand: '6-11', populationGroup: 'in_destination', count: 6 },
] as const;

export const SEEDED = {
  people: PATIENTS.length,
  sessions: PATIENTS.reduce((n, p) => n + p.sessions.length, 0),
  individualSessions: PATIENTS.reduce((n, p) => n + p.sessions.filter((s) => s.format === 'individual').length, 0),
  individualPeople: PATIENTS.filter((p) => p.sessions.some((s) => s.format === 'individual')).length,
  communityParticipants: ATTENDANCE.reduce((n, c) => n + c.count, 0),
};

const PHQ9_FIRST = [2, 2, 2, 2, 2, 2, 1, 1, 0];
const PHQ9_LATER = [1, 1, 1, 1, 1, 1, 0, 0, 0];

export async function seed(url: string): Promise<{ patientIds: number[] }> {
  const clinicianId = await openAllHours(url, CLINICIAN.username);
  const reception = await Api.login(url, RECEPTIONIST.username, RECEPTIONIST.password);
  const clinician = await Api.login(url, CLINICIAN.username, CLINICIAN.password);
  const today = unitToday();
  const patientIds: number[] = [];
  for (const [index, p] of PATIENTS.entries()) {
    const { patient } = await reception.call<{ patient: { id: number } }>('patients.register', {
      patient: {
        givenNames: p.givenNames,
        familyNames: p.familyNames,
        sex: p.sex,
        dateOfBirth: p.dateOfBirth,
        documentType: p.nationality === 'COL' ? 'CC' : 'PT',
        documentNumber: String(7_100_000 + index * 1_337),
        nationality: p.nationality,
        populationGroup: p.populationGroup,
        municipalityCode: '54001',
        insuranceRegime: 'subsidiado',
        referralSource: 'self',
        consentToCare: { given: true },
        consentToDataProcessing: { given: true },
        ...(p.dateOfBirth > '2008' ? { guardian: { name: 'Yelitza Peña', relationship: 'madre', phone: null, documentType: 'PT', documentNumber: '5.555.555' } } : {}),
      },
    });
    patientIds.push(patient.id);
    for (const [k, s] of p.sessions.entries()) {
      const { session } = await clinician.call<{ session: { id: number } }>('sessions.create', {
        patientId: patient.id,
        startsAt: `${today}T${String(7 + k).padStart(2, '0')}:${String(index * 5).padStart(2, '0')}`,
        durationMinutes: 40,
        visitKind: k === 0 ? 'first' : 'follow_up',
        modality: s.modality,
        format: s.format,
        service: s.service,
        interventions: ['psychoeducation'],
        instruments: index === 0 ? [{ instrument: 'phq9', answers: k === 0 ? PHQ9_FIRST : PHQ9_LATER }] : [],
        note: 'Sesión de seguimiento psicosocial; se acuerdan tareas para la semana.',
      });
      await clinician.call('sessions.sign', { sessionId: session.id });
    }
  }
  await clinician.call('activities.record', {
    date: today,
    municipalityCode: '54001',
    place: 'Salón comunal La Parada',
    kind: 'self_care',
    topic: 'Autocuidado y manejo del estrés',
    durationMinutes: 90,
    facilitatorIds: [clinicianId],
    attendance: ATTENDANCE,
  });
  await reception.dispose();
  await clinician.dispose();
  return { patientIds };
}

export async function expectNoSeriousViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${screen}`,
  ).toEqual([]);
}
