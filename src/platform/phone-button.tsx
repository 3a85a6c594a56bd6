/**
 * WeChat one-tap phone number (REG) exists only in WeChat: in the browser (and jest) there
 * is no such button and 登录 shows the SMS path alone.
 */
export interface PhoneButtonProps {
  disabled?: boolean;
  /** The one-time code to hand to loginWithWeChatPhone. */
  onCode: (code: string) => void;
  /** The user declined, or WeChat could not give a number. */
  onRefuse: (message: string) => void;
}

export const HAS_WECHAT_PHONE = false;

export function WeChatPhoneButton(_props: PhoneButtonProps) {
  return null;
}
