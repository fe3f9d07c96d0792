// Turning an API error into what the user reads, and server field issues into form errors.
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { TFunction } from 'i18next';
import type { ApiError, FieldIssue } from '../api/contract';

/** The server's message (already Spanish), or ours when the server could not be reached. */
export function errorText(t: TFunction, error: ApiError): string {
  return error.message || t('errors.unreachable');
}

/**
 * Puts each server issue next to its field with setError; answers the issues that name no field
 * of this form, for a general alert. The values typed stay in the form.
 */
export function applyServerIssues<T extends FieldValues>(
  error: ApiError,
  fields: readonly FieldPath<T>[],
  setError: UseFormSetError<T>,
): FieldIssue[] {
  const rest: FieldIssue[] = [];
  let focused = false;
  for (const issue of error.issues ?? []) {
    const field = fields.find((f) => f === issue.path);
    if (field) {
      setError(field, { type: 'server', message: issue.message }, { shouldFocus: !focused });
      focused = true;
    } else {
      rest.push(issue);
    }
  }
  return rest;
}
