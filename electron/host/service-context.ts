import type { Store } from '../../db/store';
import { createBackupService } from '../core/backup-service';
import { defaultSecuritySettings, systemClock, type Clock, type SecuritySettings, type ServiceContext } from '../core/context';

export function serviceContext(
  store: Store,
  overrides: { security?: Partial<SecuritySettings>; clock?: Clock; backupsKeep?: number } = {},
): ServiceContext {
  return {
    db: store.db,
    clock: overrides.clock ?? systemClock,
    security: { ...defaultSecuritySettings, ...overrides.security },
    backups: createBackupService({ dataDir: store.dataDir, dataKey: store.dataKey, keep: overrides.backupsKeep }),
  };
}
