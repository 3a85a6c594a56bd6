import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import type { AccountState } from '../../contract/user';
import { useConsent } from '../privacy/use-consent';
import { routes } from '../utils/routes';
import { account, isTrusted, refreshAccount } from './session';

/**
 * For a page that only makes sense logged in (账号设置, 登录设备, 实名认证, 个人资料): when
 * there is no trusted login — opened from a link, or logged out meanwhile — 登录 takes
 * this page's place and brings the user back to it. Returns the state once trusted.
 */
export function useAccountPage(self: string): AccountState | null {
  const agreed = useConsent().status === 'agreed';
  const state = account.use();

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      let current: AccountState | null = null;
      if (agreed) {
        try {
          current = account.get() ?? (await refreshAccount());
        } catch {
          // Offline: stay; the page's own request shows the error and a retry.
          return;
        }
      }
      if (!cancelled && !isTrusted(current)) void Taro.redirectTo({ url: routes.login(self) });
    })();
    return () => {
      cancelled = true;
    };
  }, [agreed, self]);

  return isTrusted(state) ? state : null;
}
