// Search latencies per kind of query, as the bench and search-only take them.
import type { RawDatabase } from '../../db/connection';
import type { ServiceContext } from '../../electron/core/context';
import { searchPatients } from '../../electron/core/patients';
import { buildQueries, QUERY_KINDS, type QueryKind } from './queries';
import { countReads } from './page-reads';
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

/** A kind's latencies, and the pages its searches read from the OS on average (null off Linux). */
export type KindLatency = Summary & { pagesRead: number | null };

/**
 * Latencies as on a host that has been serving: the connection's page cache first holds what
 * searches of other people left in it (the index's common terms, the upper levels of each B-tree),
 * never the answers to the timed searches.
 */
export async function searchLatencies(ctx: ServiceContext, queries: Record<QueryKind, string[]>, warmUp: string[], kinds: readonly QueryKind[] = QUERY_KINDS): Promise<Record<QueryKind, KindLatency>> {
  for (const query of warmUp) await search(ctx, query);
  return timedKinds(ctx, queries, kinds);
}

/**
 * The same searches again on the same connection: every page they read is now in its cache, so
 * what is left is the cost of the work itself, encrypted or not.
 */
export async function secondPassLatencies(ctx: ServiceContext, queries: Record<QueryKind, string[]>, kinds: readonly QueryKind[] = QUERY_KINDS): Promise<Record<QueryKind, KindLatency>> {
  return timedKinds(ctx, queries, kinds);
}

const search = (ctx: ServiceContext, query: string) => searchPatients(ctx, { query, page: 1, pageSize: 20 });

async function timedKinds(ctx: ServiceContext, queries: Record<QueryKind, string[]>, kinds: readonly QueryKind[]): Promise<Record<QueryKind, KindLatency>> {
  const out = {} as Record<QueryKind, KindLatency>;
  for (const kind of kinds) {
    const reads = countReads();
    const times = await timeEach(queries[kind], (query) => search(ctx, query), 0);
    const count = reads();
    out[kind] = { ...summarise(times), pagesRead: count === null ? null : Math.round((count / queries[kind].length) * 10) / 10 };
  }
  return out;
}
