import type { ReactElement } from 'react';
import type { PhoneButtonProps } from './types';

export type { PhoneButtonProps } from './types';

export const HAS_WECHAT_PHONE: boolean = false;

/**
 * WeChat one-tap phone number (REG) exists only in WeChat: in the browser (and jest) there
 * is no such button and 登录 shows the SMS path alone.
 */
export function WeChatPhoneButton(_props: PhoneButtonProps): ReactElement | null {
  return null;
}
