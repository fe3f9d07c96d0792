// `tsx scripts/bench/register-only.ts --data-dir DIR --passphrase-file P [--count 300] [--warm-up 50] [--autocheckpoint PAGES] [--background-checkpoints]`
// Only registration latency (dispatcher → service → one transaction) on an existing seeded data dir:
// to compare changes to the write path back to back without running the whole benchmark.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { unlockStore } from '../../db/store';
import { createDispatcher } from '../../electron/core/dispatch';
import { createUser } from '../../electron/core/users';
import { rng, syntheticPatient } from '../../electron/core/synthetic/generate';
import { searchIndexMergeSteps } from '../../electron/core/search-index-merges';
import { serviceContext } from '../../electron/host/service-context';
import { nextTurn, summarise } from './stats';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, 'passphrase-file': { type: 'string' }, count: { type: 'string', default: '300' }, 'warm-up': { type: 'string', default: '50' }, autocheckpoint: { type: 'string' }, 'background-checkpoints': { type: 'boolean', default: false } },
  strict: true,
});
const dataDir = values['data-dir'];
const passphraseFile = values['passphrase-file'];
if (!dataDir || !passphraseFile) throw new Error('--data-dir DIR --passphrase-file P');
const store = await unlockStore(dataDir, { passphrase: readFileSync(passphraseFile, 'utf8').replace(/\r?\n$/, '') }, { backgroundCheckpoints: values['background-checkpoints'] });
if (values.autocheckpoint !== undefined) store.raw.pragma(`wal_autocheckpoint=${Number(values.autocheckpoint)}`);
const ctx = serviceContext(store);
const dispatch = createDispatcher(ctx, { log: () => {} });
const PASSWORD = 'caballo correcto bateria grapa banco';
const username = `bench-registro-${Date.now() % 100_000}`;
await createUser(ctx, null, { username, displayName: 'Recepción de banco', role: 'reception', password: PASSWORD }, 'bench');
const login = await dispatch('auth.login', { username, password: PASSWORD }, { origin: 'bench' });
if (!login.ok) throw new Error(login.error.message);
const token = (login.value as { token: string }).token;
const random = rng(Date.now() % 1000);
// Eleven digits, a length no seeded document has (see main.ts).
const base = 90_000_000_000 + (Date.now() % 100_000) * 1_000;
const times: number[] = [];
const warmUp = Number(values['warm-up']);
for (let i = 0; i < warmUp + Number(values.count); i++) {
  const patient = { ...syntheticPatient(random, new Date()), documentType: 'CC' as const, documentNumber: String(base + i) };
  const t0 = performance.now();
  const r = await dispatch('patients.register', { patient }, { token, origin: 'bench' });
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(r.error.message);
  times.push(ms);
  await nextTurn();
}
// As the benchmark: the first registrations after the store opens are reported apart.
const first = times.splice(0, warmUp);
const slowest = [...times].sort((a, b) => b - a).slice(0, 15).map((x) => Math.round(x * 10) / 10);
console.log(JSON.stringify({ registrations: summarise(times), first: first.length ? summarise(first) : null, slowest, checkpoints: store.checkpoints?.() ?? null, indexMergeSteps: { ...summarise(searchIndexMergeSteps.milliseconds), failures: searchIndexMergeSteps.failures } }));
await store.close();
