// The LAN host as `npm run host` runs it: the bundle in dist/host/, built first if a source file is
// newer (scripts/build-host.mjs). For the tools that start a host of their own: the bench and the
// reliability suite's LAN attack cases.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export function builtHostBundle(repoRoot: string): string {
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build-host.mjs'), '--if-stale'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error('The host bundle did not build (scripts/build-host.mjs)');
  return join(repoRoot, 'dist', 'host', 'main.js');
}
