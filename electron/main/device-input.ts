// Input checks of the desktop-only device.* procedures, with the contract's zod schemas, in main.
// Plain Node, no 'electron'.
import type { z } from 'zod';
import { contract, type ApiError, type Envelope, type ProcedureName } from '../api/index';
import { zodIssues } from '../core/dispatch';

export const DEVICE_PROCEDURES = ['device.status', 'device.createLocal', 'device.probeHost', 'device.connectHost', 'device.unlock'] as const;
export type DeviceProcedure = (typeof DEVICE_PROCEDURES)[number];

/** The procedures main answers itself: those the contract marks desktop-only. */
export function isDeviceProcedure(name: string): name is DeviceProcedure {
  return Object.prototype.hasOwnProperty.call(contract, name) && contract[name as ProcedureName].transport === 'desktop';
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; envelope: Envelope<never> };

export function invalidInput(issues: ApiError['issues'], message = 'Revise los datos: hay campos con errores.'): Envelope<never> {
  return { ok: false, error: { code: 'invalid_input', message, ...(issues && issues.length > 0 ? { issues } : {}) } };
}

/** Parses a device.* input with its contract schema; a failure is the invalid_input envelope naming the fields. */
export function parseDeviceInput<K extends DeviceProcedure>(name: K, input: unknown): Parsed<z.output<(typeof contract)[K]['input']>> {
  const result = contract[name].input.safeParse(input ?? {});
  if (result.success) return { ok: true, value: result.data as z.output<(typeof contract)[K]['input']> };
  return { ok: false, envelope: invalidInput(zodIssues(result.error)) };
}

/** Validates an answer against the contract before it leaves main, like the dispatcher does. */
export function checkDeviceOutput<K extends DeviceProcedure>(name: K, value: unknown): Envelope<unknown> {
  const result = contract[name].output.safeParse(value);
  if (!result.success) return { ok: false, error: { code: 'internal', message: 'Error interno del equipo.' } };
  return { ok: true, value: result.data };
}
