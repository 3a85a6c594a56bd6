import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { CheckRow } from '../../../components/check-row';

/**
 * IDV, PIPL art. 28–30: sensitive personal information is processed only with a separate
 * consent, after the user is told what, why, how, for how long, and what refusing costs.
 * The tick starts empty; only the user's tap sets it.
 */
const RULES: Array<{ title: string; text: string }> = [
  {
    title: '处理的信息',
    text: '您的真实姓名、身份证号码、身份证照片和人脸照片。以上均属于敏感个人信息。',
  },
  {
    title: '处理目的',
    text: '用于实名预约挂号：核验通过后，您本人将自动成为您的就诊人（本人），预约时直接选择，无需再次填写姓名和证件。图文咨询等问诊服务不需要实名认证。不会用于其他目的。',
  },
  {
    title: '处理方式',
    text: '加密传输；照片仅交给核验服务比对，核验有结果后（无论是否通过）立即删除，不保存、不可查看。姓名和身份证号加密存储，页面上只显示遮挡后的内容（如 张*、3101**********1234）。',
  },
  {
    title: '保存期限',
    text: '证件照和人脸照：核验后立即删除。姓名、身份证号、核验结果和时间：账号存续期间保存，注销账号时一并删除。',
  },
  {
    title: '对您的影响',
    text: '敏感个人信息一旦泄露或被非法使用，可能危害您的人身和财产安全，我们会严格保护。您可以不同意：仅实名预约不可用，图文咨询、浏览和搜索医院与医生等功能不受影响。',
  },
];

export function SensitiveConsent({ onAgree }: { onAgree: () => void }) {
  const [ticked, setTicked] = useState(false);
  return (
    <View className="account-card identity-consent">
      <Text className="account-card__title">敏感个人信息处理规则</Text>
      {RULES.map((rule) => (
        <View key={rule.title} className="identity-consent__rule">
          <Text className="identity-consent__rule-title">{rule.title}</Text>
          <Text className="account-card__text">{rule.text}</Text>
        </View>
      ))}
      <CheckRow checked={ticked} onChange={setTicked}>
        我已阅读并单独同意《敏感个人信息处理规则》，同意上海助医为实名认证处理我的上述信息
      </CheckRow>
      <Button
        className="btn btn--primary identity-consent__agree"
        disabled={!ticked}
        // The tick, not the button's look, decides: a disabled button is not a guarantee.
        onClick={() => {
          if (ticked) onAgree();
        }}
      >
        同意并继续
      </Button>
    </View>
  );
}
