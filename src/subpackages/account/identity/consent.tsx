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
    text: '核验您的真实身份，用于在线问诊等依法需要实名的医疗服务。不会用于其他目的。',
  },
  {
    title: '处理方式',
    text: '加密传输、加密存储；页面上只显示遮挡后的姓名和身份证号（如 张*、3101**********1234），照片仅您本人可以查看。',
  },
  {
    title: '保存期限',
    text: '账号存续期间保存；注销账号时一并删除。',
  },
  {
    title: '对您的影响',
    text: '敏感个人信息一旦泄露或被非法使用，可能危害您的人身和财产安全，我们会严格保护。您可以不同意：仅需要实名的服务不可用，浏览、搜索医院和医生等其他功能不受影响。',
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
