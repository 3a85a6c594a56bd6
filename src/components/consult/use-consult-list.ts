import { useCallback, useEffect, useRef, useState } from 'react';
import type { PagedList, PagedListState } from '../../hooks/use-paged-list';
import { toServiceError } from '../../services/errors';
import type { SummaryData } from '../../services/consult';

export type FetchConsults = (cursor: string | undefined) => Promise<{
  items: SummaryData[];
  nextCursor: string | null;
}>;

/**
 * A cursor-paged consult list. `refresh` re-reads the first page quietly — no skeleton —
 * because live events (and, on weapp without a watch, polling every 5 s) call it often.
 */
export function useConsultList(fetch: FetchConsults | null) {
  const [state, setState] = useState<PagedListState<SummaryData>>({
    status: fetch ? 'loading' : 'idle',
    items: [],
    error: null,
    hasMore: false,
    loadingMore: false,
    moreError: null,
  });
  const cursor = useRef<string | null>(null);
  const generation = useRef(0);

  const refresh = useCallback(
    async (quiet: boolean) => {
      if (!fetch) return;
      const mine = ++generation.current;
      if (!quiet) setState((s) => ({ ...s, status: 'loading', error: null }));
      try {
        const res = await fetch(undefined);
        if (mine !== generation.current) return;
        cursor.current = res.nextCursor;
        setState({
          status: 'ready',
          items: res.items,
          error: null,
          hasMore: res.nextCursor !== null,
          loadingMore: false,
          moreError: null,
        });
      } catch (e) {
        if (mine !== generation.current || quiet) return;
        setState((s) => ({ ...s, status: 'error', error: toServiceError(e) }));
      }
    },
    [fetch],
  );

  const loadMore = useCallback(() => {
    if (!fetch || !cursor.current || state.loadingMore) return;
    const mine = generation.current;
    setState((s) => ({ ...s, loadingMore: true, moreError: null }));
    fetch(cursor.current).then(
      (res) => {
        if (mine !== generation.current) return;
        cursor.current = res.nextCursor;
        setState((s) => {
          const seen = new Set(s.items.map((i) => i.id));
          const items = [...s.items, ...res.items.filter((i) => !seen.has(i.id))];
          return { ...s, items, hasMore: res.nextCursor !== null, loadingMore: false };
        });
      },
      (e: unknown) => {
        if (mine !== generation.current) return;
        setState((s) => ({ ...s, loadingMore: false, moreError: toServiceError(e) }));
      },
    );
  }, [fetch, state.loadingMore]);

  useEffect(() => {
    void refresh(false);
  }, [refresh]);

  const list: PagedList<SummaryData> = { ...state, loadMore, reload: () => refresh(false) };
  return { list, refresh };
}
