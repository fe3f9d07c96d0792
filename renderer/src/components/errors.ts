// Turning an API error into what the user reads, and server field issues into form errors.
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { TFunction } from 'i18next';
import type { ApiError } from '../api/contract';

/** The server's message (already Spanish), or ours when the server could not be reached. */
export function errorText(t: TFunction, error: ApiError): string {
  return error.message || t('errors.unreachable');
}

/**
 * Puts each server issue next to its field with setError (the values typed stay in the form) and
 * answers the text for a general alert: the server's message when some issue names no field of this
 * form or there are none, otherwise null.
 */
export function serverFailure<T extends FieldValues>(
  t: TFunction,
  error: ApiError,
  fields: readonly FieldPath<T>[],
  setError: UseFormSetError<T>,
): string | null {
  let placed = 0;
  for (const issue of error.issues ?? []) {
    const field = fields.find((f) => f === issue.path);
    if (!field) continue;
    setError(field, { type: 'server', message: issue.message }, { shouldFocus: placed === 0 });
    placed++;
  }
  return placed > 0 && placed === error.issues?.length ? null : errorText(t, error);
}
