import Taro from '@tarojs/taro';
import { SCOPE_LABELS, type PermissionResult, type Scope } from './permission-types';

const WEAPP_SCOPES: Record<Scope, string> = { location: 'scope.userLocation' };

/**
 * Asks for a scope only if the user was never asked (LOC, CAM…): WeChat shows the
 * purpose from app.config's `permission` entry. A previous "no" is respected — we do
 * not prompt again; the page explains and offers openSettings() instead.
 */
export async function ensure(scope: Scope, purpose: string): Promise<PermissionResult> {
  const name = WEAPP_SCOPES[scope];
  let granted: boolean | undefined;
  try {
    const setting = await Taro.getSetting();
    granted = (setting.authSetting as Record<string, boolean | undefined>)[name];
  } catch {
    return { status: 'error', reason: `无法读取${SCOPE_LABELS[scope]}授权状态` };
  }
  if (granted === true) return { status: 'granted' };
  if (granted === false) {
    return { status: 'denied', reason: `您未允许使用${SCOPE_LABELS[scope]}（${purpose}）` };
  }
  try {
    await Taro.authorize({ scope: name });
    return { status: 'granted' };
  } catch {
    return { status: 'denied', reason: `您未允许使用${SCOPE_LABELS[scope]}（${purpose}）` };
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
