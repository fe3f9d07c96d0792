// The read-only tasks a worker runs: each takes a read-only Kysely connection, its arguments and a
// progress callback, and answers plain data (it crosses a thread boundary).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { DashboardInput } from '../../api/stats';
import { computeDashboard } from '../reports/dashboard';

export type Progress = (fraction: number, message?: string) => void;

type Task = (db: Kysely<Database>, args: unknown, progress: Progress) => Promise<unknown>;

const tasks = {
  dashboard: (db, args) => computeDashboard(db, args as DashboardInput),
} satisfies Record<string, Task>;

export type TaskName = keyof typeof tasks;
export const TASKS: Record<TaskName, Task> = tasks;
