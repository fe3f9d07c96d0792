// `tsx scripts/bench/search-only.ts --data-dir DIR --passphrase-file P [--queries N]`: the search part of
// the bench alone, on an existing store — for working on search speed without a whole bench run.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { unlockStore } from '../../db/store';
import { defaultSecuritySettings, systemClock, type ServiceContext } from '../../electron/core/context';
import { searchPatients } from '../../electron/core/patients';
import { buildQueries, QUERY_KINDS } from './queries';
import { summarise, timeEach } from './stats';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, 'passphrase-file': { type: 'string' }, queries: { type: 'string', default: '200' }, kind: { type: 'string' } }, strict: true });
const store = await unlockStore(values['data-dir']!, { passphrase: readFileSync(values['passphrase-file']!, 'utf8').trim() });
const ctx: ServiceContext = { db: store.db, raw: store.raw, clock: systemClock, security: defaultSecuritySettings };
const queries = buildQueries(store.raw, Number(values.queries));
for (const kind of QUERY_KINDS) {
  if (values.kind && values.kind !== kind) continue;
  const s = summarise(await timeEach(queries[kind], (query) => searchPatients(ctx, { query, page: 1, pageSize: 20 })));
  console.log(`${kind.padEnd(16)} p50 ${String(s.p50).padStart(7)}  p95 ${String(s.p95).padStart(7)}  p99 ${String(s.p99).padStart(7)} ms`);
}
await store.close();
