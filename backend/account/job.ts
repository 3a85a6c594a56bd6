import type { DeletionReceipt, DeletionStatus } from '../../contract/account';
import { DELETION_JOBS } from '../collections';
import type { Ctx } from '../core/context';
import type { Crypto } from '../ports/crypto';
import { DuplicateIdError, type StoredDoc } from '../ports/document-store';
import { portOf } from '../user/ports';
import { deletionPlan } from './plan';
import { emptyCensus, type Census } from './types';

/**
 * One deletion job per identity (DEL). The id is an HMAC of the openid, so the caller
 * finds their own job and nobody else's, and the document names nobody. While running it
 * keeps the openid encrypted (`subjectEnc`) so the timer sweep can finish the job without
 * the caller; when done that goes too, leaving the receipt: times and counts.
 * Every write is a compare-and-set on `version`: of two runners at once (a double tap,
 * the sweep), one writes and the other's work — idempotent — is simply not recorded.
 */
export type JobFields = {
  state: 'running' | 'done';
  /** 1 for the first deletion; a new account on the same openid deleted later is 2, ... */
  generation: number;
  version: number;
  subjectEnc: string | null;
  /** The current step's key (plan.ts) and where in it; null when done. */
  step: string | null;
  cursor: string | null;
  /** How often verification sent the job back (rows written during the job). */
  loops: number;
  census: Census;
  batches: number;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
};

export type JobDoc = StoredDoc & JobFields;

export const jobIdOf = (crypto: Crypto, openid: string) =>
  `dj_${crypto.hmac('account-deletion', openid).slice(0, 40)}`;

export const subjectContext = (jobId: string) => `deletionJobs.subject:${jobId}`;

export function loadJob(ctx: Ctx, openid: string): Promise<JobDoc | null> {
  return ctx.store.get<JobDoc>(DELETION_JOBS.name, jobIdOf(portOf(ctx, 'crypto'), openid));
}

/**
 * A new job, or the next generation over a finished one; whoever loses a race gets the
 * winner's. `atLeast`: a replayed deletion takes the ledger's generation (replay.ts).
 */
export async function startJob(
  ctx: Ctx,
  openid: string,
  previous: JobDoc | null,
  atLeast = 0,
): Promise<JobDoc> {
  const crypto = portOf(ctx, 'crypto');
  const id = jobIdOf(crypto, openid);
  const now = ctx.clock.now().toISOString();
  const fresh: JobFields = {
    state: 'running',
    generation: Math.max((previous?.generation ?? 0) + 1, atLeast),
    version: (previous?.version ?? 0) + 1,
    subjectEnc: crypto.encrypt(openid, subjectContext(id)),
    step: deletionPlan()[0].key,
    cursor: null,
    loops: 0,
    census: emptyCensus(),
    batches: 0,
    startedAt: now,
    updatedAt: now,
    finishedAt: null,
  };
  if (previous) {
    const won = await ctx.store.updateIf(
      DELETION_JOBS.name,
      id,
      { version: previous.version, state: 'done' },
      { set: fresh },
    );
    if (won) return { _id: id, ...fresh };
  } else {
    try {
      await ctx.store.insert(DELETION_JOBS.name, { _id: id, ...fresh });
      return { _id: id, ...fresh };
    } catch (err) {
      if (!(err instanceof DuplicateIdError)) throw err;
    }
  }
  const current = await ctx.store.get<JobDoc>(DELETION_JOBS.name, id);
  if (!current) throw new Error('deletion job vanished while starting');
  return current;
}

export function receiptOf(job: JobDoc): DeletionReceipt {
  return {
    id: `${job._id.slice(3, 19)}-${job.generation}`,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt ?? job.updatedAt,
    counts: job.census.counts,
    rows: job.census.rows,
  };
}

export function statusOf(job: JobDoc | null): DeletionStatus {
  if (!job) return { state: 'none', progress: null };
  const plan = deletionPlan();
  if (job.state === 'done') {
    return {
      state: 'done',
      progress: { stepsDone: plan.length, stepsTotal: plan.length },
      receipt: receiptOf(job),
    };
  }
  const at = Math.max(
    0,
    plan.findIndex((s) => s.key === job.step),
  );
  return { state: 'running', progress: { stepsDone: at, stepsTotal: plan.length } };
}
