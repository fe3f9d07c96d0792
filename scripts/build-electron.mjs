// `npm run build:electron`: bundles the main process (ESM) and the sandboxed preload (CommonJS,
// as Electron's sandbox requires) into dist/electron/. Native and optional modules stay outside
// the bundle: electron-builder ships them in node_modules (the native ones unpacked from asar).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundle } from './esbuild-node.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'electron');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'info',
  absWorkingDir: root,
};

rmSync(outdir, { recursive: true, force: true });

await Promise.all([
  build({ ...nodeBundle(root, join(root, 'electron', 'main', 'main.ts'), join(outdir, 'main.js')), logLevel: 'info' }),
  // The read-only worker (statistics, exports) runs beside main.js: electron/core/jobs/runner.ts loads it.
  build({ ...nodeBundle(root, join(root, 'electron', 'core', 'jobs', 'worker.ts'), join(outdir, 'readonly-worker.js')), logLevel: 'info' }),
  build({
    ...common,
    entryPoints: [join(root, 'electron', 'preload', 'index.ts')],
    outfile: join(outdir, 'preload.cjs'),
    format: 'cjs',
    // A sandboxed preload can require only 'electron' (contextBridge, ipcRenderer): nothing else is external.
    external: ['electron'],
    target: 'chrome130',
    platform: 'node',
  }),
]);
