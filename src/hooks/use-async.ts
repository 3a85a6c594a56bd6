import { useCallback, useEffect, useRef, useState } from 'react';
import { toServiceError, type ServiceError } from '../services/errors';

export type AsyncState<T> =
  | { status: 'idle' | 'loading'; data: null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: null; error: ServiceError };

export type AsyncResource<T> = AsyncState<T> & { reload: () => Promise<void> };

/**
 * Loads one thing. A new `load` identity (wrap it in useCallback) starts over; answers
 * to superseded requests are dropped, so a slow old response never overwrites a new one.
 * `null` means "nothing to load yet".
 */
export function useAsync<T>(load: (() => Promise<T>) | null): AsyncResource<T> {
  const [state, setState] = useState<AsyncState<T>>({
    status: load ? 'loading' : 'idle',
    data: null,
    error: null,
  });
  const generation = useRef(0);

  const run = useCallback(async () => {
    const mine = ++generation.current;
    if (!load) {
      setState({ status: 'idle', data: null, error: null });
      return;
    }
    setState({ status: 'loading', data: null, error: null });
    try {
      const data = await load();
      if (mine === generation.current) setState({ status: 'ready', data, error: null });
    } catch (error) {
      if (mine === generation.current) {
        setState({ status: 'error', data: null, error: toServiceError(error) });
      }
    }
  }, [load]);

  useEffect(() => {
    void run();
  }, [run]);

  return { ...state, reload: run };
}
