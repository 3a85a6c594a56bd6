import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect } from 'react';
import { account, isTrusted, refreshAccount } from '../../session/session';
import { ConsultList } from '../../components/consult/consult-list';
import { PrivacyHost } from '../../components/privacy-host';
import { usePageView } from '../../privacy/analytics';
import { useConsent } from '../../privacy/use-consent';
import { listConsults } from '../../services/consult';
import { go, routes } from '../../utils/routes';
import './index.css';

/** 咨询 tab: my consultations with their state, doctor, last message and unread count. */
export default function ConsultPage() {
  usePageView('consult');
  const agreed = useConsent().status === 'agreed';
  const state = account.use();
  const trusted = agreed && isTrusted(state);

  const check = useCallback(() => {
    if (agreed) void refreshAccount().catch(() => undefined);
  }, [agreed]);
  useEffect(check, [check]);
  useDidShow(check);

  const fetch = useCallback(
    (cursor: string | undefined) => listConsults({ as: 'patient', ...(cursor ? { cursor } : {}) }),
    [],
  );

  return (
    <View className="page consult-tab">
      {trusted ? (
        <ConsultList
          fetch={fetch}
          role="patient"
          emptyText="还没有咨询记录，去找医生发起图文咨询吧"
        />
      ) : (
        <View className="consult-tab__login">
          <Text className="muted">登录后可以向医生发起图文咨询，并在这里查看咨询记录</Text>
          <Button
            className="btn btn--primary btn--small"
            onClick={() => go(routes.login(routes.consult))}
          >
            登录 / 注册
          </Button>
        </View>
      )}
      <Button
        className="btn btn--small consult-tab__find"
        onClick={() => void Taro.switchTab({ url: routes.home })}
      >
        去找医生
      </Button>
      <PrivacyHost />
    </View>
  );
}
