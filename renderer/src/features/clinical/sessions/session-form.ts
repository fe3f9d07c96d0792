// The session form's values (what the inputs hold: strings and booleans) and their conversion to the
// contract's session fields. The form validates with formSchema(toSessionInput, sessionFields): the
// service's own schema, whose error paths ("instruments.0.answers.8", "diagnoses.0.code") are the
// form's own field names.
import { formSchema } from '../../../components/form-schema';
import {
  INSTRUMENTS,
  sessionFields,
  type InstrumentId,
  type Session,
  type SessionFieldsInput,
} from '../../../api/contract';

export interface InstrumentValues {
  instrument: InstrumentId;
  /** Numeric answers as "0".."5"; C-SSRS answers as "yes" / "no"; "" when not answered. */
  answers: string[];
}

export interface DiagnosisValues {
  code: string;
  primary: boolean;
}

export interface ReferralValues {
  kind: string;
  service: string;
  organisation: string;
  reason: string;
  status: string;
}

export interface SessionFormValues {
  patientId: number;
  appointmentId: number | null;
  startsAt: string;
  durationMinutes: string;
  visitKind: string;
  modality: string;
  format: string;
  service: string;
  interventions: string[];
  presentingConcerns: string;
  risk: { violence: string; genderBasedViolence: string; protectionConcerns: string };
  instruments: InstrumentValues[];
  diagnoses: DiagnosisValues[];
  note: string;
  plan: string;
  referrals: ReferralValues[];
}

/** C-SSRS positions: Q1..Q6 then Q6b. Q3–Q5 are asked only after "yes" to Q2; Q6b only after "yes" to Q6. */
export const CSSRS_Q2 = 1;
export const CSSRS_Q6 = 5;

export function cssrsAsked(answers: readonly string[], index: number): boolean {
  if (index >= 2 && index <= 4) return answers[CSSRS_Q2] === 'yes';
  if (index === 6) return answers[CSSRS_Q6] === 'yes';
  return true;
}

function answerValue(instrument: InstrumentId, answers: readonly string[], index: number): number | boolean | null {
  const raw = answers[index] ?? '';
  if (instrument === 'cssrs') {
    if (!cssrsAsked(answers, index)) return null;
    return raw === 'yes' ? true : raw === 'no' ? false : null;
  }
  return raw === '' ? null : Number(raw);
}

export function instrumentInput(values: InstrumentValues): { instrument: InstrumentId; answers: (number | boolean | null)[] } {
  const count = INSTRUMENTS[values.instrument].items.length;
  return { instrument: values.instrument, answers: Array.from({ length: count }, (_, i) => answerValue(values.instrument, values.answers, i)) };
}

/** Every question asked has an answer. */
export function instrumentComplete(values: InstrumentValues): boolean {
  return values.answers.every((a, i) => (values.instrument === 'cssrs' && !cssrsAsked(values.answers, i)) || a !== '');
}

const blankReferral = (r: ReferralValues) => !r.reason.trim() && !r.organisation.trim() && !r.service;

const text = (s: string) => (s.trim() ? s : null);

export function toSessionInput(values: SessionFormValues): SessionFieldsInput {
  return {
    patientId: values.patientId,
    appointmentId: values.appointmentId,
    startsAt: values.startsAt,
    durationMinutes: values.durationMinutes.trim() === '' ? (undefined as unknown as number) : Number(values.durationMinutes),
    visitKind: (values.visitKind || undefined) as SessionFieldsInput['visitKind'],
    modality: (values.modality || undefined) as SessionFieldsInput['modality'],
    format: (values.format || undefined) as SessionFieldsInput['format'],
    service: (values.service || undefined) as SessionFieldsInput['service'],
    interventions: values.interventions as SessionFieldsInput['interventions'],
    presentingConcerns: text(values.presentingConcerns),
    risk: {
      violence: values.risk.violence as NonNullable<SessionFieldsInput['risk']>['violence'],
      genderBasedViolence: values.risk.genderBasedViolence as NonNullable<SessionFieldsInput['risk']>['genderBasedViolence'],
      protectionConcerns: text(values.risk.protectionConcerns),
    },
    instruments: values.instruments.map(instrumentInput),
    diagnoses: values.diagnoses.map((d) => ({ code: d.code, primary: d.primary })),
    note: text(values.note),
    plan: text(values.plan),
    referrals: values.referrals.map((r) => ({
      kind: (r.kind || undefined) as 'internal' | 'external',
      service: r.kind === 'internal' && r.service ? (r.service as 'psychology') : null,
      organisation: r.kind === 'external' ? text(r.organisation) : null,
      reason: r.reason,
      status: r.status as 'sent',
    })),
  };
}

/**
 * What an autosave sends: the form as it stands, leaving out what is still half-typed (an instrument
 * with questions unanswered, a diagnosis not yet picked, a blank referral row). The form keeps them;
 * they are saved as soon as they are complete.
 */
export function toDraftInput(values: SessionFormValues): SessionFieldsInput {
  return toSessionInput({
    ...values,
    instruments: values.instruments.filter(instrumentComplete),
    diagnoses: values.diagnoses.filter((d) => d.code !== ''),
    referrals: values.referrals.filter((r) => !blankReferral(r)),
  });
}

export const sessionFormSchema = formSchema<SessionFormValues, typeof sessionFields>(toSessionInput, sessionFields);

export function emptyAnswers(instrument: InstrumentId): string[] {
  return INSTRUMENTS[instrument].items.map(() => '');
}

function answersToForm(instrument: InstrumentId, answers: readonly (number | boolean | null)[]): string[] {
  return answers.map((a) => (a === null ? '' : typeof a === 'boolean' ? (a ? 'yes' : 'no') : String(a))).slice(0, INSTRUMENTS[instrument].items.length);
}

export function sessionToForm(session: Session): SessionFormValues {
  return {
    patientId: session.patientId,
    appointmentId: session.appointmentId,
    startsAt: session.startsAt.slice(0, 16),
    durationMinutes: String(session.durationMinutes),
    visitKind: session.visitKind,
    modality: session.modality,
    format: session.format,
    service: session.service,
    interventions: [...session.interventions],
    presentingConcerns: session.presentingConcerns ?? '',
    risk: { violence: session.risk.violence, genderBasedViolence: session.risk.genderBasedViolence, protectionConcerns: session.risk.protectionConcerns ?? '' },
    instruments: session.instruments.map((i) => ({ instrument: i.instrument, answers: answersToForm(i.instrument, i.answers) })),
    diagnoses: session.diagnoses.map((d) => ({ code: d.code, primary: d.primary })),
    note: session.note ?? '',
    plan: session.plan ?? '',
    referrals: session.referrals.map((r) => ({ kind: r.kind, service: r.service ?? '', organisation: r.organisation ?? '', reason: r.reason, status: r.status })),
  };
}

export function newSessionForm(init: { patientId: number; appointmentId: number | null; startsAt: string; service: string; visitKind: string }): SessionFormValues {
  return {
    patientId: init.patientId,
    appointmentId: init.appointmentId,
    startsAt: init.startsAt,
    durationMinutes: '45',
    visitKind: init.visitKind,
    modality: 'in_person',
    format: 'individual',
    service: init.service,
    interventions: [],
    presentingConcerns: '',
    risk: { violence: 'not_assessed', genderBasedViolence: 'not_assessed', protectionConcerns: '' },
    instruments: [],
    diagnoses: [],
    note: '',
    plan: '',
    referrals: [],
  };
}
