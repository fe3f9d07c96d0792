// Periods as the unit counts them: local dates (Colombia, UTC−5), both ends included.
import { sql, type RawBuilder } from 'kysely';

/** The day after a YYYY-MM-DD date: local date-times of the period are < this. */
export function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The stored UTC ISO instants (YYYY-MM-DDTHH:MM:SS.sssZ) of local days `from`..`to` as a half-open
 * range: a condition on the column itself, so that its index is used (a date() of it would scan).
 */
export function utcRangeOfLocalDays(from: string, to: string): { start: string; end: string } {
  return { start: `${from}T05:00:00.000Z`, end: `${dayAfter(to)}T05:00:00.000Z` };
}

/** The local (UTC−5) date of a stored UTC ISO instant, in SQL. */
export function localDateOf(column: string): RawBuilder<string> {
  return sql<string>`date(${sql.ref(column)}, '-5 hours')`;
}

/** Months "YYYY-MM" from the month of `from` to the month of `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= end) return months;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/** Whole years between a birth (date or estimated year) and a YYYY-MM-DD date. */
export function ageAt(dateOfBirth: string | null, estimatedYear: number | null, on: string): number | null {
  if (dateOfBirth) {
    let age = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
    if (on.slice(5, 10) < dateOfBirth.slice(5, 10)) age -= 1;
    return age;
  }
  return estimatedYear === null ? null : Number(on.slice(0, 4)) - estimatedYear;
}
