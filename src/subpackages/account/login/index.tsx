import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import type { AccountState } from '../../../../contract/user';
import { finishLogin, readRedirect } from '../../../session/require-login';
import { account, isTrusted, needsDeviceCheck, refreshAccount } from '../../../session/session';
import { PrivacyHost } from '../../../components/privacy-host';
import { usePageView } from '../../../privacy/analytics';
import { useConsent } from '../../../privacy/use-consent';
import { PolicyGate } from './policy-gate';
import { SmsLogin } from './sms-login';
import { VerifyDevice } from './verify-device';
import '../account.css';
import './index.css';

/**
 * 登录 (REG, DEV): the policy first, then phone + SMS code (or WeChat's one-tap phone), then —
 * for a device the account has not used — the new-device check; finally back to the page
 * that sent the user here (`redirect`).
 */
export default function LoginPage() {
  usePageView('login');
  const redirect = readRedirect(useRouter().params.redirect);
  const agreed = useConsent().status === 'agreed';
  const state = account.use();

  useEffect(() => {
    // A pending new-device check is picked up even when 登录 was opened directly.
    if (agreed) void refreshAccount().catch(() => undefined);
  }, [agreed]);

  const done = (next: AccountState) => {
    if (!isTrusted(next)) return;
    void Taro.showToast({ title: '登录成功', icon: 'success' });
    finishLogin(redirect);
  };

  let body;
  if (!agreed) body = <PolicyGate />;
  else if (needsDeviceCheck(state)) body = <VerifyDevice onDone={done} />;
  else if (isTrusted(state) && state?.profile) {
    body = (
      <View className="account-card">
        <Text className="account-card__title">已登录</Text>
        <Text className="account-card__text">当前账号：{state.profile.phoneMasked}</Text>
        <View className="account-card__actions">
          <Button className="btn btn--small btn--primary" onClick={() => finishLogin(redirect)}>
            继续
          </Button>
        </View>
      </View>
    );
  } else body = <SmsLogin onDone={done} />;

  return (
    <View className="page login-page">
      {body}
      <PrivacyHost />
    </View>
  );
}
