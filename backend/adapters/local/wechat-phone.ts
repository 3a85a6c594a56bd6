import { ApiError } from '../../core/errors';
import type { WeChatPhone } from '../../ports/wechat-phone';

/** There is no WeChat locally: the one-tap phone login answers so, and the UI offers SMS. */
export const localWeChatPhone: WeChatPhone = {
  getPhoneNumber: () =>
    Promise.reject(
      new ApiError('FAILED_PRECONDITION', '本地环境请使用短信验证码', {
        reason: 'wechat_phone_unavailable',
      }),
    ),
};
