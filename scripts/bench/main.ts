// `npm run bench [-- --size unit|network] [--load-seconds 60] [--data-root DIR]`: the performance
// of Acogida on a synthetic encrypted store. Seeds the store once (kept in DATA_ROOT/SIZE for the next
// run), then measures search, registration, reports, exports, the LAN host under load, unlock and the
// renderer; writes bench/results/DATE-HHMM-SIZE.md and .json. Loopback only; bounded in count and time.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, platform, release, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { initStore, openStore, unlockDataKey, storePaths } from '../../db/store';
import { createKysely, openEncrypted } from '../../db/connection';
import { createExportInput } from '../../electron/api/exports';
import { createUser } from '../../electron/core/users';
import { createDispatcher } from '../../electron/core/dispatch';
import { R4V_DEFAULTS } from '../../electron/core/exports';
import { searchPatients } from '../../electron/core/patients';
import { warmNameCandidates } from '../../electron/core/name-candidates-warming';
import { searchIndexMergeSteps } from '../../electron/core/search-index-merges';
import { defaultSecuritySettings, systemClock, type ServiceContext } from '../../electron/core/context';
import { lastYear, seedDataset } from '../../electron/core/synthetic/seed-dataset';
import { compactStore } from '../../electron/core/compaction';
import { rng, syntheticPatient } from '../../electron/core/synthetic/generate';
import { serviceContext } from '../../electron/host/service-context';
import { buildQueries, QUERY_KINDS, type QueryKind } from './queries';
import { pairedLatencies, searchLatencies, warmUpSearches } from './search-latency';
import { readIntoOsCache } from './os-cache';
import { makePlainCopy, openPlain } from './plain-copy';
import { call, runLoad, runOfferedLoad, startHost } from './host';
import { bundleSizes, firstPaint } from './renderer';
import { nextTurn, seconds, summarise, timeEach, type Summary } from './stats';
import { renderMarkdown } from './report';
import { SIZES } from './sizes';
import { cpuTimes, stealDuring } from './steal';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PASSPHRASE = 'frase de acceso del banco de pruebas';
const PASSWORD = 'caballo correcto bateria grapa banco';
const QUERIES_PER_KIND = 200;
const REPORT_LIMIT_S = 90;
/** Registrations timed apart before the measured ones (runs before 2026-11-23 08:25 warmed up with 5, untimed). */
const REGISTRATION_WARM_UP = 50;

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'unit' },
    'load-seconds': { type: 'string', default: '60' },
    'load-clients': { type: 'string', default: '50' },
    'load-rate': { type: 'string', default: '300' },
    'data-root': { type: 'string', default: '/tmp/acogida-bench' },
  },
  strict: true,
});
const size = values.size as keyof typeof SIZES;
if (!(size in SIZES)) throw new Error(`--size unit|network, not ${values.size}`);
const loadSeconds = Math.min(120, Math.max(5, Number(values['load-seconds'])));
const loadClients = Math.min(100, Math.max(1, Number(values['load-clients'])));
const loadRate = Math.min(2000, Math.max(1, Number(values['load-rate'])));
const root = join(values['data-root']!, size);
const dataDir = join(root, 'data');
const passphraseFile = join(root, 'passphrase');
const log = (message: string) => console.log(`[bench ${size}] ${message}`);

interface SeedFigures {
  patients: number;
  sessions: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** The compaction that follows the seeding, as `npm run cli -- seed` does (core/compaction.ts). */
  compaction?: { seconds: number; bytesBefore: number; bytesAfter: number };
}

/** The twelve calendar months that end with the month of `to` (YYYY-MM-DD), first day to last. */
function twelveMonthsTo(to: string): { from: string; to: string } {
  const [y, m] = to.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 10);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { from: first, to: last };
}

/**
 * Seeds the store once and compacts it; later runs reuse it (its seeding figures are kept in
 * seed.json). A store seeded before compaction existed (2026-11-23) is compacted on its next run:
 * the plain copy is compacted by its own making (a rekey that drops the cipher's reserved bytes
 * rewrites every page), and the comparison must be of the same layout.
 */
async function ensureData(): Promise<SeedFigures> {
  const marker = join(root, 'seed.json');
  let figures: SeedFigures;
  if (existsSync(marker)) {
    figures = JSON.parse(readFileSync(marker, 'utf8')) as SeedFigures;
    if (figures.compaction) return figures;
  } else {
    mkdirSync(root, { recursive: true });
    writeFileSync(passphraseFile, `${PASSPHRASE}\n`, { mode: 0o600 });
    const { store } = await initStore(dataDir, PASSPHRASE);
    const ctx = serviceContext(store);
    await createUser(ctx, null, { username: 'admin', displayName: 'Administración', role: 'admin', password: PASSWORD }, 'bench');
    const spec = SIZES[size];
    const result = await seedDataset(ctx, store.raw, { ...spec, onProgress: (p) => log(`seeded ${p.patientsDone}/${p.patientsTotal} patients, ${Math.round(p.rowsPerSecond)} rows/s`) });
    await ctx.readOnly?.close();
    await store.close();
    figures = { patients: result.patients, sessions: result.sessions, rows: result.rows, seconds: Math.round(result.seconds), rowsPerSecond: Math.round(result.rowsPerSecond) };
  }
  log('compacting the store');
  const compacted = await compactStore(dataDir, await unlockDataKey(dataDir, { passphrase: PASSPHRASE }), { origin: 'bench', keepPrevious: false });
  figures.compaction = { seconds: Math.round(compacted.seconds), bytesBefore: compacted.bytesBefore, bytesAfter: compacted.bytesAfter };
  log(`compacted in ${figures.compaction.seconds} s: ${compacted.bytesBefore} → ${compacted.bytesAfter} bytes`);
  writeFileSync(marker, JSON.stringify(figures, null, 2));
  return figures;
}

async function ensureUser(ctx: ServiceContext, username: string, role: 'reception' | 'admin'): Promise<void> {
  const existing = await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (!existing) await createUser(ctx, null, { username, displayName: username, role, password: PASSWORD }, 'bench');
}

async function main() {
  const machine = { os: `${platform()} ${release()}`, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryGB: Math.round(totalmem() / 2 ** 30), freeMemoryGB: Math.round(freemem() / 2 ** 30), node: process.version, storage: values['data-root'] };
  log(`machine ${JSON.stringify(machine)}`);
  const cpuAtStart = cpuTimes();
  const seeding = await ensureData();
  log(`data: ${seeding.patients} patients, ${seeding.sessions} sessions`);

  // Unlock: keyring → data key (passphrase KDF), then open + migrations check + first query.
  const unlockKdf = await seconds(() => unlockDataKey(dataDir, { passphrase: PASSPHRASE }));
  // As the host and the desktop app open it: checkpoints in a worker, not inside a commit.
  const openTimed = await seconds(() => openStore(dataDir, unlockKdf.value, { backgroundCheckpoints: true }));
  const store = openTimed.value;
  const ctx = serviceContext(store);
  const dispatch = createDispatcher(ctx, { log: () => {} });
  await ensureUser(ctx, 'bench-recepcion', 'reception');
  await ensureUser(ctx, 'bench-admin', 'admin');
  const login = async (username: string) => {
    const r = await dispatch('auth.login', { username, password: PASSWORD }, { origin: 'bench' });
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { token: string }).token;
  };
  const receptionToken = await login('bench-recepcion');

  log(`store file read into the OS page cache (${readIntoOsCache(store.databaseFile)} s)`);
  // As the host and the desktop app do once the store opens (name-candidates-warming.ts).
  const namesWarmed = await seconds(() => warmNameCandidates(ctx.db, { pauseMs: 0 }));
  log(`names of ${namesWarmed.value} patients read into the page cache (${namesWarmed.seconds} s)`);
  log('search in the service (encrypted)');
  const queries = buildQueries(store.raw, QUERIES_PER_KIND);
  const warmUpQueries = warmUpSearches(store.raw);
  const serviceSearch = await searchLatencies(ctx, queries, warmUpQueries);

  log('registration');
  const random = rng(7);
  let registered = 0;
  // Eleven digits: the synthetic generator's documents have 7, 8, 10 or 15 (electron/core/synthetic/generate.ts),
  // and a ten-digit base met a seeded cédula in 2026-11-23 23:10's run, which stopped there.
  const documentBase = 80_000_000_000 + (Date.now() % 100_000) * 1_000;
  // As the searches: the first registrations after the store opens are timed apart (the code not yet
  // compiled by V8, the indexes' pages not yet cached), and the target is read on the 300 after them.
  const cpuBeforeRegistration = cpuTimes();
  const mergeStepsBefore = searchIndexMergeSteps.milliseconds.length;
  const registrationTimes = await timeEach(Array.from({ length: REGISTRATION_WARM_UP + 300 }), async () => {
    const patient = { ...syntheticPatient(random, new Date()), documentType: 'CC' as const, documentNumber: String(documentBase + ++registered) };
    const r = await dispatch('patients.register', { patient }, { token: receptionToken, origin: 'bench' });
    if (!r.ok) throw new Error(r.error.message);
  }, 0, nextTurn);
  const registrationSteal = stealDuring(cpuBeforeRegistration, cpuTimes());
  const registration = summarise(registrationTimes.slice(REGISTRATION_WARM_UP));
  const registrationFirst = summarise(registrationTimes.slice(0, REGISTRATION_WARM_UP));
  const registrationIndexMergeSteps = summarise(searchIndexMergeSteps.milliseconds.slice(mergeStepsBefore));

  log('monthly report and R4V 5W over a year (read-only worker)');
  // The twelve calendar months up to this one, as an administrator asks for a year; and the last 365
  // days, which are not whole months and are counted from the sessions rather than the reach cells.
  const year = lastYear(Date.now());
  const months = twelveMonthsTo(year.to);
  // Bounded: a report still running after REPORT_LIMIT_S is recorded as "> limit" (and keeps the
  // worker busy during the next measure, which then also runs during an export).
  const bounded = async (work: () => Promise<unknown>) => {
    const t0 = performance.now();
    const done = await Promise.race([work().then(() => true), new Promise<false>((r) => setTimeout(() => r(false), REPORT_LIMIT_S * 1000))]);
    return done ? Math.round((performance.now() - t0) / 10) / 100 : null;
  };
  // Each lane's worker starts on its first task (here from the TypeScript sources, compiled as it
  // loads): a one-day report starts it, timed on its own, so that the year's figures are the reports'.
  const oneDay = { from: year.to, to: year.to, threshold: 5 };
  const workerStart = await bounded(() => ctx.readOnly!.run('exports', 'monthlyReport', oneDay));
  await ctx.readOnly!.run('interactive', 'monthlyReport', oneDay);
  const monthly = await bounded(() => ctx.readOnly!.run('exports', 'monthlyReport', { ...months, threshold: 5 }));
  const monthlyDays = await bounded(() => ctx.readOnly!.run('exports', 'monthlyReport', { ...year, threshold: 5 }));
  const r4vConfig = { ...R4V_DEFAULTS, appealingOrganisation: 'Hospital', implementingPartner: 'Hospital' };
  const r4vRequest = createExportInput.parse({ kind: 'r4v_5w', format: 'csv', ...months });
  const r4v = await bounded(() => ctx.readOnly!.run('interactive', 'export', { request: r4vRequest, r4vConfig, keyHex: null }));

  log('search while an export runs');
  // The export of 365 days: counted from the sessions, it keeps the worker reading for seconds.
  const monthlyRequest = createExportInput.parse({ kind: 'monthly_report', format: 'xlsx', ...year });
  let exportsDone = 0;
  let stop = false;
  const exporting = (async () => {
    while (!stop) {
      await ctx.readOnly!.run('exports', 'export', { request: monthlyRequest, r4vConfig: null, keyHex: null });
      exportsDone++;
    }
  })();
  await new Promise((r) => setTimeout(r, 200));
  const mixed = [...queries.full_name, ...queries.name_prefix, ...queries.common_surname].slice(0, 400);
  // Once untimed first: the idle pass comes second and would otherwise find in the cache the pages
  // the first pass read (the ratio measured the export and a cold cache together).
  for (const query of mixed) await searchPatients(ctx, { query, page: 1, pageSize: 20 });
  const during = summarise(await timeEach(mixed, (query) => searchPatients(ctx, { query, page: 1, pageSize: 20 })));
  stop = true;
  await exporting;
  const idle = summarise(await timeEach(mixed, (query) => searchPatients(ctx, { query, page: 1, pageSize: 20 })));
  const searchDuringExport = { during, idle, exportsCompleted: exportsDone, ratioP95: Math.round((during.p95 / Math.max(0.001, idle.p95)) * 100) / 100 };

  log('plain copy: encrypted/plain ratio');
  const plainFile = join(root, 'plain.db');
  makePlainCopy(store.databaseFile, store.dataKey, plainFile);
  // Both files read into the OS page cache just before the searches: writing and decrypting the copy
  // (7 GB at a million) pushed part of the store out, and runs before 2026-11-23 08:50 timed the
  // encrypted searches partly on the disk (150 µs a page read against 40).
  log(`plain copy and store read into the OS page cache (${readIntoOsCache(plainFile)} s, ${readIntoOsCache(store.databaseFile)} s)`);
  const plain = openPlain(plainFile);
  const plainCtx: ServiceContext = { db: plain.db, clock: systemClock, security: defaultSecuritySettings };
  // The copy began with a TRUNCATE checkpoint, which empties the page cache of every other connection
  // to the store (a serving host's never is: its checkpoints are PASSIVE): both warmed, as the host warms at start.
  await warmNameCandidates(plain.db, { pauseMs: 0 });
  await warmNameCandidates(ctx.db, { pauseMs: 0 });
  // The store's connection through a Kysely of its own: search remembers the dictionary's answers and
  // each word's count of people per Kysely (patient-search.ts), and the store's had those of the timed
  // queries from the searches before and during the export, the plain copy's none. Runs before
  // 2026-11-23 22:09 compared them so (full name 0.74–0.77× encrypted/plain, 1.08× in search-only).
  // Never destroyed: that would close the store's connection, which the rest of the run uses.
  const compared: ServiceContext = { ...ctx, db: createKysely(store.raw) };
  // In blocks of 25 queries on each, alternating (pairedLatencies); runs before 2026-11-23 20:10 timed every plain search, then every encrypted one.
  const [encryptedAgain, plainSearch] = await pairedLatencies(compared, plainCtx, queries, warmUpQueries);
  // The same searches once more on each connection, their pages now in its cache: encryption's cost
  // on the work alone, apart from the pages read from the OS (decrypted and checked on the encrypted store).
  const [encryptedSecondPass, plainSecondPass] = await pairedLatencies(compared, plainCtx, queries, []);
  await plain.db.destroy();
  const ratioOf = (a: Record<QueryKind, Summary>, b: Record<QueryKind, Summary>) =>
    Object.fromEntries(QUERY_KINDS.map((k) => [k, Math.round((a[k].p50Us / Math.max(1, b[k].p50Us)) * 100) / 100])) as Record<QueryKind, number>;
  const ratio = ratioOf(encryptedAgain, plainSearch);
  const ratioSecondPass = ratioOf(encryptedSecondPass, plainSecondPass);

  const patientIds = (store.raw.prepare('SELECT id FROM patients ORDER BY random() LIMIT 2000').all() as { id: number }[]).map((r) => r.id);
  // One session per load client (one per workstation), so the per-token rate limit applies to each;
  // signed in here rather than over HTTP, where the per-address login limit would refuse 50 in a row.
  // Fresh sessions for each run, so that the first run does not spend the second's rate allowance.
  const loadTokens: string[] = [];
  const offeredTokens: string[] = [];
  for (let i = 0; i < loadClients; i++) {
    loadTokens.push(await login('bench-recepcion'));
    offeredTokens.push(await login('bench-recepcion'));
  }
  // The API latencies send 1,230 searches back to back: spread over sessions so that none goes past
  // the per-session rate limit (a burst of 120, then 5/s), which would answer 429.
  const apiTokens: string[] = [];
  for (let i = 0; i < 16; i++) apiTokens.push(await login('bench-recepcion'));
  await ctx.readOnly?.close();
  await store.close();

  log(`LAN host: API search latencies and load (store file read into the OS page cache first: ${readIntoOsCache(store.databaseFile)} s)`);
  execFileSync(process.execPath, [join(repoRoot, 'scripts/build-renderer-if-stale.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  const host = await startHost(repoRoot, dataDir, passphraseFile);
  let api: Record<QueryKind, Summary>;
  let load;
  let offered;
  let hostRssMB: number;
  let hostRssIdleMB: number;
  let paint: number | null;
  // The hypervisor's share during each host phase: the whole run's share says little about one minute.
  let offeredSteal: ReturnType<typeof stealDuring> = {};
  let loadSteal: ReturnType<typeof stealDuring> = {};
  try {
    api = {} as Record<QueryKind, Summary>;
    let sent = 0;
    for (const kind of QUERY_KINDS) {
      api[kind] = summarise(await timeEach(queries[kind], async (query) => {
        const r = await call(host.url, 'patients.search', { query, pageSize: 20 }, apiTokens[sent++ % apiTokens.length]!);
        if (r.status !== 200) throw new Error(JSON.stringify(r.body));
      }));
    }
    hostRssIdleMB = host.rssMB();
    const pool = [...queries.full_name, ...queries.name_prefix, ...queries.exact_document, ...queries.name_with_typo, ...queries.common_surname.slice(0, 20)];
    log(`load: ${loadClients} clients sending ${loadRate} req/s together for ${loadSeconds} s`);
    const cpuBeforeOffered = cpuTimes();
    offered = await runOfferedLoad(host.url, offeredTokens, pool, patientIds, { clients: loadClients, seconds: loadSeconds, rate: loadRate });
    const cpuAfterOffered = cpuTimes();
    offeredSteal = stealDuring(cpuBeforeOffered, cpuAfterOffered);
    log(`load: ${offered.requestsPerSecond} req/s, p95 ${offered.latency.p95} ms, ${offered.errors} errors; now saturated (closed loop)`);
    load = await runLoad(host.url, loadTokens, pool, patientIds, { clients: loadClients, seconds: loadSeconds });
    loadSteal = stealDuring(cpuAfterOffered, cpuTimes());
    hostRssMB = host.rssMB();
    paint = await firstPaint(`${host.url}/`);
  } finally {
    await host.stop();
  }
  const bundle = bundleSizes(join(repoRoot, 'dist', 'renderer'));

  // A first query on a cold open (a second process would see the same): open with the raw key.
  const coldOpen = await seconds(async () => {
    const raw = openEncrypted(storePaths(dataDir).database, unlockKdf.value);
    raw.prepare('SELECT count(*) FROM users').get();
    raw.close();
  });

  const cpuAtEnd = cpuTimes();
  const results = {
    size,
    date: new Date().toISOString(),
    machine: { ...machine, ...stealDuring(cpuAtStart, cpuAtEnd) },
    data: seeding,
    bulkImportRowsPerSecond: seeding.rowsPerSecond,
    unlock: { kdfSeconds: unlockKdf.seconds, openAndMigrateSeconds: openTimed.seconds, rawKeyOpenSeconds: coldOpen.seconds },
    search: { service: serviceSearch, serviceEncryptedRerun: encryptedAgain, plain: plainSearch, encryptedOverPlainP50: ratio, secondPass: { encrypted: encryptedSecondPass, plain: plainSecondPass, encryptedOverPlainP50: ratioSecondPass }, api },
    registration,
    registrationFirst,
    registrationStealPercent: registrationSteal.stealPercent,
    registrationIndexMergeSteps,
    reports: { workerStartSeconds: workerStart, monthlyReportYearSeconds: monthly, monthlyReportDaysSeconds: monthlyDays, r4vExportYearSeconds: r4v, limitSeconds: REPORT_LIMIT_S, months, days: year },
    searchDuringExport,
    host: { load, offered, rssAfterLoadMB: hostRssMB, rssBeforeLoadMB: hostRssIdleMB, stealPercent: { offered: offeredSteal.stealPercent, saturated: loadSteal.stealPercent } },
    renderer: { ...bundle, firstContentfulPaintMs: paint },
  };
  const outDir = join(repoRoot, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  // Date and UTC time: two runs of a day (another machine, another version) are both kept.
  const base = join(outDir, `${results.date.slice(0, 10)}-${results.date.slice(11, 16).replace(':', '')}-${size}`);
  writeFileSync(`${base}.json`, JSON.stringify(results, null, 2) + '\n');
  writeFileSync(`${base}.md`, renderMarkdown(results));
  log(`written ${base}.md and .json`);
  console.log(renderMarkdown(results));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
