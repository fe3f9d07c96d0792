// One export at a time from a screen: start it, follow its progress until it ends, and keep the
// host's answer (a 409 when one of the same kind is already running, or the 5W is not configured).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ExportJob, InputOf } from '../../../api/contract';
import { call } from '../../../api/client';

const POLL_MS = 400;

export interface ExportJobState {
  job: ExportJob | null;
  error: ApiError | null;
  starting: boolean;
  start: (input: InputOf<'exports.create'>) => Promise<ExportJob | null>;
  reset: () => void;
}

export function useExportJob(onFinished?: (job: ExportJob) => void): ExportJobState {
  const [job, setJob] = useState<ExportJob | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [starting, setStarting] = useState(false);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  });

  const jobId = job?.id;
  const running = job?.state === 'running';
  useEffect(() => {
    if (!running || jobId === undefined) return;
    let current = true;
    const timer = window.setInterval(() => {
      void call('exports.status', { jobId }).then((result) => {
        if (!current) return;
        if (!result.ok) {
          setError(result.error);
          return;
        }
        setJob(result.value.job);
        if (result.value.job.state !== 'running') finished.current?.(result.value.job);
      });
    }, POLL_MS);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, [jobId, running]);

  const start = useCallback(async (input: InputOf<'exports.create'>) => {
    setStarting(true);
    setError(null);
    const result = await call('exports.create', input);
    setStarting(false);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    setJob(result.value.job);
    if (result.value.job.state !== 'running') finished.current?.(result.value.job);
    return result.value.job;
  }, []);

  const reset = useCallback(() => {
    setJob(null);
    setError(null);
  }, []);

  return { job, error, starting, start, reset };
}
