import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { PagedList } from '../../hooks/use-paged-list';
import { EmptyState, ErrorState, ListFooter, ListSkeleton } from '../list-states';

interface Props<T> {
  list: PagedList<T>;
  renderItem: (item: T) => ReactNode;
  keyOf: (item: T) => string;
  emptyText: string;
  skeletonRows?: number;
}

/** Every paged list looks the same in every state: skeleton, error + 重试, empty, items + footer. */
export function PagedListView<T>({ list, renderItem, keyOf, emptyText, skeletonRows }: Props<T>) {
  if (list.status === 'idle') return null;
  if (list.status === 'loading') return <ListSkeleton rows={skeletonRows} />;
  if (list.status === 'error' && list.error) {
    return <ErrorState error={list.error} onRetry={() => void list.reload()} />;
  }
  if (list.items.length === 0) return <EmptyState text={emptyText} />;
  return (
    <View>
      {list.items.map((item) => (
        <View key={keyOf(item)}>{renderItem(item)}</View>
      ))}
      <ListFooter
        loadingMore={list.loadingMore}
        moreError={list.moreError}
        hasMore={list.hasMore}
        onRetry={list.loadMore}
      />
    </View>
  );
}
