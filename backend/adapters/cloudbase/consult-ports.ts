import { COLLECTIONS } from '../../collections';
import type { Ctx, Ports } from '../../core/context';
import { systemClock } from '../../ports/clock';
import { createStoreNotifier } from '../../consult/notices';
import type { Crypto } from '../../ports/crypto';
import type { VideoRooms } from '../../ports/video-rooms';
import { trtcListingFromEnv } from './video-switch';
import type { DocumentStore } from '../../ports/document-store';
import type { Logger } from '../../ports/logger';
import { combineNotifiers } from '../../ports/notifier';
import { noPayments } from '../../ports/payment';
import { systemRandom } from '../../ports/random';
import { noRealtime } from '../../ports/realtime';
import { createCloudbaseCrypto } from './crypto';
import { createCloudbaseStore } from './document-store';
import { createCloudbaseFileStore, type CloudStorage } from './file-store';
import { createCloudContentSecurity, type SecurityOpenApi } from './content-security';
import { createSubscribeNotifier, type SubscribeMessageApi } from './subscribe-notifier';
import type { CloudbaseDatabase } from './types';
import {
  createCloudPayProvider,
  weChatPayConfigFromEnv,
  type CloudPayApi,
  type WeChatPayConfig,
} from './wechat-pay';

/** The function WeChat Pay notifies: the consult function itself (cloudfunctions/consult). */
export const PAY_NOTICE_FUNCTION = 'consult';

/** What the consult functions need of wx-server-sdk beyond the database. */
export interface ConsultCloud extends CloudStorage {
  cloudPay: CloudPayApi;
  openapi: SubscribeMessageApi & SecurityOpenApi;
}

export interface CloudConsultConfig {
  crypto: Crypto;
  pay: WeChatPayConfig | null;
  subscribeTemplateId: string | null;
  /** 视频咨询 on (VIDEO_ENABLED=1): listed and booked here; credentials only in `call`. */
  videoRooms?: VideoRooms;
}

/**
 * The consult functions' settings, read at load: ZHUYI_MASTER_KEY (required — consult text
 * is encrypted), WX_PAY_SUB_MCH_ID + WX_PAY_ENV_ID (both or neither; neither = free consults
 * only), WX_SUBSCRIBE_TEMPLATE_ID (optional; without it notices stay in-app).
 */
export function readCloudConsultConfig(env: NodeJS.ProcessEnv = process.env): CloudConsultConfig {
  return {
    crypto: createCloudbaseCrypto(env),
    pay: weChatPayConfigFromEnv(env, PAY_NOTICE_FUNCTION),
    subscribeTemplateId: env.WX_SUBSCRIBE_TEMPLATE_ID?.trim() || null,
    videoRooms: trtcListingFromEnv(env),
  };
}

/**
 * The consultation ports on CloudBase. Realtime does nothing here: the mini-program watches
 * the database instead (database-rules.json lets each participant read their consult).
 */
export function createCloudConsultPorts(
  cloud: ConsultCloud,
  store: DocumentStore,
  log: Logger,
  config: CloudConsultConfig,
): Partial<Ports> {
  const inApp = createStoreNotifier({ store, random: systemRandom });
  return {
    crypto: config.crypto,
    random: systemRandom,
    files: createCloudbaseFileStore(cloud, store),
    payment: config.pay
      ? createCloudPayProvider(cloud.cloudPay, config.pay, systemRandom)
      : noPayments,
    notifier: config.subscribeTemplateId
      ? combineNotifiers(
          inApp,
          createSubscribeNotifier(cloud.openapi, config.subscribeTemplateId, log),
        )
      : inApp,
    realtime: noRealtime,
    contentSecurity: createCloudContentSecurity(cloud.openapi, log),
    // Video on (VIDEO_ENABLED=1) without the TRTC secret: the consult function only lists it.
    ...(config.videoRooms ? { videoRooms: config.videoRooms } : {}),
  };
}

/**
 * A context with no caller, for what the platform (not a user) starts: WeChat Pay notices
 * and the timer-triggered sweep. One store and set of ports per warm container.
 */
export function cloudSystemContext(
  database: () => CloudbaseDatabase,
  portsOf: (store: DocumentStore) => Partial<Ports>,
  log: Logger,
): () => Ctx {
  let ctx: Ctx | null = null;
  return () => {
    if (!ctx) {
      const store = createCloudbaseStore(database(), COLLECTIONS);
      ctx = { ...portsOf(store), store, clock: systemClock, log, caller: null };
    }
    return ctx;
  };
}
