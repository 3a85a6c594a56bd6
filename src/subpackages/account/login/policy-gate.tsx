import { Button, Text, View } from '@tarojs/components';
import { AGREE_OPEN_TYPE } from '../../../platform/privacy';
import { agree } from '../../../privacy/consent';
import { go, routes } from '../../../utils/routes';

/**
 * REG, POL: an account means a phone number, so 登录 needs the policy. A browse-only user
 * is offered it again here — and may just as well go back to browsing.
 */
export function PolicyGate() {
  return (
    <View className="account-card login__gate">
      <Text className="account-card__title">登录前请先同意隐私政策</Text>
      <Text className="account-card__text">
        注册和登录需要处理您的手机号等个人信息。您尚未同意《上海助医用户隐私政策协议》，目前只能浏览、搜索医院和医生。
      </Text>
      <View className="account-card__actions">
        <Button className="btn btn--small" onClick={() => go(routes.privacyPolicy)}>
          阅读隐私政策
        </Button>
        <Button
          id="login-agree"
          className="btn btn--small btn--primary"
          openType={AGREE_OPEN_TYPE}
          onClick={() => void agree()}
        >
          同意并继续
        </Button>
      </View>
    </View>
  );
}
