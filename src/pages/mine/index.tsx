import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Menu } from '../../components/menu';
import { PrivacyHost } from '../../components/privacy-host';
import { usePageView } from '../../privacy/analytics';
import { go, routes } from '../../utils/routes';
import './index.css';

const soon = (title: string) => ({
  title,
  note: '即将上线',
  onClick: () => void Taro.showToast({ title: `${title}即将上线`, icon: 'none' }),
});

/**
 * 我的: account features are honestly not there yet (browsing never needs an account,
 * REG); 设置 is, and from it the policy and the privacy settings (POL: ≤ 4 taps).
 */
export default function MinePage() {
  usePageView('mine');
  return (
    <View className="page mine">
      <View className="mine__head">
        <View className="mine__avatar">
          <Text>未</Text>
        </View>
        <View className="mine__who">
          <Text className="mine__name">未登录</Text>
          <Text className="muted">登录功能即将上线；浏览和搜索医院、医生无需登录</Text>
        </View>
      </View>
      <Menu items={[soon('就诊人'), soon('我的预约'), soon('我的订单'), soon('个人病历')]} />
      <Menu items={[{ title: '设置', onClick: () => go(routes.settings) }]} />
      <PrivacyHost />
    </View>
  );
}
