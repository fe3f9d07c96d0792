// A form whose inputs hold strings (dates and times apart, numbers as text, optional sections blank)
// validates with the contract's own schema: the form's values are turned into the contract's input
// first, and the schema's error paths are the form's field names.
import type { FieldValues } from 'react-hook-form';
import { z } from 'zod';

export function formSchema<V extends FieldValues, S extends z.ZodType>(toInput: (values: V) => unknown, schema: S): z.ZodType<z.output<S>, V> {
  return z.preprocess((values) => toInput(values as V), schema) as unknown as z.ZodType<z.output<S>, V>;
}

/**
 * Parse options for zodResolver: the contract words its errors in Spanish; the few checks it leaves
 * without a message (a missing id, an out-of-range list item) get this form's own text instead of
 * zod's English default.
 */
export function fallbackMessages(message: (path: readonly PropertyKey[]) => string): { error: z.core.$ZodErrorMap } {
  return { error: (issue) => message(issue.path ?? []) };
}
