import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import {
  SENSITIVE_CONSENTS,
  SENSITIVE_CONSENT_IDS,
  type SensitiveConsent,
} from '../../../contract/privacy/sensitive-consents';
import { listConsents, withdrawConsent } from '../../services/privacy';

type Given = Partial<Record<SensitiveConsent, boolean>>;

/**
 * 隐私设置 rows for the separate consents (PIPL art. 29/31, issue 11 points 1, 5): each shows
 * whether it is given and withdraws with one tap and a confirm — as easy as giving it.
 * Rendered only for a caller who agreed to the policy (the server knows nothing otherwise).
 */
export function SensitiveConsentRows() {
  const [given, setGiven] = useState<Given | null>(null);
  useEffect(() => {
    listConsents()
      .then((r) => setGiven({ health: r.current?.health, guardian: r.current?.guardian }))
      .catch(() => setGiven(null));
  }, []);
  if (!given) return null;

  const withdraw = async (item: SensitiveConsent) => {
    const { confirm } = await Taro.showModal({
      title: `撤回${SENSITIVE_CONSENTS[item].title}`,
      content: SENSITIVE_CONSENTS[item].withdrawal,
      confirmText: '撤回',
      cancelText: '取消',
    });
    if (!confirm) return;
    const state = await withdrawConsent({ item });
    setGiven({ health: state.health, guardian: state.guardian });
  };

  return (
    <View className="section">
      <View className="section__title">敏感个人信息单独同意</View>
      <View className="card">
        {SENSITIVE_CONSENT_IDS.map((item) => (
          <View key={item} className="privacy-settings__row">
            <Text>{SENSITIVE_CONSENTS[item].title}</Text>
            <Text className="muted">{given[item] ? '已同意' : '未同意（发起相关咨询时询问）'}</Text>
            {given[item] ? (
              <Button className="btn btn--small" onClick={() => void withdraw(item)}>
                撤回
              </Button>
            ) : null}
          </View>
        ))}
      </View>
    </View>
  );
}
