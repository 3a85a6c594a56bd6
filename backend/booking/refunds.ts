import { APPOINTMENTS } from '../collections';
import type { Ctx } from '../core/context';
import { portOf } from '../user/ports';
import { outRefundNoOf, type AppointmentDoc } from './model';

export const STALE_SENDING_MS = 10 * 60_000;
export const RETRY_FAILED_MS = 60_000;

/**
 * Pays a pending (failed, or stale) refund back, as consultations do (backend/consult/refunds.ts):
 * one sender claims it by compare-and-set, the refund number is stable, so retries and two
 * sweeps ask the provider once per refund. The money goes back from the hospital's
 * sub-merchant it was paid to.
 */
export async function sendRefund(ctx: Ctx, id: string): Promise<'done' | 'failed' | 'skipped'> {
  const appt = await ctx.store.get<AppointmentDoc>(APPOINTMENTS.name, id);
  if (!appt || !appt.refund) return 'skipped';
  const now = ctx.clock.now();
  const since = appt.refundClaimedAt ? now.getTime() - Date.parse(appt.refundClaimedAt) : Infinity;
  const due =
    appt.refundStatus === 'pending' ||
    (appt.refundStatus === 'failed' && since >= RETRY_FAILED_MS) ||
    (appt.refundStatus === 'sending' && since > STALE_SENDING_MS);
  if (!due) return 'skipped';
  const claimedAt = now.toISOString();
  const claimed = await ctx.store.updateIf(
    APPOINTMENTS.name,
    id,
    { refundStatus: appt.refundStatus, refundClaimedAt: appt.refundClaimedAt },
    { set: { refundStatus: 'sending', refundClaimedAt: claimedAt }, inc: { 'refund.attempts': 1 } },
  );
  if (!claimed) return 'skipped';
  const mine = { refundStatus: 'sending', refundClaimedAt: claimedAt };
  try {
    await portOf(ctx, 'payment').refund({
      outTradeNo: id,
      outRefundNo: outRefundNoOf(id),
      totalFen: appt.feeFen,
      refundFen: appt.refund.amountFen,
      ...(appt.subMchId ? { subMchId: appt.subMchId } : {}),
    });
  } catch (err) {
    ctx.log.error({ appointmentId: id, err: String(err) }, 'refund failed; the sweep retries it');
    await ctx.store.updateIf(APPOINTMENTS.name, id, mine, {
      set: { refundStatus: 'failed', 'refund.lastError': String(err).slice(0, 200) },
    });
    return 'failed';
  }
  await ctx.store.updateIf(APPOINTMENTS.name, id, mine, {
    set: {
      refundStatus: 'done',
      'refund.doneAt': ctx.clock.now().toISOString(),
      'refund.lastError': null,
    },
  });
  return 'done';
}
