// name → check session and role → parse input → run service → parse output → envelope.
// Both transports (Electron IPC and the LAN host) call this and nothing else.
import type { z } from 'zod';
import { allows, contract, isProcedureName, type Envelope, type FieldIssue } from '../api/index';
import { recordAudit } from './audit';
import { authenticate } from './auth';
import type { CallMeta, ServiceContext } from './context';
import { AppError } from './errors';
import { handlers, type Handler, type ServedProcedure } from './handlers';

export type Dispatch = (name: string, input: unknown, meta?: CallMeta) => Promise<Envelope<unknown>>;

/** While a user must change a temporary password, only these answer. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['auth.me', 'auth.logout', 'auth.changePassword']);

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(entrada)',
    message: issueMessage(issue),
  }));
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `Campo no permitido: ${issue.keys.join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? 'Este campo es obligatorio' : `Tipo no válido: se esperaba ${issue.expected}`;
    case 'invalid_value':
      return `Valor no válido; use uno de: ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return issue.message.startsWith('Too small') ? `Valor demasiado pequeño (mínimo ${String(issue.minimum)})` : issue.message;
    case 'too_big':
      return issue.message.startsWith('Too big') ? `Valor demasiado grande (máximo ${String(issue.maximum)})` : issue.message;
    default:
      // Our schemas carry Spanish messages; zod's own English ones are only a fallback.
      return issue.message;
  }
}

function failure(error: AppError): Envelope<never> {
  return {
    ok: false,
    error: {
      code: error.code,
      message: error.message,
      ...(error.issues ? { issues: error.issues } : {}),
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    },
  };
}

export function createDispatcher(ctx: ServiceContext, options: { log?: (message: string, error: unknown) => void } = {}): Dispatch {
  const log = options.log ?? ((message, error) => console.error(message, error));

  return async function dispatch(name, input, meta = {}) {
    const origin = meta.origin ?? null;
    try {
      if (!isProcedureName(name) || contract[name].transport === 'desktop') {
        return failure(new AppError('not_found', `No existe el procedimiento "${String(name).slice(0, 80)}".`));
      }
      const def = contract[name];
      const procedureName = name as ServedProcedure;
      let actor = null;
      if (def.access !== 'public') {
        actor = await authenticate(ctx, meta.token, origin);
        if (!allows(def.access, actor.role)) {
          await recordAudit(ctx, { action: 'access.denied', outcome: 'denied', actor, origin, details: { procedure: name, role: actor.role } });
          throw new AppError('forbidden', 'Su rol no tiene permiso para esta acción.');
        }
        if (actor.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(name)) {
          throw new AppError('forbidden', 'Debe cambiar su contraseña temporal antes de continuar.');
        }
      }
      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success) {
        return failure(new AppError('invalid_input', 'Revise los datos: hay campos con errores.', zodIssues(parsed.error)));
      }
      const handler = handlers[procedureName] as Handler<typeof procedureName>;
      const value = await handler(ctx, { actor, input: parsed.data as never, origin });
      // Parsing the output strips any field the contract does not promise: nothing leaks by accident.
      const output = def.output.safeParse(value);
      if (!output.success) {
        log(`Output of ${name} does not match the contract`, output.error);
        return failure(new AppError('internal', 'Error interno. El equipo técnico puede revisar el registro del servidor.'));
      }
      return { ok: true, value: output.data };
    } catch (error) {
      if (error instanceof AppError) return failure(error);
      log(`Procedure ${String(name)} failed`, error);
      return failure(new AppError('internal', 'Error interno. El equipo técnico puede revisar el registro del servidor.'));
    }
  };
}
