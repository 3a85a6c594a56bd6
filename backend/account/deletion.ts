import { DELETION_CONSEQUENCES, DELETION_TYPED_WORD } from '../../contract/account';
import { maskPhone } from '../../contract/user/id-number';
import type { Handler } from '../core/action';
import { requireCaller } from '../core/auth';
import type { Ctx } from '../core/context';
import type { ParsedInputOf } from '../../contract';
import { boundPhone, loadUser, requireTrustedAccount, type UserDoc } from '../user/account';
import { consumeCode } from '../user/codes';
import { loginRequired } from '../user/errors';
import { censusRows, censusScan } from './census';
import { accountFieldError } from './errors';
import { loadJob, startJob, statusOf } from './job';
import { metered, UNBOUNDED, type BatchLimits } from './meter';
import { deletionPlan, ownEntries } from './plan';
import { runBatchSafely } from './runner';
import { addCensus, emptyCensus, type Census, type Unit } from './types';

/** Everything the census steps of a job would count, in one unbounded pass (the preview). */
async function fullCensus(ctx: Ctx, openid: string): Promise<Census> {
  const { ctx: c, meter } = metered(ctx, UNBOUNDED);
  const u: Unit = { ctx: c, meter, openid, now: ctx.clock.now() };
  let census = emptyCensus();
  for (const step of deletionPlan()) {
    if (step.kind === 'census-rows')
      census = addCensus(census, (await censusRows(u, step))?.census);
    if (step.kind !== 'census-scan') continue;
    let cursor: string | null = null;
    for (;;) {
      const r = await censusScan(u, step, cursor);
      census = addCensus(census, r?.census);
      if (!r || r.done) break;
      cursor = r.cursor;
    }
  }
  return census;
}

/** DEL: the 注销账号 screen. A registered account must be in a trusted session (DEV). */
export const deletionPreview: Handler<'account', 'deletionPreview'> = async (ctx) => {
  const { openid } = requireCaller(ctx);
  let user: UserDoc | null = await loadUser(ctx, openid);
  if (user) user = (await requireTrustedAccount(ctx)).user;
  const census = await fullCensus(ctx, openid);
  const job = await loadJob(ctx, openid);
  return {
    counts: census.counts,
    consequences: [...DELETION_CONSEQUENCES],
    verification: user ? 'sms' : 'typed',
    phoneMasked: user ? maskPhone(boundPhone(ctx, user)) : null,
    deletion: job?.state ?? 'none',
  };
};

/**
 * The re-verification: a fresh 'verify' SMS code to the bound phone (single use, the user
 * function's rules), or — with no bound phone — the typed word. Refused → nothing changes.
 */
async function reverify(
  ctx: Ctx,
  openid: string,
  user: UserDoc | null,
  input: ParsedInputOf<'account', 'delete'>,
): Promise<void> {
  if (!user) {
    if (input.typed !== DELETION_TYPED_WORD)
      throw accountFieldError('data.typed', 'typed_required');
    return;
  }
  if (!user.loggedIn) throw loginRequired();
  if (input.code === undefined) throw accountFieldError('data.code', 'code_required');
  await consumeCode(
    ctx,
    { purpose: 'verify', phone: boundPhone(ctx, user), owner: openid },
    input.code,
  );
}

/** Whether any own entry of the map still has a row of the caller's. */
async function holdsAnything(ctx: Ctx, openid: string): Promise<boolean> {
  for (const e of ownEntries()) {
    if ((await ctx.store.count(e.collection, { [e.ownerField]: openid })) > 0) return true;
  }
  return false;
}

export function deleteHandler(limits: BatchLimits): Handler<'account', 'delete'> {
  return async (ctx, input) => {
    const { openid } = requireCaller(ctx);
    const { ctx: m, meter } = metered(ctx, limits);
    const job = await loadJob(m, openid);
    // Already confirmed: only go on with it.
    if (job?.state === 'running') return statusOf(await runBatchSafely(m, meter, job, openid));
    const user = await loadUser(m, openid);
    await reverify(m, openid, user, input);
    // A repeated confirmation after the end (a double tap) keeps the one receipt.
    if (job?.state === 'done' && !user && !(await holdsAnything(m, openid))) return statusOf(job);
    const started = await startJob(m, openid, job);
    return statusOf(await runBatchSafely(m, meter, started, openid));
  };
}

export function deletionStatusHandler(limits: BatchLimits): Handler<'account', 'deletionStatus'> {
  return async (ctx) => {
    const { openid } = requireCaller(ctx);
    const { ctx: m, meter } = metered(ctx, limits);
    const job = await loadJob(m, openid);
    if (job?.state !== 'running') return statusOf(job);
    return statusOf(await runBatchSafely(m, meter, job, openid));
  };
}
