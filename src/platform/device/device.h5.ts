import { hasConsent } from '../../privacy/consent';
import type { DeviceFacts } from './types';

function systemOf(ua: string): string {
  const ios = /OS (\d+)[._](\d+)/.exec(ua);
  if (/iPhone|iPad/.test(ua) && ios) return `iOS ${ios[1]}.${ios[2]}`;
  const android = /Android ([\d.]+)/.exec(ua);
  if (android) return `Android ${android[1]}`;
  if (/Windows/.test(ua)) return 'Windows';
  if (/Mac OS X/.test(ua)) return 'macOS';
  if (/Linux/.test(ua)) return 'Linux';
  return '未知系统';
}

/** DEV, browser: the same facts from the user agent and screen, only with the consent on. */
export function readDevice(): DeviceFacts | null {
  if (!hasConsent('device')) return null;
  if (typeof navigator === 'undefined' || typeof window === 'undefined') return null;
  const ua = navigator.userAgent;
  return {
    brand: '',
    model: /Mobile/.test(ua) ? '手机浏览器' : '电脑浏览器',
    system: systemOf(ua),
    platform: 'web',
    screenWidth: window.screen.width,
    screenHeight: window.screen.height,
    pixelRatio: window.devicePixelRatio,
    host: navigator.language,
  };
}
