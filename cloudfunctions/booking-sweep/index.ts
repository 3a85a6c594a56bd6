import * as cloud from 'wx-server-sdk';
import {
  createCloudBookingPorts,
  readCloudBookingConfig,
} from '../../backend/adapters/cloudbase/booking-ports';
import { cloudSystemContext } from '../../backend/adapters/cloudbase/consult-ports';
import { runBookingSweep } from '../../backend/booking';
import type { DocumentStore } from '../../backend/ports/document-store';
import { consoleLogger } from '../../backend/ports/logger';
import { consultCloudOf } from '../_shared/storage';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const config = readCloudBookingConfig(process.env);
const bookingCloud = consultCloudOf(cloud);
const system = cloudSystemContext(
  () => cloud.database(),
  (store: DocumentStore) => createCloudBookingPorts(bookingCloud, store, consoleLogger, config),
  consoleLogger,
);

/**
 * The booking sweep (backend/booking/sweep.ts) every minute: a 15-minute hold must end close
 * to its time_expire. Only the timer runs it: a call carrying a user's OPENID is refused.
 */
export async function main(_event: unknown, _context?: unknown) {
  if (cloud.getWXContext().OPENID)
    return { ok: false, error: 'booking-sweep runs on its timer only' };
  const report = await runBookingSweep(system());
  consoleLogger.info({ fn: 'booking-sweep', ...report }, 'sweep');
  return { ok: true, report };
}
