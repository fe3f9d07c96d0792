// A screen's data from one procedure: asked when the screen opens and again whenever its input or
// `version` changes (after the screen wrote something). An answer that comes after the screen moved on
// (closed, or asked again) is dropped; after a failure the last answer stays beside the error.
// An input of null means "not ready" (nothing chosen yet, a period being typed): nothing is asked
// and the last answer stays.
import { useEffect, useState } from 'react';
import { call } from './client';
import type { ApiError, InputOf, OutputOf, ProcedureName } from './contract';

export interface ProcedureState<K extends ProcedureName> {
  value: OutputOf<K> | null;
  error: ApiError | null;
  /** Asked and not answered yet (for this input and version); false while the input is null. */
  loading: boolean;
}

export function useProcedure<K extends ProcedureName>(name: K, input: InputOf<K> | null, version = 0): ProcedureState<K> {
  const [value, setValue] = useState<OutputOf<K> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // By content: callers pass a fresh object literal on every render.
  const inputKey = JSON.stringify(input);
  const request = JSON.stringify([name, inputKey, version]);
  const [answered, setAnswered] = useState<string | null>(null);
  useEffect(() => {
    if (inputKey === 'null') return;
    let current = true;
    void call(name, JSON.parse(inputKey) as InputOf<K>).then((result) => {
      if (!current) return;
      setAnswered(JSON.stringify([name, inputKey, version]));
      if (result.ok) {
        setValue(result.value);
        setError(null);
      } else {
        setError(result.error);
      }
    });
    return () => {
      current = false;
    };
  }, [name, inputKey, version]);
  return { value, error, loading: input !== null && answered !== request };
}
