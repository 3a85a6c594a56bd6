import { useCallback, useRef } from 'react';
import { usePagedList, type PagedList } from '../../../hooks/use-paged-list';
import { listRecords, type RecordSummaryData } from '../../../services/records';

/**
 * One 就诊人's records, newest first, over the cursor-paged list action: page n is fetched
 * with the cursor page n − 1 answered (usePagedList asks for pages in order).
 */
export function useRecords(patientId: string | null): PagedList<RecordSummaryData> {
  const cursors = useRef<Record<number, string>>({});
  const fetchPage = useCallback(
    async (page: number) => {
      if (!patientId) return { items: [], hasMore: false };
      if (page === 1) cursors.current = {};
      const cursor = page > 1 ? cursors.current[page] : undefined;
      const res = await listRecords({ patientId, ...(cursor ? { cursor } : {}) });
      if (res.nextCursor) cursors.current[page + 1] = res.nextCursor;
      return { items: res.items, hasMore: res.nextCursor !== null };
    },
    [patientId],
  );
  return usePagedList(patientId ? fetchPage : null);
}
