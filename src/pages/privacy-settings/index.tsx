import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PrivacyHost } from '../../components/privacy-host';
import { SensitiveConsentRows } from '../../components/sensitive-consent/settings';
import { AGREE_OPEN_TYPE } from '../../platform/privacy';
import { usePageView } from '../../privacy/analytics';
import { agree, withdrawPolicy } from '../../privacy/consent';
import { useConsent } from '../../privacy/use-consent';
import { go, routes } from '../../utils/routes';
import { OptionalConsents } from './consents';
import { SystemPermissions } from './permissions';
import './index.css';

async function confirmWithdraw() {
  const { confirm } = await Taro.showModal({
    title: '撤回隐私政策同意',
    content:
      '撤回后进入仅浏览模式：仍可浏览、搜索医院和医生，但不再使用位置等个人信息，设备信息、统计分析和第三方服务授权一并关闭。',
    confirmText: '撤回',
    cancelText: '取消',
  });
  if (confirm) await withdrawPolicy();
}

function PolicyState() {
  const consent = useConsent();
  const agreed = consent.status === 'agreed';
  return (
    <View className="section">
      <View className="section__title">隐私政策</View>
      <View className="card">
        <Text className="privacy-settings__state">
          {agreed ? '已同意隐私政策' : '未同意隐私政策（仅浏览模式）'}
        </Text>
        {!consent.synced ? <Text className="muted">尚未同步到服务器，将自动重试</Text> : null}
        <View className="privacy-settings__actions">
          <Button className="btn btn--small" onClick={() => go(routes.privacyPolicy)}>
            阅读隐私政策
          </Button>
          <Button className="btn btn--small" onClick={() => go(routes.personalInfoLists)}>
            个人信息清单
          </Button>
          {agreed ? (
            <Button
              className="btn btn--small privacy-settings__withdraw"
              onClick={() => void confirmWithdraw()}
            >
              撤回隐私政策同意
            </Button>
          ) : (
            <Button
              id="privacy-settings-agree"
              className="btn btn--small btn--primary"
              openType={AGREE_OPEN_TYPE}
              onClick={() => void agree()}
            >
              同意隐私政策
            </Button>
          )}
        </View>
      </View>
    </View>
  );
}

/** 我的 → 设置 → 隐私设置: every consent and permission, its state, and how to change it. */
export default function PrivacySettingsPage() {
  usePageView('privacy_settings');
  const agreed = useConsent().status === 'agreed';
  return (
    <View className="page privacy-settings">
      <PolicyState />
      <OptionalConsents />
      {agreed ? <SensitiveConsentRows /> : null}
      <SystemPermissions />
      <PrivacyHost />
    </View>
  );
}
