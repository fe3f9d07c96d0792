// Formatting shared by the clinical screens.
import { formatDay } from '../../components/format';

/** A unit-local "YYYY-MM-DDTHH:MM" (a session's or appointment's start) as "12 nov 2026, 09:30". */
export function formatLocalDateTime(local: string): string {
  return `${formatDay(local.slice(0, 10)) ?? local.slice(0, 10)}, ${local.slice(11, 16)}`;
}
