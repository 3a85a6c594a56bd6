import Taro from '@tarojs/taro';
import { requirePolicy } from '../../privacy/require-policy';
import { SCOPE_LABELS, SCOPE_PURPOSES, type PermissionResult, type Scope } from './types';
import { CAN_OPEN_SETTINGS, ensure, openSettings } from '.';

/** Which feature needs each scope, for the explanations (CAM, MIC, ALB). */
const FEATURES: Record<Scope, string> = {
  location: '附近的医院和医生',
  camera: '拍照',
  microphone: '视频咨询',
  album: '保存图片',
};

/**
 * A refusal explained, with a way to change it: WeChat's settings page (openSetting), or
 * on H5 where the browser's switch is. Only this feature is unavailable; nothing else is.
 */
export async function explainRefusal(
  scope: Scope,
  feature: string = FEATURES[scope],
): Promise<boolean> {
  const label = SCOPE_LABELS[scope];
  const { confirm } = await Taro.showModal({
    title: `未允许使用${label}`,
    content: `${feature}需要使用${label}，用于${SCOPE_PURPOSES[scope]}。您之前未允许，可在设置中开启；其他功能不受影响。`,
    confirmText: CAN_OPEN_SETTINGS ? '去设置' : '查看方法',
    cancelText: '暂不',
  });
  return confirm ? openSettings(scope) : false;
}

/**
 * The one way features ask for a scope at the moment of use: the policy first, then
 * getSetting → authorize (never re-prompting a "no"), and a refusal explained with a
 * button to the settings. Resolves granted if the user turned it on there. `feature` names
 * what needs it when one scope serves several (the camera: 拍照 and 视频咨询).
 */
export async function askFor(
  scope: Scope,
  feature: string = FEATURES[scope],
): Promise<PermissionResult> {
  if (!(await requirePolicy(feature))) {
    return { status: 'denied', reason: '未同意隐私政策' };
  }
  const result = await ensure(scope, SCOPE_PURPOSES[scope]);
  if (result.status !== 'denied') return result;
  return (await explainRefusal(scope, feature)) ? { status: 'granted' } : result;
}
