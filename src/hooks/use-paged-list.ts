import { useCallback, useEffect, useRef, useState } from 'react';
import { toServiceError, type ServiceError } from '../services/errors';

export interface PageResult<T> {
  items: T[];
  hasMore: boolean;
}

export type FetchPage<T> = (page: number) => Promise<PageResult<T>>;

export interface PagedListState<T> {
  /** Of the first page: idle (nothing to fetch), loading, ready, or error. */
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: T[];
  error: ServiceError | null;
  hasMore: boolean;
  loadingMore: boolean;
  /** A later page failed; the items already shown stay. */
  moreError: ServiceError | null;
}

export interface PagedList<T> extends PagedListState<T> {
  loadMore: () => void;
  reload: () => Promise<void>;
}

const fresh = <T>(status: PagedListState<T>['status']): PagedListState<T> => ({
  status,
  items: [],
  error: null,
  hasMore: false,
  loadingMore: false,
  moreError: null,
});

/**
 * Infinite-scroll list over a 1-based paged action. A new `fetchPage` identity (wrap it
 * in useCallback with its filters as deps) restarts from page 1 and drops answers still
 * in flight for the old one; `null` means "nothing to fetch yet" (e.g. empty query).
 */
export function usePagedList<T>(fetchPage: FetchPage<T> | null): PagedList<T> {
  const [state, setState] = useState<PagedListState<T>>(() =>
    fresh(fetchPage ? 'loading' : 'idle'),
  );
  const generation = useRef(0);
  const busy = useRef(false);
  const cursor = useRef({ page: 0, hasMore: false });

  const fetchInto = useCallback(
    async (page: number, mine: number) => {
      if (!fetchPage) return;
      busy.current = true;
      try {
        const result = await fetchPage(page);
        if (mine !== generation.current) return;
        cursor.current = { page, hasMore: result.hasMore };
        setState((s) => ({
          ...s,
          status: 'ready',
          items: page === 1 ? result.items : [...s.items, ...result.items],
          hasMore: result.hasMore,
          loadingMore: false,
        }));
      } catch (error) {
        if (mine !== generation.current) return;
        const err = toServiceError(error);
        setState((s) =>
          page === 1
            ? { ...fresh<T>('error'), error: err }
            : { ...s, loadingMore: false, moreError: err },
        );
      } finally {
        if (mine === generation.current) busy.current = false;
      }
    },
    [fetchPage],
  );

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    cursor.current = { page: 0, hasMore: false };
    busy.current = false;
    setState(fresh(fetchPage ? 'loading' : 'idle'));
    await fetchInto(1, mine);
  }, [fetchPage, fetchInto]);

  const loadMore = useCallback(() => {
    if (busy.current || !cursor.current.hasMore) return;
    setState((s) => ({ ...s, loadingMore: true, moreError: null }));
    void fetchInto(cursor.current.page + 1, generation.current);
  }, [fetchInto]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { ...state, loadMore, reload };
}
