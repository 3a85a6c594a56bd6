import { DELETION_JOBS } from '../collections';
import type { Ctx } from '../core/context';
import { portOf } from '../user/ports';
import { subjectContext, type JobDoc } from './job';
import { BATCH_LIMITS, metered, type BatchLimits } from './meter';
import { runBatchSafely } from './runner';

/** A job nobody has moved for this long is the sweep's (its caller closed the screen). */
export const STALE_JOB_MS = 60_000;

export interface DeletionSweepReport {
  advanced: number;
  finished: number;
}

/**
 * DEL: finishes deletions their callers left (the screen closed, the function timed out).
 * Not an action — the CloudBase timer (cloudfunctions/account-sweep) and the local server
 * run it. A few stale jobs per run, one bounded batch each; it runs concurrently with a
 * caller's own calls safely (every job write is a compare-and-set).
 */
export async function runDeletionSweep(
  ctx: Ctx,
  options: { maxJobs?: number; limits?: BatchLimits } = {},
): Promise<DeletionSweepReport> {
  const crypto = portOf(ctx, 'crypto');
  const before = new Date(ctx.clock.now().getTime() - STALE_JOB_MS).toISOString();
  const jobs = await ctx.store.find<JobDoc>(
    DELETION_JOBS.name,
    { state: 'running', updatedAt: { $lt: before } },
    { sort: [['updatedAt', 'asc']], limit: options.maxJobs ?? 5 },
  );
  const report: DeletionSweepReport = { advanced: 0, finished: 0 };
  for (const job of jobs) {
    if (!job.subjectEnc) continue;
    const openid = crypto.decrypt(job.subjectEnc, subjectContext(job._id));
    const { ctx: m, meter } = metered(ctx, options.limits ?? BATCH_LIMITS);
    const after = await runBatchSafely(m, meter, job, openid);
    if (after.version !== job.version) report.advanced++;
    if (after.state === 'done') report.finished++;
  }
  return report;
}
