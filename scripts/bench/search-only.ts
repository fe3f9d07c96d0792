// `tsx scripts/bench/search-only.ts --data-dir DIR --passphrase-file P [--queries N] [--kind K] [--plain FILE]`:
// the search part of the bench alone, on an existing store — for working on search speed without a
// whole bench run. With --plain (the bench's unencrypted copy, DATA_ROOT/SIZE/plain.db) the same
// queries run there too, and the encrypted/plain ratios are printed.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { unlockStore } from '../../db/store';
import { defaultSecuritySettings, systemClock, type ServiceContext } from '../../electron/core/context';
import { searchPatients } from '../../electron/core/patients';
import { openPlain } from './plain-copy';
import { buildQueries, QUERY_KINDS } from './queries';
import { summarise, timeEach, type Summary } from './stats';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, 'passphrase-file': { type: 'string' }, queries: { type: 'string', default: '200' }, kind: { type: 'string' }, plain: { type: 'string' } },
  strict: true,
});
const store = await unlockStore(values['data-dir']!, { passphrase: readFileSync(values['passphrase-file']!, 'utf8').trim() });
const encrypted: ServiceContext = { db: store.db, raw: store.raw, clock: systemClock, security: defaultSecuritySettings };
const plain = values.plain ? openPlain(values.plain) : null;
const plainCtx: ServiceContext | null = plain ? { db: plain.db, raw: plain.raw, clock: systemClock, security: defaultSecuritySettings } : null;
const queries = buildQueries(store.raw, Number(values.queries));
const time = async (ctx: ServiceContext, list: string[]) => summarise(await timeEach(list, (query) => searchPatients(ctx, { query, page: 1, pageSize: 20 })));
const show = (s: Summary) => `p50 ${String(s.p50).padStart(6)}  p95 ${String(s.p95).padStart(6)}  p99 ${String(s.p99).padStart(6)} ms`;
for (const kind of QUERY_KINDS) {
  if (values.kind && values.kind !== kind) continue;
  const e = await time(encrypted, queries[kind]);
  if (!plainCtx) {
    console.log(`${kind.padEnd(16)} ${show(e)}`);
    continue;
  }
  const p = await time(plainCtx, queries[kind]);
  const ratio = (a: number, b: number) => (a / Math.max(0.001, b)).toFixed(2);
  console.log(`${kind.padEnd(16)} encrypted ${show(e)} | plain ${show(p)} | ratio p50 ${ratio(e.p50, p.p50)} p95 ${ratio(e.p95, p.p95)}`);
}
await plain?.db.destroy();
await store.close();
