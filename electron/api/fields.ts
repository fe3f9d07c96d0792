// Field schemas shared by several areas of the contract.
import { z } from 'zod';
import { ROLES } from './procedure';

export const roleSchema = z.enum(ROLES);

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'El usuario debe tener al menos 3 caracteres')
  .max(64, 'El usuario puede tener como máximo 64 caracteres')
  .regex(/^[a-z0-9._-]+$/, 'El usuario solo puede tener letras sin tilde, números, punto, guion y guion bajo');

/**
 * NIST SP 800-63B: at least 8 characters, at least 64 allowed, no composition rules.
 * The common-password list is checked in the service (electron/core/password-policy.ts).
 */
export const newPasswordSchema = z
  .string()
  .refine((s) => [...s].length >= 8, 'La contraseña debe tener al menos 8 caracteres')
  .refine((s) => [...s].length <= 256, 'La contraseña puede tener como máximo 256 caracteres');

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'Escriba el nombre')
  .max(120, 'El nombre puede tener como máximo 120 caracteres');

export const idSchema = z.number().int().positive();

export const isoDateTimeSchema = z.string();

/** A calendar date, YYYY-MM-DD, that exists. */
export const isoDateSchema = z
  .string({ error: 'Escriba la fecha (AAAA-MM-DD)' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use el formato AAAA-MM-DD', abort: true })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Esa fecha no existe');

export const emptyInput = z.strictObject({});
export const okOutput = z.object({ ok: z.literal(true) });

/** The unit keeps Colombian time: UTC−5 all year, no daylight saving. */
export const UNIT_UTC_OFFSET_MINUTES = -300;

/** A Date whose UTC fields read the unit's local date and time (for ages, record years, agendas). */
export function unitLocalDate(epochMs = Date.now()): Date {
  return new Date(epochMs + UNIT_UTC_OFFSET_MINUTES * 60_000);
}
