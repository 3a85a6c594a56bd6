import * as cloud from 'wx-server-sdk';
import {
  cloudSystemContext,
  createCloudConsultPorts,
  readCloudConsultConfig,
} from '../../backend/adapters/cloudbase/consult-ports';
import { runCallSweep } from '../../backend/call';
import { runConsultSweep } from '../../backend/consult';
import type { DocumentStore } from '../../backend/ports/document-store';
import { consoleLogger } from '../../backend/ports/logger';
import { consultCloudOf } from '../_shared/storage';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const config = readCloudConsultConfig(process.env);
const consultCloud = consultCloudOf(cloud);
const system = cloudSystemContext(
  () => cloud.database(),
  (store: DocumentStore) => createCloudConsultPorts(consultCloud, store, consoleLogger, config),
  consoleLogger,
);

/**
 * The consultation sweep (backend/consult/sweep.ts) on the timer in config.json, every 10
 * minutes. A mini-program can call any function by name, so a call that carries a user's
 * OPENID is refused: only the timer runs the sweep.
 */
export async function main(_event: unknown, _context?: unknown) {
  if (cloud.getWXContext().OPENID)
    return { ok: false, error: 'consult-sweep runs on its timer only' };
  const report = await runConsultSweep(system());
  // Calls past their ring or limit (the call function's check on read catches them sooner).
  const calls = await runCallSweep(system());
  consoleLogger.info({ fn: 'consult-sweep', ...report, callsEnded: calls.ended }, 'sweep');
  return { ok: true, report: { ...report, callsEnded: calls.ended } };
}
