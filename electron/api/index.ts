// THE CONTRACT: every procedure of Acogida, by name. Both transports and the renderer use it.
import { z } from 'zod';
import { authProcedures } from './auth';
import { usersProcedures } from './users';
import { auditProcedures } from './audit';
import { deviceProcedures } from './device';
import { patientsProcedures } from './patients';
import { appointmentsProcedures } from './appointments';
import { sessionsProcedures } from './sessions';
import { activitiesProcedures } from './activities';
import { statsProcedures } from './stats';
import { exportsProcedures } from './exports';

// zod's own messages (where a schema gives none) in Spanish, in the renderer's forms and the services alike.
z.config(z.locales.es());
import { backupsProcedures } from './backups';
import { demoProcedures } from './demo';

export const contract = {
  ...authProcedures,
  ...usersProcedures,
  ...auditProcedures,
  ...patientsProcedures,
  ...appointmentsProcedures,
  ...sessionsProcedures,
  ...activitiesProcedures,
  ...statsProcedures,
  ...exportsProcedures,
  ...backupsProcedures,
  ...demoProcedures,
  ...deviceProcedures,
};

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
export type InputOf<K extends ProcedureName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends ProcedureName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends ProcedureName> = z.output<Contract[K]['output']>;

export const procedureNames = Object.keys(contract) as ProcedureName[];

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './procedure';
export * from './envelope';
export * from './fields';
export * from './auth';
export * from './users';
export * from './audit';
export * from './device';
export * from './codes';
export * from './patients';
export * from './appointments';
export * from './instruments';
export * from './sessions';
export * from './activities';
export * from './stats';
export * from './exports';
export * from './backups';
export * from './demo';
export * from './reference/diagnoses';
export * from './phone';
export * from './reference/municipalities';
export * from './reference/countries';
