// Generalisation of quasi-identifiers for de-identified exports (issue 5 item 3): dates to
// months, ages to bands, municipalities to departments. Pure: no I/O.
import { AGE_BANDS, ageBandOf, type AgeBand } from '../../api/codes';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The calendar date of a unit-local date or date-time ("2026-11-03", "2026-11-03T14:30").
 * Strings with a time zone are refused: the database keeps unit-local times, and a UTC
 * instant near midnight would land in the wrong day or month.
 */
function parseLocalDate(date: string): { year: number; month: number; day: number } {
  const match = LOCAL_DATE.exec(date);
  if (!match) throw new RangeError(`not a unit-local date (YYYY-MM-DD or YYYY-MM-DDTHH:mm): ${JSON.stringify(date)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`no such date: ${JSON.stringify(date)}`);
  }
  return { year, month, day };
}

/** "2026-11-03" or "2026-11-03T14:30" → "2026-11". */
export function monthOf(date: string): string {
  const { year, month } = parseLocalDate(date);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Age in completed years on a date; someone born on 29 February turns a year older on 1 March in common years. */
export function ageOn(birthDate: string, on: string): number {
  const birth = parseLocalDate(birthDate);
  const day = parseLocalDate(on);
  let age = day.year - birth.year;
  if (day.month < birth.month || (day.month === birth.month && day.day < birth.day)) age--;
  if (age < 0) throw new RangeError(`${on} is before the birth date ${birthDate}`);
  return age;
}

/** The reporting band of an age (0–5, 6–11, 12–17, 18–29, 30–59, 60+). */
export function ageBand(age: number): AgeBand {
  if (!Number.isInteger(age) || age < 0) throw new RangeError(`an age is a non-negative integer, got ${age}`);
  return ageBandOf(age);
}

export const AGE_GROUPS = ['under_18', '18_plus'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Collapses a band to under/over 18; the bands were chosen so that 18 is a band boundary. */
export function ageGroupOf(band: AgeBand): AgeGroup {
  if (!AGE_BANDS.includes(band)) throw new RangeError(`unknown age band ${JSON.stringify(band)}`);
  return band === '0-5' || band === '6-11' || band === '12-17' ? 'under_18' : '18_plus';
}

export const isMunicipalityCode = (code: string): boolean => /^\d{5}$/.test(code);
export const isDepartmentCode = (code: string): boolean => /^\d{2}$/.test(code);

/** DIVIPOLA: a municipality's first two digits are its department ("54001" Cúcuta → "54" Norte de Santander). */
export function departmentOf(municipalityCode: string): string {
  if (!isMunicipalityCode(municipalityCode)) throw new RangeError(`not a DIVIPOLA municipality code: ${JSON.stringify(municipalityCode)}`);
  return municipalityCode.slice(0, 2);
}
