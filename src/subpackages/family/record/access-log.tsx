import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import { useAsync } from '../../../hooks/use-async';
import { recordAccessLog } from '../../../services/records';
import { formatLocalDateTime } from '../../../utils/format';

/** SEC, PIPL art. 44: every time a doctor opened this record (or one of its files) through a share. */
export function AccessLog({ recordId }: { recordId: string }) {
  const load = useCallback(() => recordAccessLog({ recordId }), [recordId]);
  const log = useAsync(load);
  return (
    <View className="section">
      <View className="section__title">查看记录</View>
      {log.status === 'error' ? (
        <Text className="muted" onClick={() => void log.reload()}>
          查看记录加载失败，点击重试
        </Text>
      ) : log.status !== 'ready' ? (
        <Text className="muted">加载中…</Text>
      ) : log.data.items.length === 0 ? (
        <Text className="muted">还没有医生通过分享查看过这份病历</Text>
      ) : (
        log.data.items.map((e) => (
          <Text key={e.id} className="family-card__text" data-testid="access-entry">
            {formatLocalDateTime(e.at)} {e.doctor.name}医生查看了
            {e.what === 'record' ? '病历' : '附件'}
          </Text>
        ))
      )}
    </View>
  );
}
