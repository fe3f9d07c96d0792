// The automatic daily backup: checked at start and then every hour; a backup is made when the
// newest one is older than a day. The copy runs off the main thread, so requests keep flowing.
import type { BackupService } from './backup-service';
import type { ServiceContext } from './context';

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

export type DueOutcome = 'backed_up' | 'not_due' | 'busy' | 'failed';

export async function backupIfDue(ctx: ServiceContext, service: BackupService, maxAgeMs = DAY_MS): Promise<DueOutcome> {
  const age = service.newestAgeMs(ctx.clock.now());
  if (age !== null && age < maxAgeMs) return 'not_due';
  if ((await service.status(ctx)).running) return 'busy';
  try {
    await service.create(ctx, { kind: 'automatic' });
    return 'backed_up';
  } catch {
    // The failure is in the audit log (backup.create, outcome failure); the next hour tries again.
    return 'failed';
  }
}

export interface AutomaticBackups {
  stop(): void;
  /** The check in progress, if any (tests and shutdown wait for it). */
  idle(): Promise<void>;
}

export function startAutomaticBackups(
  ctx: ServiceContext,
  service: BackupService,
  options: { intervalMs?: number; maxAgeMs?: number; onResult?: (outcome: DueOutcome) => void } = {},
): AutomaticBackups {
  let current: Promise<void> = Promise.resolve();
  let checking = false;
  const check = () => {
    if (checking) return;
    checking = true;
    current = backupIfDue(ctx, service, options.maxAgeMs)
      .then((outcome) => options.onResult?.(outcome))
      .finally(() => {
        checking = false;
      });
  };
  const first = setTimeout(check, 0);
  const timer = setInterval(check, options.intervalMs ?? HOUR_MS);
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
    idle: () => current,
  };
}
