/** Capabilities the app may ask for. Location is the first; camera/album/mic follow (CAM, ALB, MIC). */
export type Scope = 'location';

/** Why a capability is not usable; `reason` is a short Chinese line the UI may show. */
export interface Refusal {
  status: 'denied' | 'unavailable' | 'error';
  reason: string;
}

/** `granted` means "go ahead": on H5 the browser may still show its own prompt on first use. */
export type PermissionResult = { status: 'granted' } | Refusal;

export const SCOPE_LABELS: Record<Scope, string> = { location: '位置信息' };
