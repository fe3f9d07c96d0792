// Builds the renderer (vite) only when a source file is newer than the last build,
// so `npm run host` starts fast and always serves the current UI.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const output = join(root, 'dist', 'renderer', 'index.html');
const sources = ['renderer', 'electron/api', 'package-lock.json'].map((p) => join(root, p));

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).filter((f) => f !== 'node_modules').map((f) => newest(join(path, f))));
}

const built = existsSync(output) ? statSync(output).mtimeMs : 0;
if (built < Math.max(...sources.map(newest))) {
  const result = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  process.exit(result.status ?? 1);
}
