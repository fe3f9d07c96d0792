// Synthetic patients for tests, demos and benchmarks: realistic shapes, invented people.
import { unitLocalDate } from '../../api/fields';
import type { PatientFields } from '../../api/patients';
import { withTail } from './name-tail';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES } from './names';

/** Thousands of distinct names: the common head, then a long composed tail (drawn Zipf-like). */
export const ALL_SURNAMES = withTail(SURNAMES, 'surname');
export const ALL_FEMALE_NAMES = withTail(FEMALE_NAMES, 'female');
export const ALL_MALE_NAMES = withTail(MALE_NAMES, 'male');

/** A small seeded PRNG (mulberry32): the same seed gives the same data set. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zipf-like draw: the first names of a list are much more frequent than the last. */
export function zipf<T>(random: () => number, list: readonly T[], exponent = 1): T {
  const n = list.length;
  // Inverse-CDF approximation of a power law over ranks 1..n.
  const u = random();
  const rank = exponent === 1 ? Math.floor(Math.exp(u * Math.log(n + 1))) - 1 : Math.floor(n * u ** 2);
  return list[Math.min(n - 1, Math.max(0, rank))]!;
}

export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function weighted<T>(random: () => number, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let u = random() * total;
  for (const [value, weight] of entries) {
    u -= weight;
    if (u <= 0) return value;
  }
  return entries[entries.length - 1]![0];
}

const DOCUMENTS = [['PT', 30], ['CC', 25], ['PE', 10], ['none', 12], ['DE', 6], ['PA', 5], ['CE', 3], ['TI', 5], ['RC', 3], ['SC', 1]] as const;
/** Border departments first: Norte de Santander, Arauca, La Guajira, Santander, Bogotá, Cesar. */
const MUNICIPALITIES = [['54001', 40], ['54874', 8], ['54405', 6], ['54498', 3], ['81001', 6], ['44001', 5], ['44430', 3], ['68001', 6], ['11001', 8], ['20001', 3], ['76001', 3], ['05001', 3], ['08001', 3]] as const;
const GROUPS = [['in_destination', 55], ['pendular', 12], ['in_transit', 8], ['colombian_returnee', 10], ['host_community', 15]] as const;

function documentNumber(random: () => number, type: string): string | null {
  if (type === 'none') return null;
  const digits = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? 1 + Math.floor(random() * 9) : Math.floor(random() * 10))).join('');
  if (type === 'PA') return `${String.fromCharCode(65 + Math.floor(random() * 26))}${digits(8)}`;
  if (type === 'PE') return digits(15);
  if (type === 'PT') return digits(7);
  if (type === 'DE') return digits(8);
  return digits(type === 'CC' ? 10 : 8);
}

function phone(random: () => number, venezuelan: boolean): string {
  const rest = Array.from({ length: 7 }, () => Math.floor(random() * 10)).join('');
  return venezuelan ? `+58${pick(random, ['412', '414', '416', '424', '426'])}${rest}` : `+57${pick(random, ['300', '301', '310', '311', '312', '315', '318', '320', '321', '350'])}${rest}`;
}

/** A birth date on which the person is exactly `age` on `today` (a minor stays a minor, as intake checks). */
function birthDate(age: number, today: Date, random: () => number): string {
  const monthDay = isoDate(2000, random).slice(5);
  const birthdayToCome = monthDay > today.toISOString().slice(5, 10);
  return `${today.getUTCFullYear() - age - (birthdayToCome ? 1 : 0)}-${monthDay}`;
}

function isoDate(year: number, random: () => number): string {
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date no later than `today` (a baby cannot have arrived next month). */
function notAfter(date: string, today: Date): string {
  const limit = today.toISOString().slice(0, 10);
  return date > limit ? limit : date;
}

/**
 * `at` is an instant; ages and dates count on the unit's calendar day then, as intake checks them:
 * from midnight to 5 a.m. UTC the unit (UTC−5) is still on the day before, and a date taken from the
 * UTC day was "in the future" there (registrations in the bench failed with it).
 */
export function syntheticPatient(random: () => number, at = new Date('2026-11-22T12:00:00Z')): PatientFields {
  const today = unitLocalDate(at.getTime());
  const sex = random() < 0.6 ? 'F' : 'M';
  const names = sex === 'F' ? ALL_FEMALE_NAMES : ALL_MALE_NAMES;
  const first = zipf(random, names);
  const second = random() < 0.55 ? zipf(random, names) : null;
  const givenNames = second && second !== first ? `${first} ${second}` : first;
  const surname1 = zipf(random, ALL_SURNAMES);
  const surname2 = random() < 0.9 ? zipf(random, ALL_SURNAMES) : null;
  const familyNames = surname2 ? `${surname1} ${surname2}` : surname1;
  const group = weighted(random, GROUPS);
  const venezuelan = group !== 'host_community' && group !== 'colombian_returnee';
  // At least one year old: everyone was born before the last year, in which seeding dates their care.
  const age = Math.floor(random() < 0.2 ? 1 + random() * 17 : 18 + random() * 60);
  const minor = age < 18;
  let documentType: PatientFields['documentType'] = venezuelan ? weighted(random, DOCUMENTS) : minor ? 'TI' : 'CC';
  if (minor && (documentType === 'CC' || documentType === 'CE')) documentType = 'TI';
  const estimated = documentType === 'none' && random() < 0.3;
  const municipalityCode = weighted(random, MUNICIPALITIES);
  const dateOfBirth = estimated ? null : birthDate(age, today, random);
  const bornIn = dateOfBirth ? Number(dateOfBirth.slice(0, 4)) : today.getUTCFullYear() - age;
  return {
    givenNames,
    familyNames,
    sex,
    genderIdentity: null,
    dateOfBirth,
    // An estimated year is read as "this year minus it": the age, exactly.
    estimatedBirthYear: estimated ? bornIn : null,
    documentType,
    documentNumber: documentNumber(random, documentType),
    nationality: venezuelan ? 'VEN' : 'COL',
    populationGroup: group,
    arrivalDate: venezuelan ? notAfter(isoDate(Math.max(bornIn + 1, 2016 + Math.floor(random() * 10)), random), today) : null,
    phones: random() < 0.85 ? [{ number: phone(random, venezuelan && random() < 0.3), whatsapp: random() < 0.8 }] : [],
    municipalityCode,
    neighbourhood: null,
    address: null,
    zone: random() < 0.85 ? 'urban' : 'rural',
    insuranceRegime: weighted(random, [['subsidiado', 45], ['no_afiliado', 35], ['contributivo', 18], ['especial', 2]] as const),
    eps: null,
    sisbenGroup: null,
    pregnant: sex === 'F' && age >= 16 && age <= 42 && random() < 0.06,
    disability: random() < 0.05,
    ethnicity: random() < 0.92 ? 'none' : pick(random, ['indigenous', 'afro', 'rrom'] as const),
    lgbtiq: 'not_asked',
    unaccompaniedMinor: minor && random() < 0.05,
    referralSource: weighted(random, [['self', 40], ['community_network', 20], ['iom_ngo', 15], ['emergency_room', 15], ['other_hospital_service', 8], ['other', 2]] as const),
    emergencyContact: null,
    guardian: minor ? { name: `${zipf(random, FEMALE_NAMES)} ${surname1}`, relationship: 'madre', phone: null, documentType: 'none', documentNumber: null } : null,
    consentToCare: { given: true, version: '2026-11' },
    consentToDataProcessing: { given: random() < 0.97, version: '2026-11' },
  };
}
