import type { Client } from 'tencentcloud-sdk-nodejs-sms/tencentcloud/services/sms/v20210111/sms_client';
import type { SmsNotice, SmsSender } from '../../ports/sms';

/**
 * REG in production: Tencent Cloud SMS (SendSms, API 2021-01-11). Configured only by the
 * environment, never the repository:
 *   TENCENT_SMS_SDK_APP_ID   the SMS application (SdkAppId)
 *   TENCENT_SMS_SIGN_NAME    the approved signature text, e.g. 上海助医
 *   TENCENT_SMS_TEMPLATE_ID  an approved template "验证码为{1}，{2}分钟内有效…"
 *   TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY  an API key allowed to call sms:SendSms
 *   TENCENT_SMS_REGION       optional, default ap-guangzhou
 */
export interface TencentSmsConfig {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  templateId: string;
  /** TENCENT_SMS_STOP_TEMPLATE_ID: booking's 停诊 notice ({1} doctor, {2} date and period); optional. */
  stopTemplateId: string | null;
  region: string;
}

const REQUIRED = {
  sdkAppId: 'TENCENT_SMS_SDK_APP_ID',
  signName: 'TENCENT_SMS_SIGN_NAME',
  templateId: 'TENCENT_SMS_TEMPLATE_ID',
  secretId: 'TENCENTCLOUD_SECRET_ID',
  secretKey: 'TENCENTCLOUD_SECRET_KEY',
} as const;

/** The configuration, or null when none of it is set; a partial one throws, naming what is missing. */
export function tencentSmsConfigFromEnv(env: NodeJS.ProcessEnv): TencentSmsConfig | null {
  const names = Object.values(REQUIRED);
  const missing = names.filter((name) => !env[name]);
  if (missing.length === names.length) return null;
  if (missing.length > 0)
    throw new Error(`Tencent Cloud SMS is half configured: set ${missing.join(', ')}`);
  const value = (key: keyof typeof REQUIRED) => String(env[REQUIRED[key]]);
  return {
    sdkAppId: value('sdkAppId'),
    signName: value('signName'),
    templateId: value('templateId'),
    secretId: value('secretId'),
    secretKey: value('secretKey'),
    stopTemplateId: env.TENCENT_SMS_STOP_TEMPLATE_ID?.trim() || null,
    region: env.TENCENT_SMS_REGION || 'ap-guangzhou',
  };
}

/**
 * Only the v2021-01-11 client module, loaded on the first send: the package's index pulls
 * in every API version, and its HTTP stack (node-fetch, form-data, mime-db) would
 * otherwise be evaluated on every cold start of the `user` function, most of which send
 * no SMS.
 */
const loadClient = async (): Promise<typeof Client> =>
  (await import('tencentcloud-sdk-nodejs-sms/tencentcloud/services/sms/v20210111/sms_client'))
    .Client;

export function createTencentSmsSender(config: TencentSmsConfig): SmsSender {
  let client: Promise<Client> | null = null;
  const clientOnce = () =>
    (client ??= loadClient().then(
      (SmsClient) =>
        new SmsClient({
          credential: { secretId: config.secretId, secretKey: config.secretKey },
          region: config.region,
          profile: { httpProfile: { endpoint: 'sms.tencentcloudapi.com', reqTimeout: 10 } },
        }),
    ));
  const sendTemplate = async (phone: string, templateId: string, params: string[]) => {
    const response = await (
      await clientOnce()
    ).SendSms({
      PhoneNumberSet: [`+86${phone}`],
      SmsSdkAppId: config.sdkAppId,
      SignName: config.signName,
      TemplateId: templateId,
      TemplateParamSet: params,
    });
    // The call succeeds even when the message is refused; each number has its own status.
    return response.SendStatusSet?.[0];
  };
  const stopTemplateId = config.stopTemplateId;
  return {
    ...(stopTemplateId
      ? {
          async sendNotice(notice: SmsNotice) {
            const status = await sendTemplate(notice.phone, stopTemplateId, notice.params);
            if (status?.Code !== 'Ok')
              throw new Error(`Tencent SMS refused the notice: ${status?.Code ?? 'no status'}`);
          },
        }
      : {}),
    async send(message) {
      const status = await sendTemplate(message.phone, config.templateId, [
        message.code,
        String(message.ttlMinutes),
      ]);
      if (status?.Code !== 'Ok') {
        throw new Error(
          `Tencent SMS refused the message: ${status?.Code ?? 'no status'} ${status?.Message ?? ''}`.trim(),
        );
      }
    },
  };
}
