import Taro from '@tarojs/taro';
import { SCOPE_LABELS, type PermissionResult, type PermissionState, type Scope } from './types';

type BrowserName = 'geolocation' | 'camera' | 'microphone';
const BROWSER_NAMES: Record<Scope, BrowserName | null> = {
  location: 'geolocation',
  camera: 'camera',
  microphone: 'microphone',
  // Picking goes through a file input and saving through a download: no permission.
  album: null,
};

async function queryState(name: BrowserName): Promise<PermissionState | 'unknown'> {
  const permissions = typeof navigator !== 'undefined' ? navigator.permissions : undefined;
  if (!permissions?.query) return 'unknown';
  try {
    return (await permissions.query({ name: name as PermissionName })).state;
  } catch {
    return 'unknown';
  }
}

function hasApi(scope: Scope): boolean {
  if (typeof navigator === 'undefined') return false;
  if (scope === 'location') return Boolean(navigator.geolocation);
  if (scope === 'album') return true;
  return typeof navigator.mediaDevices?.getUserMedia === 'function';
}

const refused = (scope: Scope, purpose: string): PermissionResult => ({
  status: 'denied',
  reason: `您未允许使用${SCOPE_LABELS[scope]}（${purpose}）`,
});

/** Camera/mic: the browser asks on getUserMedia; the stream is closed at once, only the answer matters. */
async function askMedia(
  scope: 'camera' | 'microphone',
  purpose: string,
): Promise<PermissionResult> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia(
      scope === 'camera' ? { video: true } : { audio: true },
    );
    stream.getTracks().forEach((t) => t.stop());
    return { status: 'granted' };
  } catch (error) {
    const name = error instanceof Error || error instanceof DOMException ? error.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') return refused(scope, purpose);
    if (name === 'NotFoundError' || name === 'OverconstrainedError') {
      return { status: 'unavailable', reason: `未找到可用的${SCOPE_LABELS[scope]}` };
    }
    return { status: 'error', reason: `无法使用${SCOPE_LABELS[scope]}` };
  }
}

/**
 * Browser counterpart of the weapp helper. The browser owns the prompt; a remembered
 * "block" is respected (no prompt is attempted), as on WeChat.
 */
export async function ensure(scope: Scope, purpose: string): Promise<PermissionResult> {
  if (!hasApi(scope)) {
    return { status: 'unavailable', reason: `当前浏览器不支持${SCOPE_LABELS[scope]}` };
  }
  const name = BROWSER_NAMES[scope];
  if (!name) return { status: 'granted' };
  if ((await queryState(name)) === 'denied') return refused(scope, purpose);
  // Location's prompt comes with the fix itself (location/location.h5.ts).
  if (scope === 'camera' || scope === 'microphone') return askMedia(scope, purpose);
  return { status: 'granted' };
}

/** The current state without asking anything (隐私设置 lists it). */
export async function check(scope: Scope): Promise<PermissionState> {
  const name = BROWSER_NAMES[scope];
  if (!name || !hasApi(scope)) return 'unsupported';
  const state = await queryState(name);
  return state === 'unknown' ? 'prompt' : state;
}

/** A page cannot open browser settings; explain where the switch is instead. */
export async function openSettings(scope: Scope): Promise<boolean> {
  await Taro.showModal({
    title: `开启${SCOPE_LABELS[scope]}`,
    content: `请在浏览器的网站设置中允许本站使用${SCOPE_LABELS[scope]}，然后刷新页面。`,
    showCancel: false,
    confirmText: '知道了',
  });
  const name = BROWSER_NAMES[scope];
  return name ? (await queryState(name)) === 'granted' : false;
}

/** A browser page cannot open its own settings, only explain them. */
export const CAN_OPEN_SETTINGS: boolean = false;
