import Taro from '@tarojs/taro';
import { hasConsent } from '../../privacy/consent';
import type { DeviceFacts } from './types';

/**
 * DEV: device facts are read only while the 设备信息 consent is on. The check sits next
 * to the API calls so no caller can skip it; without consent nothing is even read.
 */
export function readDevice(): DeviceFacts | null {
  if (!hasConsent('device')) return null;
  try {
    const device = Taro.getDeviceInfo();
    const screen = Taro.getWindowInfo();
    const app = Taro.getAppBaseInfo();
    return {
      brand: device.brand,
      model: device.model,
      system: device.system,
      platform: device.platform,
      screenWidth: screen.screenWidth,
      screenHeight: screen.screenHeight,
      pixelRatio: screen.pixelRatio,
      host: `微信 ${app.version ?? ''}`.trim(),
    };
  } catch {
    // Older base libraries lack these APIs; no facts is better than a guess.
    return null;
  }
}
