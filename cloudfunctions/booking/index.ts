import * as cloud from 'wx-server-sdk';
import {
  createCloudBookingPorts,
  readCloudBookingConfig,
} from '../../backend/adapters/cloudbase/booking-ports';
import { cloudSystemContext } from '../../backend/adapters/cloudbase/consult-ports';
import { readPayNotice } from '../../backend/adapters/cloudbase/wechat-pay';
import { bookingFunction, bookingPaymentNotice } from '../../backend/booking';
import type { DocumentStore } from '../../backend/ports/document-store';
import { consoleLogger } from '../../backend/ports/logger';
import { cloudMain } from '../_shared/cloud-main';
import { consultCloudOf } from '../_shared/storage';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const config = readCloudBookingConfig(process.env);
const bookingCloud = consultCloudOf(cloud);
const portsOf = (store: DocumentStore) =>
  createCloudBookingPorts(bookingCloud, store, consoleLogger, config);

const actions = cloudMain(cloud, bookingFunction, { ports: portsOf });
const system = cloudSystemContext(() => cloud.database(), portsOf, consoleLogger);

/**
 * Client calls go through the booking actions. This function is also unifiedOrder's
 * `functionName` for registration fees: a payment notice is confirmed with queryOrder (on the
 * hospital's sub-merchant), and one arriving after the hold was released is refunded.
 */
export async function main(event: unknown, context?: unknown) {
  const notice = readPayNotice(event);
  if (notice?.kind === 'payment') return bookingPaymentNotice(system(), notice.outTradeNo);
  if (notice?.kind === 'refund') return { errcode: 0, errmsg: 'OK' };
  return actions(event, context);
}
