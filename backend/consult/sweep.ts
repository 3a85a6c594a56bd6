import { PAYMENT_WINDOW_MINUTES, UNATTACHED_UPLOAD_HOURS } from '../../contract/consult/items';
import { CONSULTS } from '../collections';
import type { Ctx } from '../core/context';
import { announceTransition } from './announce';
import { HOUR_MS, type ConsultDoc } from './model';
import { settlePayment } from './payment';
import { markRefunded, RETRY_FAILED_MS, sendRefund, STALE_SENDING_MS } from './refunds';
import { transition } from './lifecycle';
import { removeStaleUploads } from './uploads';

/** How much one run does at most per step; a backlog drains over the following runs. */
const BATCH = 100;

export interface SweepReport {
  /** Waiting past the 48-hour deadline → refunded (paid) or cancelled (free). */
  expired: number;
  /** Left unpaid past the payment window → cancelled. */
  unpaid: number;
  /** Refunds handed to the provider in this run, and those that failed (retried next run). */
  refunds: number;
  refundFailures: number;
  uploadsRemoved: number;
}

/**
 * The consultation sweep: one backend job, run by the CloudBase timer function
 * (cloudfunctions/consult-sweep, every 10 minutes) and by the local server's interval. It
 * is not an action, so no client can call it. Every step is a compare-and-set from the state
 * it found, so two runs at once, or a run repeated, change each consult once and ask for
 * each refund once.
 */
export async function runConsultSweep(ctx: Ctx): Promise<SweepReport> {
  const report: SweepReport = {
    expired: 0,
    unpaid: 0,
    refunds: 0,
    refundFailures: 0,
    uploadsRemoved: 0,
  };
  const now = ctx.clock.now();
  const iso = now.toISOString();

  const overdue = await ctx.store.find<ConsultDoc>(
    CONSULTS.name,
    { status: 'waiting', deadlineAt: { $lte: iso } },
    { limit: BATCH },
  );
  for (const consult of overdue) {
    const done =
      consult.price > 0
        ? await markRefunded(ctx, consult, 'waiting', 'timeout')
        : await transition(ctx, consult, 'waiting', {
            status: 'cancelled',
            cancelReason: 'timeout',
            endedAt: iso,
            queueKey: null,
          });
    if (!done) continue;
    report.expired++;
    await announceTransition(ctx, done);
  }

  const windowStart = new Date(now.getTime() - PAYMENT_WINDOW_MINUTES * 60_000).toISOString();
  const unpaid = await ctx.store.find<ConsultDoc>(
    CONSULTS.name,
    { status: 'pending_payment', createdAt: { $lte: windowStart } },
    { limit: BATCH },
  );
  for (const consult of unpaid) {
    // Paid after all (a lost notice): it goes to the queue instead.
    const settled = consult.payment ? await settlePayment(ctx, consult._id) : consult;
    if (!settled || settled.status !== 'pending_payment') continue;
    const done = await transition(ctx, settled, 'pending_payment', {
      status: 'cancelled',
      cancelReason: 'unpaid',
      endedAt: iso,
    });
    if (!done) continue;
    report.unpaid++;
    await announceTransition(ctx, done);
  }

  const before = (ms: number) => ({ $lt: new Date(now.getTime() - ms).toISOString() });
  const owed = [
    ...(await ctx.store.find<ConsultDoc>(
      CONSULTS.name,
      { status: 'refunded', refundStatus: 'pending' },
      { limit: BATCH },
    )),
    ...(await ctx.store.find<ConsultDoc>(
      CONSULTS.name,
      { status: 'refunded', refundStatus: 'failed', refundClaimedAt: before(RETRY_FAILED_MS) },
      { limit: BATCH },
    )),
    ...(await ctx.store.find<ConsultDoc>(
      CONSULTS.name,
      { status: 'refunded', refundStatus: 'sending', refundClaimedAt: before(STALE_SENDING_MS) },
      { limit: BATCH },
    )),
  ];
  for (const consult of owed) {
    const result = await sendRefund(ctx, consult._id);
    if (result === 'done') report.refunds++;
    if (result === 'failed') report.refundFailures++;
  }

  const uploadCutoff = new Date(now.getTime() - UNATTACHED_UPLOAD_HOURS * HOUR_MS).toISOString();
  report.uploadsRemoved = await removeStaleUploads(ctx, uploadCutoff, BATCH);
  return report;
}
