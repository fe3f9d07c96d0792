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
