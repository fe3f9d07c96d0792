// Build the renderer and the host bundle once before the hosts start, so parallel `npm run host`
// never race to build them.
import { spawnSync } from 'node:child_process';

export default function globalSetup(): void {
  const result = spawnSync(process.execPath, ['scripts/build-renderer-if-stale.mjs'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The renderer build failed');
  const host = spawnSync(process.execPath, ['scripts/build-host.mjs', '--if-stale'], { stdio: 'inherit' });
  if (host.status !== 0) throw new Error('The host bundle build failed');
}
