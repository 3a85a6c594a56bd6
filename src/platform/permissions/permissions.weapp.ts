import Taro from '@tarojs/taro';
import {
  SCOPE_LABELS,
  WEAPP_SCOPES,
  type PermissionResult,
  type PermissionState,
  type Scope,
} from './types';

async function authSetting(): Promise<Record<string, boolean | undefined>> {
  const setting = await Taro.getSetting();
  return setting.authSetting as Record<string, boolean | undefined>;
}

const refused = (scope: Scope, purpose: string): PermissionResult => ({
  status: 'denied',
  reason: `您未允许使用${SCOPE_LABELS[scope]}（${purpose}）`,
});

/**
 * Asks for a scope only if the user was never asked (LOC, CAM, MIC, ALB): getSetting →
 * authorize. A previous "no" is respected — we never prompt again; the caller explains
 * and offers openSettings() instead.
 */
export async function ensure(scope: Scope, purpose: string): Promise<PermissionResult> {
  const name = WEAPP_SCOPES[scope];
  let granted: boolean | undefined;
  try {
    granted = (await authSetting())[name];
  } catch {
    return { status: 'error', reason: `无法读取${SCOPE_LABELS[scope]}授权状态` };
  }
  if (granted === true) return { status: 'granted' };
  if (granted === false) return refused(scope, purpose);
  try {
    await Taro.authorize({ scope: name });
    return { status: 'granted' };
  } catch {
    return refused(scope, purpose);
  }
}

/** The current state without asking anything (隐私设置 lists it). */
export async function check(scope: Scope): Promise<PermissionState> {
  try {
    const granted = (await authSetting())[WEAPP_SCOPES[scope]];
    if (granted === undefined) return 'prompt';
    return granted ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}

/** Opens WeChat's settings page; resolves with whether the scope is granted afterwards. */
export async function openSettings(scope: Scope): Promise<boolean> {
  try {
    const res = await Taro.openSetting();
    return (res.authSetting as Record<string, boolean | undefined>)[WEAPP_SCOPES[scope]] === true;
  } catch {
    return false;
  }
}

/** WeChat has a settings page to send the user to. */
export const CAN_OPEN_SETTINGS: boolean = true;
