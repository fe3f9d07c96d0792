// Times the year's reports on an existing store, on the read-only worker as the app runs them
// (issue 7), and can write their results to compare two versions of the queries.
//   tsx scripts/bench/reports.ts --data DIR --passphrase-file FILE [--from 2025-01-01 --to 2025-12-31] [--out results.json] [--rounds 2]
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { unlockStore } from '../../db/store';
import { createExportInput } from '../../electron/api/exports';
import { dashboardInput } from '../../electron/api/stats';
import { R4V_DEFAULTS } from '../../electron/core/exports';
import { serviceContext } from '../../electron/host/service-context';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    'passphrase-file': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    rounds: { type: 'string', default: '2' },
    only: { type: 'string' },
  },
});

async function main() {
  const passphrase = readFileSync(values['passphrase-file']!, 'utf8').trim();
  const t0 = performance.now();
  const store = await unlockStore(values.data!, { passphrase });
  console.log(`open + migrations: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  const ctx = serviceContext(store);
  // The latest year that holds sessions, unless given.
  const last = (store.raw.prepare(`SELECT MAX(starts_at) AS m FROM sessions WHERE status = 'signed'`).get() as { m: string }).m.slice(0, 10);
  const to = values.to ?? last;
  const from = values.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  console.log(`period ${from} .. ${to}`);
  const r4vConfig = { ...R4V_DEFAULTS, appealingOrganisation: 'Hospital', implementingPartner: 'Hospital' };
  const work = {
    monthlyReport: () => ctx.readOnly!.run('exports', 'monthlyReport', { from, to, threshold: 5 }),
    r4vExport: () => ctx.readOnly!.run('interactive', 'export', { request: createExportInput.parse({ kind: 'r4v_5w', format: 'csv', from, to }), r4vConfig, keyHex: null }),
    dashboard: () => ctx.readOnly!.run('interactive', 'dashboard', dashboardInput.parse({ from, to })),
  };
  // The workers are unref'd: keep the process alive while they run.
  const keepAlive = setInterval(() => {}, 1000);
  const results: Record<string, unknown> = {};
  for (const [name, run] of Object.entries(work)) {
    if (values.only && !values.only.split(',').includes(name)) continue;
    const times: string[] = [];
    for (let i = 0; i < Number(values.rounds); i++) {
      // CPU time of the whole process (the worker thread included) is steadier than wall time on a loaded machine.
      const start = performance.now();
      const cpu = process.cpuUsage();
      results[name] = await run();
      const used = process.cpuUsage(cpu);
      times.push(`${((performance.now() - start) / 1000).toFixed(2)} (cpu ${((used.user + used.system) / 1e6).toFixed(2)})`);
    }
    console.log(`${name}: ${times.join(' / ')} s`);
  }
  if (values.out) writeFileSync(values.out, JSON.stringify(results, null, 2));
  clearInterval(keepAlive);
  await ctx.readOnly!.close();
  await store.close();
}

void main();
