import type { Ports } from '../../core/context';
import { systemClock } from '../../ports/clock';
import type { Crypto } from '../../ports/crypto';
import type { DocumentStore } from '../../ports/document-store';
import type { Logger } from '../../ports/logger';
import { systemRandom } from '../../ports/random';
import { createBuiltInVerifier } from '../../user/builtin-verifier';
import { createCloudbaseCrypto } from './crypto';
import { createCloudbaseFileStore, type CloudStorage } from './file-store';
import {
  createTencentSmsSender,
  tencentSmsConfigFromEnv,
  type TencentSmsConfig,
} from './tencent-sms';
import {
  createTencentFaceIdVerifier,
  tencentFaceIdConfigFromEnv,
  type TencentFaceIdConfig,
} from './tencent-faceid';
import { createCloudContentSecurity, type SecurityOpenApi } from './content-security';
import { createCloudWeChatPhone, type PhoneNumberOpenApi } from './wechat-phone';

/** What the user function needs of wx-server-sdk beyond the database. */
export interface UserCloud extends CloudStorage {
  openapi: PhoneNumberOpenApi & SecurityOpenApi;
}

export interface CloudUserConfig {
  crypto: Crypto;
  sms: TencentSmsConfig;
  /** IDENTITY_VERIFIER=tencent-faceid; null → the built-in verifier, which says it is local-only. */
  faceid: TencentFaceIdConfig | null;
}

/**
 * Reads the function's secrets from its environment, or throws: without ZHUYI_MASTER_KEY
 * or the Tencent SMS settings the user function refuses to start (there is no outbox and
 * no default key in production). Called at module load, before any call is accepted.
 */
export function readCloudUserConfig(env: NodeJS.ProcessEnv = process.env): CloudUserConfig {
  const crypto = createCloudbaseCrypto(env);
  const sms = tencentSmsConfigFromEnv(env);
  if (!sms) {
    throw new Error(
      'Tencent Cloud SMS is not configured: set TENCENT_SMS_SDK_APP_ID, TENCENT_SMS_SIGN_NAME, ' +
        'TENCENT_SMS_TEMPLATE_ID, TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY',
    );
  }
  return { crypto, sms, faceid: tencentFaceIdConfigFromEnv(env) };
}

/** The accounts ports on CloudBase, beside the container's store. */
export function createCloudUserPorts(
  cloud: UserCloud,
  store: DocumentStore,
  log: Logger,
  config: CloudUserConfig,
): Partial<Ports> {
  const files = createCloudbaseFileStore(cloud, store);
  return {
    crypto: config.crypto,
    random: systemRandom,
    sms: createTencentSmsSender(config.sms),
    files,
    verifier: config.faceid
      ? createTencentFaceIdVerifier(config.faceid, {
          files,
          crypto: config.crypto,
          clock: systemClock,
        })
      : createBuiltInVerifier({ clock: systemClock, files, crypto: config.crypto }),
    wechatPhone: createCloudWeChatPhone(cloud.openapi, log),
    contentSecurity: createCloudContentSecurity(cloud.openapi, log),
  };
}
