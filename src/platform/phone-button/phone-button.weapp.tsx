import { Button } from '@tarojs/components';
import type { ReactElement } from 'react';
import type { PhoneButtonProps } from './types';

export type { PhoneButtonProps } from './types';

export const HAS_WECHAT_PHONE: boolean = true;

/**
 * REG: WeChat's 手机号快速验证 button. Its `code` is good for one server-side look-up
 * (cloud.openapi.phonenumber.getPhoneNumber); the number itself never passes through here.
 */
export function WeChatPhoneButton({
  disabled,
  onCode,
  onRefuse,
}: PhoneButtonProps): ReactElement | null {
  return (
    <Button
      className="btn btn--primary login__wechat"
      openType="getPhoneNumber"
      disabled={disabled}
      onGetPhoneNumber={(e) => {
        const { code, errMsg } = e.detail;
        if (code) onCode(code);
        else
          onRefuse(/deny|cancel/i.test(errMsg ?? '') ? '' : '获取微信手机号失败，请使用短信验证码');
      }}
    >
      微信手机号一键登录
    </Button>
  );
}
