import type { Ports } from '../../core/context';
import { createStoreNotifier } from '../../consult/notices';
import { createPatientDirectory } from '../../patients/directory';
import type { Crypto } from '../../ports/crypto';
import type { DocumentStore } from '../../ports/document-store';
import type { Logger } from '../../ports/logger';
import { combineNotifiers } from '../../ports/notifier';
import { noPayments } from '../../ports/payment';
import { systemRandom } from '../../ports/random';
import { createCloudbaseCrypto } from './crypto';
import { createCloudbaseFileStore } from './file-store';
import type { ConsultCloud } from './consult-ports';
import { createSubscribeNotifier } from './subscribe-notifier';
import {
  createTencentSmsSender,
  tencentSmsConfigFromEnv,
  type TencentSmsConfig,
} from './tencent-sms';
import { createCloudPayProvider } from './wechat-pay';

/** The function WeChat Pay notifies for registration fees: the booking function itself. */
export const BOOKING_PAY_NOTICE_FUNCTION = 'booking';

export interface CloudBookingConfig {
  crypto: Crypto;
  /** WX_PAY_ENV_ID. No merchant number of the platform's: each order names the hospital's. */
  payEnvId: string | null;
  subscribeTemplateId: string | null;
  sms: TencentSmsConfig | null;
}

/**
 * The booking function's settings: ZHUYI_MASTER_KEY (required: 停诊 SMS decrypts the bound
 * phone), WX_PAY_ENV_ID (optional: without it every hospital is 到院支付),
 * WX_SUBSCRIBE_TEMPLATE_ID and TENCENT_SMS_* with TENCENT_SMS_STOP_TEMPLATE_ID (optional).
 */
export function readCloudBookingConfig(env: NodeJS.ProcessEnv = process.env): CloudBookingConfig {
  return {
    crypto: createCloudbaseCrypto(env),
    payEnvId: env.WX_PAY_ENV_ID?.trim() || null,
    subscribeTemplateId: env.WX_SUBSCRIBE_TEMPLATE_ID?.trim() || null,
    sms: tencentSmsConfigFromEnv(env),
  };
}

/**
 * Booking's ports on CloudBase. WeChat Pay is created with an empty platform merchant: a
 * booking order always names the hospital's sub-merchant (docs/booking.md), and one that did
 * not would be refused by WeChat rather than paid to the platform.
 */
export function createCloudBookingPorts(
  cloud: ConsultCloud,
  store: DocumentStore,
  log: Logger,
  config: CloudBookingConfig,
): Partial<Ports> {
  const inApp = createStoreNotifier({ store, random: systemRandom });
  return {
    crypto: config.crypto,
    random: systemRandom,
    files: createCloudbaseFileStore(cloud, store),
    payment: config.payEnvId
      ? createCloudPayProvider(
          cloud.cloudPay,
          { subMchId: '', envId: config.payEnvId, functionName: BOOKING_PAY_NOTICE_FUNCTION },
          systemRandom,
        )
      : noPayments,
    notifier: config.subscribeTemplateId
      ? combineNotifiers(
          inApp,
          createSubscribeNotifier(cloud.openapi, config.subscribeTemplateId, log),
        )
      : inApp,
    ...(config.sms ? { sms: createTencentSmsSender(config.sms) } : {}),
    // The 就诊人 of the patients function (docs/booking.md); `self` still means the account holder.
    patients: createPatientDirectory({ store, crypto: config.crypto }),
    hisFetch: globalThis.fetch,
  };
}
