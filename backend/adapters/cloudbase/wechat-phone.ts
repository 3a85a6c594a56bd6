import { ApiError } from '../../core/errors';
import type { WeChatPhone } from '../../ports/wechat-phone';

/** `cloud.openapi.phonenumber` as wx-server-sdk exposes it (config.json grants the permission). */
export interface PhoneNumberOpenApi {
  phonenumber: {
    getPhoneNumber(param: { code: string }): Promise<{
      errCode?: number;
      errMsg?: string;
      phoneInfo?: { phoneNumber?: string; purePhoneNumber?: string; countryCode?: string | number };
    }>;
  };
}

const failed = () =>
  new ApiError('FAILED_PRECONDITION', '获取微信手机号失败，请重试或使用短信验证码', {
    reason: 'wechat_phone_failed',
  });

/**
 * REG on CloudBase: the code from `Button openType="getPhoneNumber"` exchanged by cloud call
 * (each code works once, for 5 minutes). Any refusal (expired code, quota, no permission)
 * answers wechat_phone_failed; the detail goes to the log only.
 */
export function createCloudWeChatPhone(
  openapi: PhoneNumberOpenApi,
  log: { warn(obj: object, msg?: string): void },
): WeChatPhone {
  return {
    async getPhoneNumber(code) {
      let result: Awaited<ReturnType<PhoneNumberOpenApi['phonenumber']['getPhoneNumber']>>;
      try {
        result = await openapi.phonenumber.getPhoneNumber({ code });
      } catch (err) {
        log.warn({ err: String(err) }, 'phonenumber.getPhoneNumber failed');
        throw failed();
      }
      const info = result.phoneInfo;
      if ((result.errCode ?? 0) !== 0 || !info?.purePhoneNumber) {
        log.warn(
          { errCode: result.errCode, errMsg: result.errMsg },
          'phonenumber.getPhoneNumber refused',
        );
        throw failed();
      }
      return { phone: info.purePhoneNumber, countryCode: String(info.countryCode ?? '') };
    },
  };
}
