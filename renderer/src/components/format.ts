import { currentLocale } from '../i18n/index';
import { unitLocalDate } from '../api/contract';

/** A date and time in the user's language and the computer's time zone (the unit's). */
export function formatDateTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The time of day of an instant, in the unit's time zone ("08:35"). */
export function formatTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return unitLocalDate(date.getTime()).toISOString().slice(11, 16);
}

/** A calendar day "YYYY-MM-DD" in words, read as a calendar date (no time zone shift). */
export function formatDay(day: string | null | undefined, style: 'long' | 'medium' | 'short' = 'medium'): string | null {
  if (!day) return null;
  const date = new Date(`${day.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : style === 'short'
        ? { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }
        : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(currentLocale(), options).format(date);
}

/** The unit's today, "YYYY-MM-DD". */
export function unitToday(): string {
  return unitLocalDate().toISOString().slice(0, 10);
}

/** The unit's time now, "YYYY-MM-DDTHH:MM". */
export function unitNow(): string {
  return unitLocalDate().toISOString().slice(0, 16);
}

/** A calendar day moved by whole days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The Monday of the week of a day. */
export function weekStart(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** "HH:MM" plus minutes, within the day. */
export function addMinutesToTime(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}
