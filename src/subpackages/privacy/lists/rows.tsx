import { Text, View } from '@tarojs/components';
import type { CollectedRow, SharedRow } from '../../../../contract/privacy/lists';

function Line({ label, value }: { label: string; value: string }) {
  return (
    <View className="info-list__line">
      <Text className="info-list__label">{label}</Text>
      <Text className="info-list__value">{value}</Text>
    </View>
  );
}

/** One row of 《已收集个人信息清单》: 信息种类、使用目的、使用场景, and who collects it. */
export function CollectedCard({ row }: { row: CollectedRow }) {
  return (
    <View className="info-list__card" data-testid="collected-row">
      <View className="info-list__head">
        <Text className="info-list__category">{row.category}</Text>
        {row.sensitive ? <Text className="badge info-list__sensitive">敏感个人信息</Text> : null}
      </View>
      <Line label="使用目的" value={row.purpose} />
      <Line label="使用场景" value={row.scene} />
      <Line label="收集方" value={row.sdk ?? '上海助医小程序'} />
      <Line label="保存期限" value={row.retention} />
    </View>
  );
}

const ROLE: Record<SharedRow['role'], string> = {
  委托处理: '委托处理',
  提供: '向第三方提供',
};

/** One row of 《与第三方共享个人信息清单》: the same, plus the party and 共享方式. */
export function SharedCard({ row }: { row: SharedRow }) {
  return (
    <View className="info-list__card" data-testid="shared-row">
      <View className="info-list__head">
        <Text className="info-list__category">{row.party}</Text>
        <Text className="badge info-list__role">{ROLE[row.role]}</Text>
      </View>
      <Line label="共享信息" value={row.category} />
      <Line label="使用目的" value={row.purpose} />
      <Line label="使用场景" value={row.scene} />
      <Line label="共享方式" value={row.method} />
      <Line label="适用情形" value={row.applies} />
    </View>
  );
}
