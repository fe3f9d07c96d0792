// Statistics for administrators, computed off the main thread on a read-only connection.
import type { Dashboard, DashboardInput, MonthlyReport } from '../api/stats';
import type { ServiceContext } from './context';
import { computeDashboard } from './reports/dashboard';
import { computeMonthlyReport } from './reports/monthly-report';

export async function dashboard(ctx: ServiceContext, input: DashboardInput): Promise<Dashboard> {
  return ctx.readOnly ? ctx.readOnly.run<Dashboard>('interactive', 'dashboard', input) : computeDashboard(ctx.db, input);
}

export async function monthlyReport(ctx: ServiceContext, input: { from: string; to: string; threshold: number }): Promise<MonthlyReport> {
  return ctx.readOnly ? ctx.readOnly.run<MonthlyReport>('interactive', 'monthlyReport', input) : computeMonthlyReport(ctx.db, input);
}
