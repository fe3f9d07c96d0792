import type { Store } from '../../db/store';
import { ReadOnlyRunner } from '../core/jobs/runner';
import { createBackupService } from '../core/backup-service';
import { defaultSecuritySettings, systemClock, type Clock, type SecuritySettings, type ServiceContext } from '../core/context';

export function serviceContext(
  store: Store,
  overrides: { security?: Partial<SecuritySettings>; clock?: Clock; backupsKeep?: number; searchWorkers?: number } = {},
): ServiceContext {
  return {
    db: store.db,
    raw: store.raw,
    clock: overrides.clock ?? systemClock,
    security: { ...defaultSecuritySettings, ...overrides.security },
    // searchWorkers: the LAN host serves many workstations at once and searches on a worker pool.
    readOnly: new ReadOnlyRunner(store.databaseFile, store.dataKey, overrides.searchWorkers ?? 0),
    backups: createBackupService({ dataDir: store.dataDir, dataKey: store.dataKey, keep: overrides.backupsKeep }),
  };
}
