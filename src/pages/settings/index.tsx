import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Menu } from '../../components/menu';
import { PrivacyHost } from '../../components/privacy-host';
import { useConsent } from '../../privacy/use-consent';
import { go, routes } from '../../utils/routes';

const STATUS_NOTE = { agreed: '已同意', declined: '未同意', undecided: '' } as const;

/** 我的 → 设置: the policy and the privacy settings are always one tap from here (POL). */
export default function SettingsPage() {
  const { status } = useConsent();
  return (
    <View className="page settings">
      <Menu
        items={[
          {
            title: '隐私政策',
            note: STATUS_NOTE[status],
            onClick: () => go(routes.privacyPolicy),
          },
          { title: '隐私设置', onClick: () => go(routes.privacySettings) },
        ]}
      />
      <Menu
        items={[
          {
            title: '账号设置',
            note: '即将上线',
            onClick: () => void Taro.showToast({ title: '账号设置即将上线', icon: 'none' }),
          },
        ]}
      />
      <PrivacyHost />
    </View>
  );
}
