// A complete session as the form sends it: PHQ-9 with item 9 answered, GAD-7, a diagnosis, a referral.
export function sessionInput(patientId: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    patientId,
    appointmentId: null,
    startsAt: '2026-11-22T09:00',
    durationMinutes: 45,
    visitKind: 'first',
    modality: 'in_person',
    format: 'individual',
    service: 'psychology',
    interventions: ['psychological_first_aid', 'psychoeducation'],
    presentingConcerns: 'Insomnio y tristeza desde que salió de Maracaibo; duelo migratorio.',
    risk: { violence: 'low', genderBasedViolence: 'none', protectionConcerns: null },
    instruments: [
      { instrument: 'phq9', answers: [2, 2, 3, 2, 1, 2, 1, 0, 1] },
      { instrument: 'gad7', answers: [2, 2, 1, 2, 1, 1, 1] },
    ],
    diagnoses: [{ code: 'F32.1', primary: true }, { code: 'Z60.3', primary: false }],
    note: 'Consulta por síntomas depresivos moderados. Refiere ideas pasivas de muerte sin plan.',
    plan: 'Control en una semana; activación conductual.',
    referrals: [{ kind: 'internal', service: 'psychiatry', reason: 'Valoración por psiquiatría' }],
    ...overrides,
  };
}
