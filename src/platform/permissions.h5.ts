import Taro from '@tarojs/taro';
import { SCOPE_LABELS, type PermissionResult, type Scope } from './permission-types';

type BrowserState = 'granted' | 'denied' | 'prompt' | 'unknown';

async function queryState(name: 'geolocation'): Promise<BrowserState> {
  const permissions = typeof navigator !== 'undefined' ? navigator.permissions : undefined;
  if (!permissions?.query) return 'unknown';
  try {
    return (await permissions.query({ name })).state;
  } catch {
    return 'unknown';
  }
}

/**
 * Browser counterpart of the weapp helper. The browser owns the prompt (shown on first
 * use), so this only rules out what cannot work: no API, or a remembered "block".
 */
export async function ensure(scope: Scope, purpose: string): Promise<PermissionResult> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) {
    return { status: 'unavailable', reason: `当前浏览器不支持${SCOPE_LABELS[scope]}` };
  }
  if ((await queryState('geolocation')) === 'denied') {
    return { status: 'denied', reason: `您未允许使用${SCOPE_LABELS[scope]}（${purpose}）` };
  }
  return { status: 'granted' };
}

/** A page cannot open browser settings; explain where the switch is instead. */
export async function openSettings(scope: Scope): Promise<boolean> {
  await Taro.showModal({
    title: `开启${SCOPE_LABELS[scope]}`,
    content: `请在浏览器的网站设置中允许本站使用${SCOPE_LABELS[scope]}，然后下拉刷新页面。`,
    showCancel: false,
    confirmText: '知道了',
  });
  return (await queryState('geolocation')) === 'granted';
}
