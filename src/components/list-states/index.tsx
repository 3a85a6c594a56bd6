import { Button, Text, View } from '@tarojs/components';
import type { ServiceError } from '../../services/errors';
import './index.css';

/** Grey placeholder rows shown while the first page loads. */
export function ListSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <View className="list-skeleton" aria-busy="true" aria-label="加载中">
      {Array.from({ length: rows }, (_, i) => (
        <View key={i} className="list-skeleton__row">
          <View className="list-skeleton__line list-skeleton__line--wide" />
          <View className="list-skeleton__line" />
        </View>
      ))}
    </View>
  );
}

export function EmptyState({ text }: { text: string }) {
  return (
    <View className="list-state">
      <Text className="list-state__text">{text}</Text>
    </View>
  );
}

/** What went wrong, in the server's words when it gave any, and a way to try again. */
export function ErrorState({ error, onRetry }: { error: ServiceError; onRetry: () => void }) {
  return (
    <View className="list-state">
      <Text className="list-state__text">{error.message || '加载失败'}</Text>
      <Button className="btn btn--small list-state__retry" onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}

interface FooterProps {
  loadingMore: boolean;
  moreError: ServiceError | null;
  hasMore: boolean;
  onRetry: () => void;
}

/** Below a non-empty list: loading the next page, its failure, or the end. */
export function ListFooter({ loadingMore, moreError, hasMore, onRetry }: FooterProps) {
  if (loadingMore) return <Text className="list-footer">加载中…</Text>;
  if (moreError) {
    return (
      <Text className="list-footer list-footer--error" onClick={onRetry}>
        加载失败，点击重试
      </Text>
    );
  }
  return <Text className="list-footer">{hasMore ? '上拉加载更多' : '没有更多了'}</Text>;
}
