import * as cloud from 'wx-server-sdk';
import {
  cloudSystemContext,
  createCloudConsultPorts,
  readCloudConsultConfig,
} from '../../backend/adapters/cloudbase/consult-ports';
import { readPayNotice } from '../../backend/adapters/cloudbase/wechat-pay';
import { consultFunction, paymentNotice } from '../../backend/consult';
import type { DocumentStore } from '../../backend/ports/document-store';
import { consoleLogger } from '../../backend/ports/logger';
import { cloudMain } from '../_shared/cloud-main';
import { consultCloudOf } from '../_shared/storage';

// DYNAMIC_CURRENT_ENV (a symbol the SDK's types do not admit) = the env this function runs in.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

// Refuses to start without ZHUYI_MASTER_KEY; WeChat Pay and subscribe messages are optional.
const config = readCloudConsultConfig(process.env);

const consultCloud = consultCloudOf(cloud);
const portsOf = (store: DocumentStore) =>
  createCloudConsultPorts(consultCloud, store, consoleLogger, config);

const actions = cloudMain(cloud, consultFunction, { ports: portsOf });
const system = cloudSystemContext(() => cloud.database(), portsOf, consoleLogger);

/**
 * Client calls `{ action, data }` go through the consult actions. This function is also
 * unifiedOrder's `functionName`: WeChat Pay notices (events without `action`) are answered
 * here — the payment is confirmed with queryOrder, never taken from the notice.
 */
export async function main(event: unknown, context?: unknown) {
  const notice = readPayNotice(event);
  if (notice?.kind === 'payment') return paymentNotice(system(), notice.outTradeNo);
  // Refunds are marked done when WeChat accepts them; their notice needs only an answer.
  if (notice?.kind === 'refund') return { errcode: 0, errmsg: 'OK' };
  return actions(event, context);
}
