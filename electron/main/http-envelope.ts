// The LAN host answers success as the raw value (200) and errors as {"error":{…}} (4xx/5xx);
// the renderer expects the envelope either way. Plain Node, no 'electron'.
import { ERROR_CODES, HTTP_STATUS, type ApiError, type Envelope, type ErrorCode, type FieldIssue } from '../api/envelope';

const STATUS_CODES = new Map<number, ErrorCode>(Object.entries(HTTP_STATUS).map(([code, status]) => [status, code as ErrorCode]));

/** The error code for an HTTP status when the body does not say (413 and 415 are input problems). */
export function codeForStatus(status: number): ErrorCode {
  const known = STATUS_CODES.get(status);
  if (known) return known;
  if (status >= 400 && status < 500) return 'invalid_input';
  return 'internal';
}

const GENERIC_MESSAGES: Record<ErrorCode, string> = {
  invalid_input: 'Revise los datos: el host los rechazó.',
  unauthenticated: 'Su sesión terminó. Inicie sesión de nuevo.',
  forbidden: 'El host no permite esta acción.',
  not_found: 'El host no conoce esta acción.',
  conflict: 'El host rechazó la acción por un conflicto con los datos actuales.',
  rate_limited: 'Demasiados intentos. Espere un momento e inténtelo de nuevo.',
  internal: 'El host tuvo un error interno.',
};

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function issuesOf(value: unknown): FieldIssue[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const issues = value
    .filter((i): i is { path: unknown; message: unknown } => typeof i === 'object' && i !== null)
    .filter((i) => typeof i.path === 'string' && typeof i.message === 'string')
    .map((i) => ({ path: i.path as string, message: i.message as string }));
  return issues.length > 0 ? issues : undefined;
}

/** Converts one HTTP answer of the host (status, body text, Retry-After) to the envelope. */
export function envelopeFromHttp(status: number, bodyText: string, retryAfterHeader?: string | null): Envelope<unknown> {
  let body: unknown;
  let parsed = true;
  try {
    body = bodyText.length > 0 ? JSON.parse(bodyText) : undefined;
  } catch {
    parsed = false;
  }
  if (status === 200) {
    if (!parsed || body === undefined) return { ok: false, error: { code: 'internal', message: 'El host dio una respuesta no válida.' } };
    return { ok: true, value: body };
  }
  const sent = parsed && typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  const fromBody = typeof sent === 'object' && sent !== null ? (sent as Record<string, unknown>) : null;
  const code = fromBody && isErrorCode(fromBody.code) ? fromBody.code : codeForStatus(status);
  const message = fromBody && typeof fromBody.message === 'string' && fromBody.message.length > 0 ? fromBody.message : GENERIC_MESSAGES[code];
  const error: ApiError = { code, message };
  const issues = fromBody ? issuesOf(fromBody.issues) : undefined;
  if (issues) error.issues = issues;
  const retryFromBody = fromBody && typeof fromBody.retryAfterSeconds === 'number' ? fromBody.retryAfterSeconds : undefined;
  const retryFromHeader = retryAfterHeader && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : undefined;
  const retry = retryFromBody ?? retryFromHeader;
  if (retry !== undefined && Number.isFinite(retry) && retry >= 0) error.retryAfterSeconds = retry;
  return { ok: false, error };
}
