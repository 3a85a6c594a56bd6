import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { requireLogin } from '../../session/require-login';
import { account, refreshAccount } from '../../session/session';
import { Menu } from '../../components/menu';
import { PrivacyHost } from '../../components/privacy-host';
import { usePageView } from '../../privacy/analytics';
import { useConsent } from '../../privacy/use-consent';
import { toServiceError, type ServiceError } from '../../services/errors';
import { go, routes } from '../../utils/routes';
import { MineHeader } from './header';
import './index.css';

/**
 * 我的 (REG): who is logged in, or a way to log in; the menu says honestly which features
 * are not there yet; 设置 leads to the policy, privacy and account settings (POL: ≤ 4 taps).
 * In browse-only mode nothing about an account is asked of the server.
 */
export default function MinePage() {
  usePageView('mine');
  const agreed = useConsent().status === 'agreed';
  const state = account.use();
  const [error, setError] = useState<ServiceError | null>(null);

  const load = useCallback(() => {
    if (!agreed) return;
    refreshAccount().then(
      () => setError(null),
      (e: unknown) => setError(toServiceError(e)),
    );
  }, [agreed]);
  useEffect(load, [load]);
  // Back from 登录 or 个人资料: show what changed there.
  useDidShow(load);

  const openAccountPage = (url: string) =>
    void requireLogin(url).then((ok) => {
      if (ok) go(url);
    });
  const openProfile = () => openAccountPage(routes.profile);

  return (
    <View className="page mine">
      <MineHeader
        state={agreed ? state : null}
        error={agreed ? error : null}
        onLogin={() => go(routes.login(routes.mine))}
        onProfile={openProfile}
        onRetry={load}
      />
      <Menu
        items={[
          // The 咨询 tab lists them; 我的 only leads there.
          { title: '我的咨询', onClick: () => void Taro.switchTab({ url: routes.consult }) },
          { title: '我的预约', onClick: () => openAccountPage(routes.myAppointments) },
          { title: '我的病历', onClick: () => openAccountPage(routes.records()) },
          { title: '就诊人管理', onClick: () => openAccountPage(routes.patients) },
          { title: '客服与反馈', onClick: () => go(routes.support) },
        ]}
      />
      <Menu
        items={[
          { title: '医生工作台', onClick: () => go(routes.workbench) },
          { title: '设置', onClick: () => go(routes.settings) },
        ]}
      />
      <PrivacyHost />
    </View>
  );
}
