import { PRIVACY_MANIFEST } from '../../../contract/privacy/manifest';

/** Capabilities the app may ask for, each at the moment of use (LOC, CAM, MIC, ALB). */
export type Scope = 'location' | 'camera' | 'microphone' | 'album';

/** Why a capability is not usable; `reason` is a short Chinese line the UI may show. */
export interface Refusal {
  status: 'denied' | 'unavailable' | 'error';
  reason: string;
}

/** `granted` means "go ahead": on H5 the browser may still show its own prompt on first use. */
export type PermissionResult = { status: 'granted' } | Refusal;

/** What a settings screen shows without asking: never asked yet is `prompt`. */
export type PermissionState = 'granted' | 'denied' | 'prompt' | 'unsupported';

export const SCOPE_LABELS: Record<Scope, string> = {
  location: '位置信息',
  camera: '相机',
  microphone: '麦克风',
  album: '相册',
};

/** WeChat's authorization scope behind each capability. */
export const WEAPP_SCOPES: Record<Scope, string> = {
  location: 'scope.userLocation',
  camera: 'scope.camera',
  microphone: 'scope.record',
  album: 'scope.writePhotosAlbum',
};

/** Purpose texts come from the privacy manifest, so the dialog and the admin console agree. */
export const SCOPE_PURPOSES = Object.fromEntries(
  (Object.keys(WEAPP_SCOPES) as Scope[]).map((scope) => [
    scope,
    PRIVACY_MANIFEST.find((c) => c.scopes.includes(WEAPP_SCOPES[scope]))?.purpose ?? '',
  ]),
) as Record<Scope, string>;
