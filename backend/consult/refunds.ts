import type { ConsultStatus } from '../../contract/consult/items';
import { CONSULTS } from '../collections';
import type { Ctx } from '../core/context';
import { portOf } from '../user/ports';
import { outRefundNoOf, sortKeyOf, type ConsultDoc, type RefundReason } from './model';

/** A refund claimed by one sender but not finished after this is presumed lost and retried. */
export const STALE_SENDING_MS = 10 * 60_000;
/** A failed refund waits this long before the next attempt (not again in the same breath). */
export const RETRY_FAILED_MS = 60_000;

/**
 * Moves a consult from `from` to refunded with a pending refund of the full price, by
 * compare-and-set on the status: of two racing callers (the sweep and a cancel, two sweeps)
 * exactly one wins. Answers the new document, or null when the status had already changed.
 * The money moves afterwards in sendRefund, which may be retried.
 */
export async function markRefunded(
  ctx: Ctx,
  consult: ConsultDoc,
  from: ConsultStatus,
  reason: RefundReason,
): Promise<ConsultDoc | null> {
  const at = ctx.clock.now().toISOString();
  const set = {
    status: 'refunded' as const,
    endedAt: at,
    updatedAt: at,
    sortKey: sortKeyOf(at, consult._id),
    queueKey: null,
    refund: {
      reason,
      amount: consult.price,
      requestedAt: at,
      doneAt: null,
      attempts: 0,
      lastError: null,
    },
    refundStatus: 'pending' as const,
    refundClaimedAt: null,
  };
  const won = await ctx.store.updateIf(CONSULTS.name, consult._id, { status: from }, { set });
  return won ? { ...consult, ...set } : null;
}

/**
 * Asks the provider to pay a pending (or failed, or stale) refund back. One sender claims it
 * first (refundStatus → sending, compare-and-set), so running this twice, or from two
 * sweeps, asks once; a crash mid-way leaves a stale claim the sweep retries with the same
 * refund number, which the provider treats as the same refund.
 */
export async function sendRefund(
  ctx: Ctx,
  consultId: string,
): Promise<'done' | 'failed' | 'skipped'> {
  const consult = await ctx.store.get<ConsultDoc>(CONSULTS.name, consultId);
  if (!consult || consult.status !== 'refunded' || !consult.refund) return 'skipped';
  const now = ctx.clock.now();
  const since = consult.refundClaimedAt
    ? now.getTime() - new Date(consult.refundClaimedAt).getTime()
    : Infinity;
  const due =
    consult.refundStatus === 'pending' ||
    (consult.refundStatus === 'failed' && since >= RETRY_FAILED_MS) ||
    (consult.refundStatus === 'sending' && since > STALE_SENDING_MS);
  if (!due) return 'skipped';
  const claimedAt = now.toISOString();
  const claimed = await ctx.store.updateIf(
    CONSULTS.name,
    consultId,
    { refundStatus: consult.refundStatus, refundClaimedAt: consult.refundClaimedAt },
    { set: { refundStatus: 'sending', refundClaimedAt: claimedAt }, inc: { 'refund.attempts': 1 } },
  );
  if (!claimed) return 'skipped';

  const mine = { refundStatus: 'sending', refundClaimedAt: claimedAt };
  try {
    await portOf(ctx, 'payment').refund({
      outTradeNo: consult._id,
      outRefundNo: outRefundNoOf(consult._id),
      totalFen: consult.price,
      refundFen: consult.refund.amount,
    });
  } catch (err) {
    ctx.log.error({ consultId, err: String(err) }, 'refund failed; the sweep retries it');
    await ctx.store.updateIf(CONSULTS.name, consultId, mine, {
      set: { refundStatus: 'failed', 'refund.lastError': String(err).slice(0, 200) },
    });
    return 'failed';
  }
  const doneAt = ctx.clock.now().toISOString();
  await ctx.store.updateIf(CONSULTS.name, consultId, mine, {
    set: { refundStatus: 'done', 'refund.doneAt': doneAt, 'refund.lastError': null },
  });
  return 'done';
}
