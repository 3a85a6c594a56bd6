import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { logout } from '../../../session/session';
import { useAccountPage } from '../use-account-page';
import { ListSkeleton } from '../../../components/list-states';
import { Menu } from '../../../components/menu';
import { PrivacyHost } from '../../../components/privacy-host';
import { toServiceError } from '../../../services/errors';
import { go, routes } from '../../../utils/routes';
import '../account.css';

async function confirmLogout(): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '退出登录',
    content: '退出后仍可浏览医院和医生；咨询、实名认证等需要重新登录。您的账号和资料会保留。',
    confirmText: '退出登录',
    cancelText: '取消',
  });
  return confirm;
}

/**
 * 我的 → 设置 → 账号设置 (DEV, IDV, DEL): login devices, real-name verification, a copy of
 * one's data, account deletion, and logout.
 */
export default function AccountSettingsPage() {
  const state = useAccountPage(routes.accountSettings);
  const [busy, setBusy] = useState(false);

  const onLogout = async () => {
    if (busy || !(await confirmLogout())) return;
    setBusy(true);
    try {
      await logout();
      void Taro.showToast({ title: '已退出登录', icon: 'none' });
      void Taro.switchTab({ url: routes.mine });
    } catch (error) {
      void Taro.showToast({ title: toServiceError(error).message, icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page account-settings">
      {state ? (
        <>
          <Menu
            items={[
              { title: '个人资料', onClick: () => go(routes.profile) },
              { title: '登录设备', onClick: () => go(routes.devices) },
              { title: '实名认证', onClick: () => go(routes.identity) },
            ]}
          />
          <Menu
            items={[
              { title: '导出我的数据', onClick: () => go(routes.exportData) },
              { title: '注销账号', onClick: () => go(routes.deleteAccount) },
            ]}
          />
          <Button
            className="btn btn--block btn--danger account-settings__logout"
            disabled={busy}
            onClick={() => void onLogout()}
          >
            退出登录
          </Button>
        </>
      ) : (
        <ListSkeleton rows={3} />
      )}
      <PrivacyHost />
    </View>
  );
}
