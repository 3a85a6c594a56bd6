/**
 * Device facts for abnormal-login detection and the login log (DEV): the model, system,
 * platform and screen — nothing that identifies the device itself (no IMEI, MAC, IDFA).
 */
export interface DeviceFacts {
  brand: string;
  model: string;
  system: string;
  platform: string;
  screenWidth: number;
  screenHeight: number;
  pixelRatio: number;
  /** WeChat's version on weapp, the browser's language on H5. */
  host: string;
}

/** One line a settings page can show: "Apple iPhone 14 · iOS 17.1 · 390×844". */
export function describeDevice(d: DeviceFacts): string {
  const model = [d.brand, d.model].filter(Boolean).join(' ');
  return `${model} · ${d.system} · ${d.screenWidth}×${d.screenHeight}`;
}
