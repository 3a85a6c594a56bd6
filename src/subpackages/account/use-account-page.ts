import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { AccountState } from '../../../contract/user';
import { useConsent } from '../../privacy/use-consent';
import { routes } from '../../utils/routes';
import { isTopPage } from '../../session/require-login';
import { account, isTrusted, refreshAccount } from '../../session/session';

/**
 * For a page that only makes sense logged in (账号设置, 登录设备, 实名认证, 个人资料): when
 * there is no trusted login — opened from a link, or logged out meanwhile — 登录 takes
 * this page's place and brings the user back to it. Returns the state once trusted. While
 * another page is on top of it (注销账号 forgets the login there) it waits until shown again.
 */
export function useAccountPage(self: string): AccountState | null {
  const agreed = useConsent().status === 'agreed';
  const state = account.use();
  const [shown, setShown] = useState(0);
  useDidShow(() => setShown((n) => n + 1));

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
      if (!cancelled && !isTrusted(current) && isTopPage(self))
        void Taro.redirectTo({ url: routes.login(self) });
    })();
    return () => {
      cancelled = true;
    };
  }, [agreed, self, shown]);

  return isTrusted(state) ? state : null;
}
