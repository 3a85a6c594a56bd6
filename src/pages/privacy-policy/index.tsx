import { Button, Text, View } from '@tarojs/components';
import { POLICY_VERSION } from '../../../contract/privacy/policy';
// PrivacyHost first: it brings PolicyView's styles in the same order as every other page.
import { PrivacyHost } from '../../components/privacy-host';
import { PolicyView } from '../../components/policy-view';
import { SupplementView } from '../../components/policy-view/supplement';
import { AGREE_OPEN_TYPE, HAS_PLATFORM_CONTRACT, openContract } from '../../platform/privacy';
import { usePageView } from '../../privacy/analytics';
import { agree } from '../../privacy/consent';
import { useConsent } from '../../privacy/use-consent';
import { formatLocalDate } from '../../utils/format';
import { go, routes } from '../../utils/routes';
import './index.css';

/** Where the user stands, and the way to change it, above the text itself. */
function Status() {
  const consent = useConsent();
  if (consent.status === 'agreed') {
    return (
      <View className="policy-page__status">
        <Text className="policy-page__status-text">
          您已于 {formatLocalDate(consent.at ?? '')} 同意本政策及补充说明（版本 {POLICY_VERSION}）。
        </Text>
        <Button className="btn btn--small" onClick={() => go(routes.privacySettings)}>
          隐私设置
        </Button>
      </View>
    );
  }
  if (consent.status === 'declined') {
    return (
      <View className="policy-page__status">
        <Text className="policy-page__status-text">
          您未同意本政策，目前为仅浏览模式：可以浏览、搜索医院和医生，我们不收集您的个人信息。
        </Text>
        <Button
          id="policy-page-agree"
          className="btn btn--small btn--primary"
          openType={AGREE_OPEN_TYPE}
          onClick={() => void agree()}
        >
          同意
        </Button>
      </View>
    );
  }
  return null;
}

/**
 * 我的 → 设置 → 隐私政策 (POL): the full text and its supplement, always reachable, whatever
 * the user decided.
 */
export default function PrivacyPolicyPage() {
  usePageView('privacy_policy');
  return (
    <View className="page policy-page">
      <Status />
      <View className="policy-page__text">
        <PolicyView />
        <SupplementView />
      </View>
      {HAS_PLATFORM_CONTRACT ? (
        <Text className="policy-page__contract" onClick={() => void openContract()}>
          查看微信《用户隐私保护指引》
        </Text>
      ) : null}
      <PrivacyHost />
    </View>
  );
}
