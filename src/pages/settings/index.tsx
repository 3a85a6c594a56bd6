import { View } from '@tarojs/components';
import { requireLogin } from '../../session/require-login';
import { Menu } from '../../components/menu';
import { PrivacyHost } from '../../components/privacy-host';
import { useConsent } from '../../privacy/use-consent';
import { go, routes } from '../../utils/routes';

const STATUS_NOTE = { agreed: '已同意', declined: '未同意', undecided: '' } as const;

/** Account settings need a login (REG): 登录 first, then straight on to them. */
const openAccountSettings = () =>
  void requireLogin(routes.accountSettings).then((ok) => {
    if (ok) go(routes.accountSettings);
  });

/**
 * 我的 → 设置: the policy and the privacy settings are always one tap from here (POL), and
 * 账号设置 (devices, real-name verification, logout, deletion) one more.
 */
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
      <Menu items={[{ title: '账号设置', onClick: openAccountSettings }]} />
      <PrivacyHost />
    </View>
  );
}
