import type { Store } from '../../db/store';
import { ReadOnlyRunner } from '../core/jobs/runner';
import { defaultSecuritySettings, systemClock, type Clock, type SecuritySettings, type ServiceContext } from '../core/context';

export function serviceContext(store: Store, overrides: { security?: Partial<SecuritySettings>; clock?: Clock } = {}): ServiceContext {
  return {
    db: store.db,
    clock: overrides.clock ?? systemClock,
    security: { ...defaultSecuritySettings, ...overrides.security },
    readOnly: new ReadOnlyRunner(store.databaseFile, store.dataKey),
  };
}
