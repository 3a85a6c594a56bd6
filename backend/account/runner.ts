import { DELETION_JOBS } from '../collections';
import type { Ctx } from '../core/context';
import { ledgerSubjectOf } from '../ports/deletion-ledger';
import { portOf } from '../user/ports';
import { censusRows, censusScan } from './census';
import type { JobDoc } from './job';
import type { Meter } from './meter';
import { deletionPlan, RESTART_STEP, type Step } from './plan';
import { addCensus, type Unit, type UnitResult } from './types';
import { countersStep, filesStep, linkedStep, ownStep, signoutStep, verifyStep } from './units';

function runUnit(u: Unit, step: Step, cursor: string | null): Promise<UnitResult | null> {
  switch (step.kind) {
    case 'census-rows':
      return censusRows(u, step);
    case 'census-scan':
      return censusScan(u, step, cursor);
    case 'signout':
      return signoutStep(u);
    case 'counters':
      return countersStep(u);
    case 'linked':
      return linkedStep(u, step, cursor);
    case 'own':
      return ownStep(u, step);
    case 'files':
      return filesStep(u);
    case 'verify':
      return verifyStep(u, step, cursor);
  }
}

/**
 * One batch of a running job: units of work until the meter says stop, then one
 * compare-and-set write of where it got to (and the counts that go with that place). A
 * throw loses only this batch's bookkeeping; its work is idempotent and is found done or
 * redone by the next batch. Answers the job as stored afterwards.
 */
export async function runBatch(
  ctx: Ctx,
  meter: Meter,
  job: JobDoc,
  openid: string,
): Promise<JobDoc> {
  if (job.state !== 'running') return job;
  const plan = deletionPlan();
  const u: Unit = { ctx, meter, openid, now: ctx.clock.now() };
  // A step the plan no longer has (a deploy changed the map): start over; every step is idempotent.
  let i = plan.findIndex((s) => s.key === job.step);
  let cursor = i < 0 ? null : job.cursor;
  if (i < 0) i = 0;
  let { census, loops } = job;
  let units = 0;
  while (i < plan.length) {
    const result = await runUnit(u, plan[i], cursor);
    if (!result) break;
    units++;
    census = addCensus(census, result.census);
    if (result.restart) {
      i = plan.findIndex((s) => s.key === RESTART_STEP);
      cursor = null;
      loops++;
    } else if (result.done) {
      i++;
      cursor = null;
    } else {
      cursor = result.cursor;
    }
  }
  if (units === 0) return job;

  const now = ctx.clock.now().toISOString();
  const finished = i >= plan.length;
  const next: JobDoc = finished
    ? {
        ...job,
        state: 'done',
        subjectEnc: null,
        step: null,
        cursor: null,
        census,
        loops,
        finishedAt: now,
      }
    : { ...job, step: plan[i].key, cursor, census, loops };
  next.version = job.version + 1;
  next.batches = job.batches + 1;
  next.updatedAt = now;
  // Recorded before the job is marked done: if the append fails the batch fails, the job
  // stays running and the next batch records it (a race may record it twice: replay is
  // idempotent).
  if (finished) {
    await ctx.deletionLedger?.record({
      subject: ledgerSubjectOf(portOf(ctx, 'crypto'), openid),
      generation: job.generation,
      deletedAt: now,
    });
  }
  const { _id, ...fields } = next;
  const won = await ctx.store.updateIf(
    DELETION_JOBS.name,
    _id,
    { version: job.version },
    { set: fields },
  );
  if (!won) return (await ctx.store.get<JobDoc>(DELETION_JOBS.name, _id)) ?? job;
  // DEL: the rows are gone; so must be the copies the store's own log still holds.
  if (finished) await ctx.store.purgeRemnants?.();
  return next;
}

/**
 * A batch whose failure is logged, not thrown: the caller still answers with the job's
 * state, and the next call (or the sweep) goes on from the last recorded place.
 */
export async function runBatchSafely(
  ctx: Ctx,
  meter: Meter,
  job: JobDoc,
  openid: string,
): Promise<JobDoc> {
  try {
    return await runBatch(ctx, meter, job, openid);
  } catch (err) {
    ctx.log.warn({ err: String(err), step: job.step }, 'account deletion batch failed; resumes');
    return job;
  }
}
