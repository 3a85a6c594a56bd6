import * as cloud from 'wx-server-sdk';
import { runDeletionSweep } from '../../backend/account';
import { runRetentionSweep } from '../../backend/privacy/retention';
import { createCloudbaseStore } from '../../backend/adapters/cloudbase';
import { createCloudbaseCrypto } from '../../backend/adapters/cloudbase/crypto';
import { createCloudbaseFileStore } from '../../backend/adapters/cloudbase/file-store';
import { COLLECTIONS } from '../../backend/collections';
import type { Ctx } from '../../backend/core/context';
import { systemClock } from '../../backend/ports/clock';
import { consoleLogger } from '../../backend/ports/logger';
import { systemRandom } from '../../backend/ports/random';
import { cloudStorageOf } from '../_shared/storage';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const crypto = createCloudbaseCrypto(process.env);
const storage = cloudStorageOf(cloud);

let ctx: Ctx | null = null;
function system(): Ctx {
  if (!ctx) {
    const store = createCloudbaseStore(cloud.database(), COLLECTIONS);
    ctx = {
      store,
      crypto,
      random: systemRandom,
      files: createCloudbaseFileStore(storage, store),
      clock: systemClock,
      log: consoleLogger,
      caller: null,
    };
  }
  return ctx;
}

/**
 * Finishes account deletions their callers left half-way (backend/account/sweep.ts) and
 * deletes what outlived its retention (backend/privacy/retention.ts), on the
 * timer in config.json. A mini-program can call any function by name, so a call carrying a
 * user's OPENID is refused: only the timer runs the sweep.
 */
export async function main(_event: unknown, _context?: unknown) {
  if (cloud.getWXContext().OPENID)
    return { ok: false, error: 'account-sweep runs on its timer only' };
  const report = await runDeletionSweep(system(), { maxJobs: 10 });
  // Issue 11 point 8: the manifest's retention promises ride on the same timer.
  const retention = await runRetentionSweep(system());
  consoleLogger.info({ fn: 'account-sweep', ...report, retention }, 'sweep');
  return { ok: true, report, retention };
}
