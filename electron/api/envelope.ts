// Every response of every transport is one of these envelopes.
export const ERROR_CODES = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
};

/** One problem with one field of the input; `path` names the field ("password", "users.0.role"). */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
  /** Seconds to wait before trying again (rate_limited, lockout). */
  retryAfterSeconds?: number;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };
