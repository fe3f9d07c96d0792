// Domain codes (ARCHITECTURE.md "Domain vocabulary"). Labels live in the renderer's i18n catalogues.

/** Identity documents as in Colombia's RIPS, plus "none": undocumented people must be registrable. */
export const DOCUMENT_TYPES = ['CC', 'CE', 'PA', 'PE', 'PT', 'SC', 'DE', 'RC', 'TI', 'CN', 'AS', 'MS', 'none'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
/** Colombian documents made of digits only. */
export const NUMERIC_DOCUMENTS: readonly DocumentType[] = ['CC', 'TI', 'RC', 'CN', 'PT', 'PE'];

export const SEXES = ['F', 'M', 'I'] as const;
export const POPULATION_GROUPS = ['in_destination', 'in_transit', 'pendular', 'colombian_returnee', 'host_community'] as const;
export const INSURANCE_REGIMES = ['contributivo', 'subsidiado', 'especial', 'no_afiliado'] as const;
export const ZONES = ['urban', 'rural'] as const;
export const ETHNICITIES = ['none', 'indigenous', 'afro', 'raizal', 'palenquero', 'rrom', 'other'] as const;
export const LGBTIQ_ANSWERS = ['yes', 'no', 'not_asked', 'prefers_not_to_say'] as const;
export const REFERRAL_SOURCES = ['self', 'community_network', 'iom_ngo', 'emergency_room', 'other_hospital_service', 'other'] as const;

export const SERVICES = ['psychology', 'psychiatry', 'neurology', 'social_work', 'rehabilitation', 'group_session'] as const;
export type Service = (typeof SERVICES)[number];

export const APPOINTMENT_STATUSES = ['booked', 'checked_in', 'completed', 'cancelled', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const CANCELLED_BY = ['patient', 'unit'] as const;

/** The version of the consent texts in force; a new text gets a new version. */
export const CONSENT_TEXT_VERSION = '2026-11';

export const VISIT_KINDS = ['first', 'follow_up'] as const;
export const MODALITIES = ['in_person', 'phone', 'video'] as const;
export const SESSION_FORMATS = ['individual', 'family', 'group'] as const;
/** The MHPSS interventions of ../shared/reference/instruments.md. */
export const INTERVENTIONS = [
  'psychological_first_aid', 'psychoeducation', 'supportive_counselling', 'pm_plus', 'brief_psychological_intervention',
  'crisis_intervention', 'psychiatric_consultation', 'medication_review', 'social_work_support', 'family_session',
  'group_session', 'referral',
] as const;
export const RISK_LEVELS = ['not_assessed', 'none', 'low', 'moderate', 'high'] as const;
export const REFERRAL_KINDS = ['internal', 'external'] as const;
export const REFERRAL_STATUSES = ['sent', 'accepted', 'attended'] as const;
export const SESSION_STATUSES = ['draft', 'signed'] as const;

export const ACTIVITY_KINDS = [
  'self_care', 'emotion_management', 'positive_parenting', 'xenophobia_prevention', 'violence_prevention',
  'psychological_first_aid_training', 'community_network_meeting', 'group_session', 'outreach', 'other',
] as const;
/** Age bands as the Ministry, donors and R4V disaggregate them. */
export const AGE_BANDS = ['0-5', '6-11', '12-17', '18-29', '30-59', '60+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBandOf(age: number): AgeBand {
  if (age <= 5) return '0-5';
  if (age <= 11) return '6-11';
  if (age <= 17) return '12-17';
  if (age <= 29) return '18-29';
  if (age <= 59) return '30-59';
  return '60+';
}
