// `tsx scripts/bench/load-only.ts --data-dir DIR --passphrase-file P [--seconds 20] [--clients 50] [--rate 300] [--warm-seconds 2] [--cpu-prof DIR] [--host-arg=--search-workers=0] [--node-arg=--optimize-for-size]`
// Only the LAN host under load, on an existing (seeded) data dir: to compare changes to the request
// path back to back without running the whole benchmark. Creates the reception user it needs.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { unlockStore } from '../../db/store';
import { createDispatcher } from '../../electron/core/dispatch';
import { createUser } from '../../electron/core/users';
import { serviceContext } from '../../electron/host/service-context';
import { runLoad, runOfferedLoad, startHost } from './host';
import { buildQueries } from './queries';
import { cpuTimes, stealDuring } from './steal';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PASSWORD = 'caballo correcto bateria grapa banco';
const USERNAME = 'bench-recepcion';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'passphrase-file': { type: 'string' },
    seconds: { type: 'string', default: '20' },
    clients: { type: 'string', default: '50' },
    /** Offered rate (requests/s from all clients together, open loop) instead of a closed loop. */
    rate: { type: 'string' },
    /** Closed-loop load before the measured run, on the same host (its page cache and JIT warm). */
    'warm-seconds': { type: 'string', default: '2' },
    'cpu-prof': { type: 'string' },
    /** Passed to the host, e.g. --host-arg=--search-workers=0 */
    'host-arg': { type: 'string', multiple: true },
    /** Passed to node before the host's bundle, e.g. --node-arg=--optimize-for-size */
    'node-arg': { type: 'string', multiple: true },
  },
  strict: true,
});
const dataDir = values['data-dir'];
const passphraseFile = values['passphrase-file'];
if (!dataDir || !passphraseFile) throw new Error('--data-dir DIR --passphrase-file P');
const seconds = Math.min(120, Math.max(3, Number(values.seconds)));
const clients = Math.min(100, Math.max(1, Number(values.clients)));

const store = await unlockStore(dataDir, { passphrase: readFileSync(passphraseFile, 'utf8').replace(/\r?\n$/, '') });
const ctx = serviceContext(store);
const existing = await ctx.db.selectFrom('users').select('id').where('username', '=', USERNAME).executeTakeFirst();
if (!existing) await createUser(ctx, null, { username: USERNAME, displayName: USERNAME, role: 'reception', password: PASSWORD }, 'bench');
const queries = buildQueries(store.raw, 200);
const pool = [...queries.full_name, ...queries.name_prefix, ...queries.exact_document, ...queries.name_with_typo, ...queries.common_surname.slice(0, 20)];
const patientIds = (store.raw.prepare('SELECT id FROM patients ORDER BY random() LIMIT 2000').all() as { id: number }[]).map((r) => r.id);
// One session per client, as 50 workstations would have: the per-token rate limit applies to each.
// Signed in here, not over HTTP, where the per-address login limit refuses 50 attempts in a minute.
const dispatch = createDispatcher(ctx);
// Twice as many: the warm-up has its own, so that the measured run starts with every allowance whole.
const tokens: string[] = [];
for (let i = 0; i < 2 * clients; i++) {
  const login = await dispatch('auth.login', { username: USERNAME, password: PASSWORD }, { origin: 'bench' });
  if (!login.ok) throw new Error(login.error.message);
  tokens.push((login.value as { token: string }).token);
}
await ctx.readOnly?.close();
await store.close();

const nodeArgs = [...(values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']] : []), ...(values['node-arg'] ?? [])];
const host = await startHost(repoRoot, dataDir, passphraseFile, nodeArgs, values['host-arg'] ?? []);
try {
  // Warm the page cache and the JIT so that runs compare the steady state.
  const [warmTokens, runTokens] = [tokens.slice(0, clients), tokens.slice(clients)];
  await runLoad(host.url, warmTokens, pool, patientIds, { clients, seconds: Math.min(120, Math.max(1, Number(values['warm-seconds']))) });
  const cpuBefore = host.cpuSeconds();
  const ownBefore = process.cpuUsage();
  const machineBefore = cpuTimes();
  // The host's RSS rises between V8's major collections: its highest, sampled each second, beside the last.
  let rssPeak = host.rssMB();
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, host.rssMB())), 1000);
  const load = values.rate
    ? await runOfferedLoad(host.url, runTokens, pool, patientIds, { clients, seconds, rate: Number(values.rate) })
    : await runLoad(host.url, runTokens, pool, patientIds, { clients, seconds });
  clearInterval(sampler);
  const cpuMsPerRequest = ((host.cpuSeconds() - cpuBefore) * 1000) / load.requests;
  const own = process.cpuUsage(ownBefore);
  const ownMsPerRequest = (own.user + own.system) / 1000 / load.requests;
  const stolen = stealDuring(machineBefore, cpuTimes());
  console.log(JSON.stringify(load.errorsByStatus));
  console.log(
    `${clients} clients, ${load.seconds} s: ${load.requestsPerSecond} req/s, p50 ${load.latency.p50} ms, p95 ${load.latency.p95} ms, p99 ${load.latency.p99} ms ` +
      `(reads p95 ${load.readLatency.p95}, writes p95 ${load.writeLatency.p95}), errors ${load.errors}/${load.requests}, host CPU ${cpuMsPerRequest.toFixed(2)} ms/request, load generator CPU ${ownMsPerRequest.toFixed(2)} ms/request, host RSS ${host.rssMB()} MB (highest ${rssPeak})` +
      (stolen.stealPercent === undefined ? '' : `, CPU taken by the hypervisor ${stolen.stealPercent}%`),
  );
} finally {
  await host.stop();
}
