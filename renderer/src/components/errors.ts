// Turning an API error into what the user reads, and server field issues into form errors.
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { TFunction } from 'i18next';
import type { ApiError } from '../api/contract';
import { serverText } from '../i18n/server-messages';

/** The server's message (Spanish) in the UI language, or ours when the server could not be reached. */
export function errorText(t: TFunction, error: ApiError): string {
  return error.message ? serverText(error.message) : t('errors.unreachable');
}

/**
 * Puts each server issue next to its field with setError (the values typed stay in the form) and
 * answers the text for a general alert: the server's message when some issue names no field of this
 * form or there are none, otherwise null.
 *
 * `fields` lists the form's field paths, or answers whether a path is one (dynamic lists: "phones.1.number").
 * `prefix` is the part of the server's path outside the form ("patient." for patients.register).
 * Field messages stay as the server wrote them (Spanish): the field components translate them when
 * they show them (serverText), so they follow a later change of language too.
 */
export function serverFailure<T extends FieldValues>(
  t: TFunction,
  error: ApiError,
  fields: readonly FieldPath<T>[] | ((path: string) => boolean),
  setError: UseFormSetError<T>,
  prefix = '',
): string | null {
  let placed = 0;
  for (const issue of error.issues ?? []) {
    const path = issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : null;
    if (path === null) continue;
    const known = typeof fields === 'function' ? fields(path) : (fields as readonly string[]).includes(path);
    if (!known) continue;
    setError(path as FieldPath<T>, { type: 'server', message: issue.message }, { shouldFocus: placed === 0 });
    placed++;
  }
  return placed > 0 && placed === error.issues?.length ? null : errorText(t, error);
}
