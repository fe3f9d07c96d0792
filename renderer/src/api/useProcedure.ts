// A screen's data from one procedure: asked when the screen opens and again whenever `version`
// changes (after the screen wrote something). An answer that comes after the screen moved on
// (closed, or asked again) is dropped; after a failure the last answer stays beside the error.
import { useEffect, useState } from 'react';
import { call } from './client';
import type { ApiError, InputOf, OutputOf, ProcedureName } from './contract';

export function useProcedure<K extends ProcedureName>(name: K, input: InputOf<K>, version = 0): { value: OutputOf<K> | null; error: ApiError | null } {
  const [value, setValue] = useState<OutputOf<K> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // By content: callers pass a fresh object literal on every render.
  const inputKey = JSON.stringify(input);
  useEffect(() => {
    let current = true;
    void call(name, JSON.parse(inputKey) as InputOf<K>).then((result) => {
      if (!current) return;
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
  return { value, error };
}
