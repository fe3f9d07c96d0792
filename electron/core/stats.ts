// Statistics for administrators, computed off the main thread on a read-only connection.
import type { Dashboard, DashboardInput } from '../api/stats';
import type { ServiceContext } from './context';
import { computeDashboard } from './reports/dashboard';

export async function dashboard(ctx: ServiceContext, input: DashboardInput): Promise<Dashboard> {
  return ctx.readOnly ? ctx.readOnly.run<Dashboard>('interactive', 'dashboard', input) : computeDashboard(ctx.db, input);
}
