// patients.search on the read-only worker pool when the runner has one (the LAN host), so that
// searches use every core and never queue behind the writes on the main connection. Search writes
// nothing and is not audited, so a read-only connection answers exactly what the main one would: in
// WAL mode each search reads the last committed state, including a registration answered just before.
import type { ServiceContext } from './context';
import type { PatientSearchArgs } from './jobs/tasks';
import { searchPatients } from './patients';

type SearchOutput = Awaited<ReturnType<typeof searchPatients>>;

/**
 * When every worker already has this many searches queued, the main thread runs the search itself:
 * the main thread is otherwise mostly idle (HTTP, sessions and writes are light), so both cores work.
 */
const MAIN_THREAD_TAKES_OVER_AT = 2;

export function searchOnPool(ctx: ServiceContext, input: PatientSearchArgs['input']): Promise<SearchOutput> {
  if (!ctx.readOnly || ctx.readOnly.searchWorkers === 0 || ctx.readOnly.searchBacklog() >= MAIN_THREAD_TAKES_OVER_AT) return searchPatients(ctx, input);
  const args: PatientSearchArgs = { input, now: ctx.clock.now() };
  return ctx.readOnly.run<SearchOutput>('search', 'patientSearch', args);
}
