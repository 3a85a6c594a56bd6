import Taro from '@tarojs/taro';
import type { AgreeOpenType, PrivacyRequest } from './types';

/** Put on our agree buttons: tapping it also records WeChat's privacy authorization. */
export const AGREE_OPEN_TYPE: AgreeOpenType = 'agreePrivacyAuthorization';

/** Whether WeChat still needs the user to agree to the privacy guide (getPrivacySetting). */
export function needsAuthorization(): Promise<boolean> {
  if (typeof Taro.getPrivacySetting !== 'function') return Promise.resolve(false);
  return new Promise((resolve) => {
    Taro.getPrivacySetting({
      success: (res) => resolve(res.needAuthorization === true),
      fail: () => resolve(false),
    });
  });
}

/**
 * Routes WeChat's on-demand prompt (a privacy API called before authorization) to our
 * own popup; the pending API continues or fails with the user's answer.
 */
export function onNeedAuthorization(handler: (request: PrivacyRequest) => void): void {
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve, info) => {
    handler({
      referrer: info?.referrer ?? '',
      agree: (buttonId) => resolve({ buttonId, event: 'agree' }),
      disagree: () => resolve({ event: 'disagree' }),
    });
  });
}

/** Opens the 用户隐私保护指引 as WeChat shows it (openPrivacyContract). */
export function openContract(): Promise<boolean> {
  if (typeof Taro.openPrivacyContract !== 'function') return Promise.resolve(false);
  return new Promise((resolve) => {
    Taro.openPrivacyContract({ success: () => resolve(true), fail: () => resolve(false) });
  });
}

/** WeChat shows its own 用户隐私保护指引 page. */
export const HAS_PLATFORM_CONTRACT: boolean = true;
