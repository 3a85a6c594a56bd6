import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  OPTIONAL_CONSENTS,
  THIRD_PARTY_SERVICES,
  type OptionalConsent,
  type ThirdPartyService,
} from '../../../contract/privacy/consent-items';
import { ConsentSwitch } from '../../components/consent-switch';
import { readDevice } from '../../platform/device';
import { describeDevice } from '../../platform/device/types';
import { setConsentItem, type ConsentItem } from '../../privacy/consent';
import { useConsent } from '../../privacy/use-consent';

async function change(item: ConsentItem, on: boolean) {
  // Effective on this phone at once; the server is told now or at the next launch.
  const reported = await setConsentItem(item, on);
  if (!reported) {
    void Taro.showToast({ title: '已在本机生效，网络恢复后自动同步', icon: 'none' });
  }
}

/** DEV, SDK, TPS: each optional consent with its state and a switch — off as easily as on. */
export function OptionalConsents() {
  const consent = useConsent();
  const agreed = consent.status === 'agreed';
  // Read only while the consent is on (readDevice checks it too): shows what would be recorded.
  const device = consent.items.device ? readDevice() : null;
  return (
    <View className="section">
      <View className="section__title">可选授权</View>
      <View className="card">
        {!agreed ? <Text className="muted">同意隐私政策后才能开启以下授权。</Text> : null}
        {(Object.keys(OPTIONAL_CONSENTS) as OptionalConsent[]).map((key) => (
          <ConsentSwitch
            key={key}
            label={OPTIONAL_CONSENTS[key].label}
            purpose={OPTIONAL_CONSENTS[key].purpose}
            checked={consent.items[key]}
            disabled={!agreed}
            onChange={(on) => void change(key, on)}
          />
        ))}
        {device ? <Text className="muted">本机：{describeDevice(device)}</Text> : null}
        {(Object.keys(THIRD_PARTY_SERVICES) as ThirdPartyService[]).map((key) => (
          <ConsentSwitch
            key={key}
            label={`第三方服务：${THIRD_PARTY_SERVICES[key].label}`}
            purpose={`${THIRD_PARTY_SERVICES[key].purpose}；关闭仅影响${THIRD_PARTY_SERVICES[key].feature}`}
            checked={consent.items.thirdParty[key]}
            disabled={!agreed}
            onChange={(on) => void change(`thirdParty.${key}`, on)}
          />
        ))}
      </View>
    </View>
  );
}
