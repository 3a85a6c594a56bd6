import { Button, ScrollView, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { OPTIONAL_CONSENTS, type OptionalConsent } from '../../../contract/privacy/consent-items';
import { AGREE_OPEN_TYPE } from '../../platform/privacy';
import { agree, decline } from '../../privacy/consent';
import { answerWxPrivacy, wxPrivacy } from '../../privacy/wx-privacy';
import { ConsentSwitch } from '../consent-switch';
import { PolicyView } from '../policy-view';
import { SupplementView } from '../policy-view/supplement';
import { Sheet } from '../sheet';
import './index.css';

export const CONSENT_AGREE_ID = 'consent-agree';

/**
 * POL, first launch (or a new version of the policy or its supplement, issue 11 point 10):
 * the whole policy and the supplement with 同意 and 不同意, two
 * real choices. The optional consents (DEV, SDK) start off; nothing is pre-ticked.
 * On WeChat 同意 is also the platform's agreePrivacyAuthorization button.
 */
export function ConsentSheet() {
  // Every optional consent starts off: nothing is pre-ticked.
  const [choices, setChoices] = useState(
    () =>
      Object.fromEntries(Object.keys(OPTIONAL_CONSENTS).map((k) => [k, false])) as Record<
        OptionalConsent,
        boolean
      >,
  );
  const pending = wxPrivacy.use().request;

  const onAgree = () => {
    void agree(choices);
    if (pending) answerWxPrivacy(true, CONSENT_AGREE_ID);
  };
  const onDecline = () => {
    decline();
    if (pending) answerWxPrivacy(false, CONSENT_AGREE_ID);
  };

  return (
    <Sheet
      title="个人信息保护提示"
      className="consent-sheet"
      actions={
        <>
          <Button className="btn consent-sheet__decline" onClick={onDecline}>
            不同意
          </Button>
          <Button
            id={CONSENT_AGREE_ID}
            className="btn btn--primary consent-sheet__agree"
            openType={AGREE_OPEN_TYPE}
            onClick={onAgree}
          >
            同意
          </Button>
        </>
      }
    >
      <Text className="sheet__text">
        请阅读《上海助医用户隐私政策协议》及《隐私政策补充说明》全文。同意后可使用附近推荐等全部功能；不同意也可以浏览、搜索医院和医生，我们不会收集您的个人信息。
      </Text>
      <ScrollView scrollY className="consent-sheet__policy">
        <PolicyView />
        <SupplementView />
      </ScrollView>
      <View className="consent-sheet__options">
        <Text className="consent-sheet__options-title">
          可选授权（默认关闭，可随时在 我的 → 设置 → 隐私设置 中更改）
        </Text>
        {(Object.keys(OPTIONAL_CONSENTS) as OptionalConsent[]).map((key) => (
          <ConsentSwitch
            key={key}
            label={OPTIONAL_CONSENTS[key].label}
            purpose={OPTIONAL_CONSENTS[key].purpose}
            checked={choices[key]}
            onChange={(on) => setChoices((c) => ({ ...c, [key]: on }))}
          />
        ))}
      </View>
    </Sheet>
  );
}
