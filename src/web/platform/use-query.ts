import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Query } from '../api.ts';

export type QueryState<T> = {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Fetch again with the same path and query (after a save). */
  reload: () => void;
};

/**
 * GET `path` with `query` and refetch whenever either changes; `path` null skips the request.
 * Earlier in-flight requests are aborted so a slow answer never overwrites a newer one.
 */
export function useQuery<T>(path: string | null, query?: Query): QueryState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);
  // Serialised so callers may pass a fresh object literal on each render.
  const queryKey = JSON.stringify(query ?? {});

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    api
      .get<T>(path, JSON.parse(queryKey) as Query, { signal: controller.signal })
      .then((result) => {
        setData(result);
        setError(undefined);
      })
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, queryKey, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, error, loading, reload };
}

/** Wraps an async action with a busy flag; the returned promise never rejects (errors go to `onError`). */
export function useAction<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
  onError: (error: unknown) => void,
): [(...args: A) => Promise<R | undefined>, boolean] {
  const [running, setRunning] = useState(false);
  const latest = useRef({ action, onError });
  latest.current = { action, onError };
  const run = useCallback(async (...args: A) => {
    setRunning(true);
    try {
      return await latest.current.action(...args);
    } catch (error) {
      latest.current.onError(error);
      return undefined;
    } finally {
      setRunning(false);
    }
  }, []);
  return [run, running];
}
