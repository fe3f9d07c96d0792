// The shape of one procedure of the contract. No Node or Electron imports: the renderer imports this.
import type { z } from 'zod';

export const ROLES = ['reception', 'clinician', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a procedure: anyone (login), any signed-in user, or the listed roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface ProcedureDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** One line for docs/api.md. */
  summary: string;
  /** 'desktop' procedures exist only over Electron IPC (device set-up before a database is open). */
  transport?: 'all' | 'desktop';
}

export function procedure<I extends z.ZodType, O extends z.ZodType>(def: ProcedureDef<I, O>): ProcedureDef<I, O> {
  return def;
}

export function allows(access: Access, role: Role): boolean {
  if (access === 'public' || access === 'authenticated') return true;
  return access.includes(role);
}
