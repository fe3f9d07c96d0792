// `tsx scripts/bench/search-only.ts --data-dir DIR --passphrase-file P [--queries N] [--kind K] [--plain FILE] [--no-warm] [--cache-mb MB]`:
// the search part of the bench alone, on an existing store — for working on search speed without a
// whole bench run. With --plain (the bench's unencrypted copy, DATA_ROOT/SIZE/plain.db) the same
// queries run there too, and the encrypted/plain ratios are printed. Each connection first reads the
// names searches re-rank into its page cache, as the host does once it opens the store; --no-warm skips it.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { unlockStore } from '../../db/store';
import { defaultSecuritySettings, systemClock, type ServiceContext } from '../../electron/core/context';
import { warmNameCandidates } from '../../electron/core/name-candidates-warming';
import { openPlain } from './plain-copy';
import { buildQueries, QUERY_KINDS } from './queries';
import { pairedLatencies, searchLatencies, warmUpSearches, type KindLatency } from './search-latency';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, 'passphrase-file': { type: 'string' }, queries: { type: 'string', default: '200' }, kind: { type: 'string' }, plain: { type: 'string' }, 'no-warm': { type: 'boolean', default: false }, 'cache-mb': { type: 'string' } },
  strict: true,
});
const store = await unlockStore(values['data-dir']!, { passphrase: readFileSync(values['passphrase-file']!, 'utf8').trim() });
const encrypted: ServiceContext = { db: store.db, raw: store.raw, clock: systemClock, security: defaultSecuritySettings };
const plain = values.plain ? openPlain(values.plain) : null;
const plainCtx: ServiceContext | null = plain ? { db: plain.db, raw: plain.raw, clock: systemClock, security: defaultSecuritySettings } : null;
// --cache-mb: another page cache size than the store's connection keeps (db/connection.ts), on both.
if (values['cache-mb']) for (const raw of [store.raw, plain?.raw]) raw?.pragma(`cache_size=-${Math.round(Number(values['cache-mb']) * 1024)}`);
const queries = buildQueries(store.raw, Number(values.queries));
if (!values['no-warm']) {
  for (const [name, ctx] of [['encrypted', encrypted], ['plain', plainCtx]] as const) {
    if (!ctx) continue;
    const t0 = performance.now();
    const patients = await warmNameCandidates(ctx.db, { pauseMs: 0 });
    console.log(`${name}: names of ${patients} patients read into the page cache in ${Math.round(performance.now() - t0)} ms`);
  }
}
const warmUp = warmUpSearches(store.raw);
const kinds = QUERY_KINDS.filter((kind) => !values.kind || values.kind === kind);
const show = (s: KindLatency) => `p50 ${String(s.p50).padStart(6)}  p95 ${String(s.p95).padStart(6)}  p99 ${String(s.p99).padStart(6)} ms, pages read ${String(s.pagesRead ?? '—').padStart(5)}`;
// With the plain copy, in alternating blocks on both, as the bench compares them.
const [e, p] = plainCtx ? await pairedLatencies(encrypted, plainCtx, queries, warmUp, kinds) : [await searchLatencies(encrypted, queries, warmUp, kinds), null];
for (const kind of kinds) {
  if (!p) {
    console.log(`${kind.padEnd(16)} ${show(e[kind])}`);
    continue;
  }
  const ratio = (a: number, b: number) => (a / Math.max(0.001, b)).toFixed(2);
  console.log(`${kind.padEnd(16)} encrypted ${show(e[kind])} | plain ${show(p[kind])} | ratio p50 ${ratio(e[kind].p50Us, p[kind].p50Us)} p95 ${ratio(e[kind].p95, p[kind].p95)}`);
}
await plain?.db.destroy();
await store.close();
