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

/** Queries per block of pairedLatencies: long enough that each search follows one on its own connection. */
const PAIRED_BLOCK = 25;

/**
 * The same searches on two connections in blocks of PAIRED_BLOCK queries, which connection goes
 * first alternating (A B, B A, A B…): a passing slowdown of the machine falls on both alike, as two
 * passes a minute apart did not ensure (2026-11-23 20:03: a very common surname 2.19× slower on the
 * encrypted store with no page read, and 1.0× on the second pass). Not query by query: a search that
 * follows one on the other connection finds the CPU caches holding the other's data, which made both
 * slower (name prefix p50 3.4 ms each against 1.9–2.2 back to back) and hid part of encryption's cost.
 * Each connection first answers the warm-up searches. Run again on the same connections (no warm-up),
 * every page the searches read is in each one's cache: what is left is the cost of the work itself.
 */
export async function pairedLatencies(
  a: ServiceContext,
  b: ServiceContext,
  queries: Record<QueryKind, string[]>,
  warmUp: string[],
  kinds: readonly QueryKind[] = QUERY_KINDS,
): Promise<[Record<QueryKind, KindLatency>, Record<QueryKind, KindLatency>]> {
  for (const query of warmUp) await search(a, query);
  for (const query of warmUp) await search(b, query);
  const outA = {} as Record<QueryKind, KindLatency>;
  const outB = {} as Record<QueryKind, KindLatency>;
  for (const kind of kinds) {
    const sides = [a, b].map((ctx) => ({ ctx, times: [] as number[], reads: 0 as number | null }));
    const list = queries[kind];
    for (let start = 0, block = 0; start < list.length; start += PAIRED_BLOCK, block++) {
      for (const side of block % 2 === 0 ? sides : [...sides].reverse()) {
        const reads = countReads();
        side.times.push(...(await timeEach(list.slice(start, start + PAIRED_BLOCK), (query) => search(side.ctx, query), 0)));
        const count = reads();
        side.reads = count === null || side.reads === null ? null : side.reads + count;
      }
    }
    const latency = (side: (typeof sides)[number]): KindLatency => ({
      ...summarise(side.times),
      pagesRead: side.reads === null ? null : Math.round((side.reads / list.length) * 10) / 10,
    });
    outA[kind] = latency(sides[0]!);
    outB[kind] = latency(sides[1]!);
  }
  return [outA, outB];
}
