// `npm run test:reliability [-- --kills 10000] [--fuzz 40] [--seed 1] [--only crash,fuzz,lan]`
// Crash safety, fuzzing and LAN attacks, with counts. Prints one summary line per part on stdout,
// the failures (if any) on stderr, and exits non-zero on any failure.
import { parseArgs } from 'node:util';
import { runCrashPart } from './crash';
import { runFuzzPart } from './fuzz';
import { runLanPart } from './lan-attacks';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    kills: { type: 'string', default: '200' },
    fuzz: { type: 'string', default: '8' },
    seed: { type: 'string' },
    only: { type: 'string', default: 'crash,fuzz,lan' },
  },
  strict: true,
});

const kills = Number(values.kills);
const perProcedure = Number(values.fuzz);
const seed = values.seed === undefined ? Math.floor(Math.random() * 1_000_000) : Number(values.seed);
if (!Number.isInteger(kills) || kills < 1 || !Number.isInteger(perProcedure) || perProcedure < 1 || !Number.isInteger(seed)) {
  console.error('Uso: npm run test:reliability -- [--kills N] [--fuzz N] [--seed N] [--only crash,fuzz,lan]');
  process.exit(2);
}
const parts = new Set(values.only!.split(',').map((p) => p.trim()));
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
let failed = false;
const report = (failures: string[]) => {
  for (const failure of failures) console.error(`  ✗ ${failure}`);
};

console.error(`reliability: seed ${seed} (repeat with --seed ${seed})`);

if (parts.has('crash')) {
  const t = Date.now();
  const s = await runCrashPart({ kills, seed });
  console.log(`kills: ${s.kills}, corrupt: ${s.corrupt}, lost commits: ${s.lost} (commits checked: ${s.commits}, writer errors: ${s.childErrors}, ${seconds(t)})`);
  report(s.failures);
  failed ||= s.corrupt > 0 || s.lost > 0 || s.childErrors > 0 || s.kills < kills || s.commits === 0;
}

if (parts.has('fuzz')) {
  const t = Date.now();
  const s = await runFuzzPart({ perProcedure, seed });
  console.log(`fuzz payloads: ${s.payloads}, 5xx: ${s.fiveHundreds}, hangs: ${s.hangs}, writes on rejection: ${s.writesOnRejection} (undocumented answers: ${s.undocumented}, crashes: ${s.crashes}, ${seconds(t)})`);
  report(s.failures);
  failed ||= s.fiveHundreds + s.hangs + s.writesOnRejection + s.undocumented + s.crashes > 0;
}

if (parts.has('lan')) {
  const t = Date.now();
  const s = await runLanPart();
  console.log(`LAN attack cases: ${s.cases}, passed: ${s.passed} (${seconds(t)})`);
  report(s.failures);
  failed ||= s.passed !== s.cases;
}

process.exit(failed ? 1 : 0);
