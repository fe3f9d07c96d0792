// Search latencies per kind of query, as the bench and search-only take them.
import type { RawDatabase } from '../../db/connection';
import type { ServiceContext } from '../../electron/core/context';
import { searchPatients } from '../../electron/core/patients';
import { buildQueries, QUERY_KINDS, type QueryKind } from './queries';
import { summarise, timeEach, type Summary } from './stats';

/** Untimed searches per kind before the timed ones. */
const WARM_UP_PER_KIND = 50;
/** Kinds whose queries are drawn from people; the others are fixed lists the timed searches repeat. */
const DRAWN: QueryKind[] = ['exact_document', 'name_prefix', 'full_name', 'name_with_typo'];

/** Searches of other people than the timed ones (another seed). */
export function warmUpSearches(raw: RawDatabase): string[] {
  const queries = buildQueries(raw, WARM_UP_PER_KIND, 7);
  return DRAWN.flatMap((kind) => queries[kind]);
}

/**
 * Latencies as on a host that has been serving: the connection's page cache first holds what
 * searches of other people left in it (the index's common terms, the upper levels of each B-tree),
 * never the answers to the timed searches.
 */
export async function searchLatencies(ctx: ServiceContext, queries: Record<QueryKind, string[]>, warmUp: string[], kinds: readonly QueryKind[] = QUERY_KINDS): Promise<Record<QueryKind, Summary>> {
  const search = (query: string) => searchPatients(ctx, { query, page: 1, pageSize: 20 });
  for (const query of warmUp) await search(query);
  const out = {} as Record<QueryKind, Summary>;
  for (const kind of kinds) out[kind] = summarise(await timeEach(queries[kind], search, 0));
  return out;
}
