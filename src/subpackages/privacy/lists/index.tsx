import { Text, View } from '@tarojs/components';
import { collectedList, sharedList } from '../../../../contract/privacy/lists';
import { ErrorState, ListSkeleton } from '../../../components/list-states';
import { PrivacyHost } from '../../../components/privacy-host';
import { useAsync } from '../../../hooks/use-async';
import { usePageView } from '../../../privacy/analytics';
import { useConsent } from '../../../privacy/use-consent';
import { personalInfoLists } from '../../../services/privacy';
import { CollectedCard, SharedCard } from './rows';
import './index.css';

// The lists are the same for everyone and ship with the page: reading them sends nothing,
// so they are there in browse-only mode too (issue 11 point 3).
const COLLECTED = collectedList();
const SHARED = sharedList();

const loadMine = async () => (await personalInfoLists()).mine;

/**
 * PIPL art. 44: what is kept about this user — categories and counts from the data map,
 * asked of the server only after consent (before it, nothing is kept to count).
 */
function Mine() {
  const agreed = useConsent().status === 'agreed';
  const mine = useAsync(agreed ? loadMine : null);
  if (!agreed) {
    return <Text className="muted">您尚未同意隐私政策：我们没有保存您的个人信息。</Text>;
  }
  if (mine.status === 'error') {
    return <ErrorState error={mine.error} onRetry={() => void mine.reload()} />;
  }
  if (mine.status !== 'ready') return <ListSkeleton rows={2} />;
  if (!mine.data || mine.data.length === 0) {
    return <Text className="muted">目前没有保存与您相关的个人信息记录。</Text>;
  }
  return (
    <View className="info-list__card">
      {mine.data.map((m) => (
        <View key={m.description} className="info-list__mine" data-testid="mine-row">
          <Text className="info-list__value">{m.description}</Text>
          <Text className="info-list__count">{m.count} 条</Text>
        </View>
      ))}
      <Text className="muted">如需副本，可在 我的 → 设置 → 账号设置 → 导出我的数据 获取。</Text>
    </View>
  );
}

/**
 * 隐私设置 → 个人信息清单: the two lists of 工信部信管函〔2021〕292号 — 《已收集个人信息清单》
 * and 《与第三方共享个人信息清单》, generated from the manifest (contract/privacy/lists.ts)
 * like the guide, so neither can drift from the build — and what is kept about me.
 */
export default function PersonalInfoListsPage() {
  usePageView('personal_info_lists');
  return (
    <View className="page info-list">
      <View className="section">
        <View className="section__title">我们保存的您的信息</View>
        <Mine />
      </View>
      <View className="section">
        <View className="section__title">已收集个人信息清单</View>
        {COLLECTED.map((row) => (
          <CollectedCard key={`${row.category}/${row.scene}`} row={row} />
        ))}
      </View>
      <View className="section">
        <View className="section__title">与第三方共享个人信息清单</View>
        {SHARED.map((row) => (
          <SharedCard key={`${row.party}/${row.category}`} row={row} />
        ))}
      </View>
      <PrivacyHost />
    </View>
  );
}
