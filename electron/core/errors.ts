import type { ErrorCode, FieldIssue } from '../api/envelope';

/** An error a caller can act on; its message is shown to staff (Spanish). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalidField = (path: string, message: string) => new AppError('invalid_input', message, [{ path, message }]);
export const notFound = (message: string) => new AppError('not_found', message);
export const conflict = (message: string) => new AppError('conflict', message);
export const forbidden = (message = 'Su rol no tiene permiso para esta acción.') => new AppError('forbidden', message);
export const unauthenticated = (message = 'Su sesión terminó. Inicie sesión de nuevo.') => new AppError('unauthenticated', message);
