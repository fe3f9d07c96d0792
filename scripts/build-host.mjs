// `node scripts/build-host.mjs [--if-stale]`: bundles the LAN host (electron/host/main.ts) and its
// read-only worker into dist/host/, as the desktop app's main process is bundled. The host runs
// all day on the unit's server: from a bundle it starts in about a second and holds some 50 MB
// less memory than compiling TypeScript at start with tsx (issue 7). With --if-stale it builds only when a source file is newer than the bundle,
// so that `npm run host` always runs the current code.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundle } from './esbuild-node.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const HOST_BUNDLE = join(root, 'dist', 'host', 'main.js');
const sources = ['electron', 'db', 'package-lock.json'].map((p) => join(root, p));

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

export function hostBundleIsStale() {
  const built = existsSync(HOST_BUNDLE) ? statSync(HOST_BUNDLE).mtimeMs : 0;
  return built < Math.max(...sources.map(newest));
}

export async function buildHostBundle() {
  const outdir = dirname(HOST_BUNDLE);
  await Promise.all([
    build(nodeBundle(root, join(root, 'electron', 'host', 'main.ts'), HOST_BUNDLE)),
    // electron/core/jobs/runner.ts loads the read-only worker (statistics, exports) from beside the bundle.
    build(nodeBundle(root, join(root, 'electron', 'core', 'jobs', 'worker.ts'), join(outdir, 'readonly-worker.js'))),
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!process.argv.includes('--if-stale') || hostBundleIsStale()) await buildHostBundle();
}
