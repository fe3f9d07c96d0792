// Reporting periods as the unit speaks of them: this month, last month, this year, or two dates.
// Every period is whole local days (Colombia), both ends included, as the statistics count them.
import { unitToday } from '../../../components/format';

export const PERIOD_PRESETS = ['thisMonth', 'lastMonth', 'thisYear', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface Period {
  preset: PeriodPreset;
  from: string;
  to: string;
}

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The dates of a preset, from the unit's today; "custom" keeps the dates given. */
export function presetPeriod(preset: PeriodPreset, current?: { from: string; to: string }, today = unitToday()): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case 'thisMonth':
      return { preset, from: `${today.slice(0, 7)}-01`, to: lastDayOfMonth(year, month) };
    case 'lastMonth': {
      const y = month === 1 ? year - 1 : year;
      const m = month === 1 ? 12 : month - 1;
      return { preset, from: `${y}-${String(m).padStart(2, '0')}-01`, to: lastDayOfMonth(y, m) };
    }
    case 'thisYear':
      // Up to today: months still to come would chart as a fall to zero.
      return { preset, from: `${year}-01-01`, to: today };
    case 'custom':
      return { preset, from: current?.from ?? `${today.slice(0, 7)}-01`, to: current?.to ?? today };
  }
}

/** Whether the period can be asked for: two real dates in order, and no longer than the limit. */
export function periodProblem(period: { from: string; to: string }, maxDays: number): 'missing' | 'order' | 'tooLong' | null {
  const re = /^\d{4}-\d{2}-\d{2}$/;
  if (!re.test(period.from) || !re.test(period.to)) return 'missing';
  if (period.from > period.to) return 'order';
  if (Date.parse(period.to) - Date.parse(period.from) > maxDays * 86_400_000) return 'tooLong';
  return null;
}

/** "2026-03" → "mar 2026" in the user's language. */
export function monthLabel(month: string, locale: string): string {
  const date = new Date(`${month}-15T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}
