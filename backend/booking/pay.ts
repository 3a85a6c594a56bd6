import { APPOINTMENTS } from '../collections';
import type { Handler } from '../core/action';
import type { Ctx } from '../core/context';
import { ApiError } from '../core/errors';
import { portOf } from '../user/ports';
import { takeQuota } from '../user/rate-limit';
import { BOOKING_CALLS_PER_DAY, BOOKING_PAGES } from '../../contract/booking/items';
import { requireAccount } from '../consult/access';
import { appointmentNotFound, bookingError } from './errors';
import { loadMine } from './mine';
import type { AppointmentDoc } from './model';
import { sendRefund } from './refunds';
import { toAppointmentView } from './views';

/**
 * Paying the registration fee: WeChat Pay on CloudBase as 服务商 with the hospital as
 * sub-merchant (the order names the hospital's subMchId; docs/booking-payments.md), the local
 * sandbox otherwise. The order expires with the hold (time_expire = holdUntil). Whether it was
 * paid is always asked of the provider.
 */
export async function settlePayment(ctx: Ctx, id: string): Promise<AppointmentDoc | null> {
  const appt = await ctx.store.get<AppointmentDoc>(APPOINTMENTS.name, id);
  if (!appt || appt.payAt !== 'online' || !appt.payment || appt.paidAt) return appt;
  const paid = await portOf(ctx, 'payment').query(id, appt.subMchId ?? undefined);
  if (paid.state !== 'paid') return appt;
  if (paid.amountFen !== undefined && paid.amountFen !== appt.feeFen) {
    ctx.log.error(
      { appointmentId: id, paid: paid.amountFen, fee: appt.feeFen },
      'paid amount differs from the fee',
    );
    return appt;
  }
  const at = ctx.clock.now().toISOString();
  const paidFields = { paidAt: at, 'payment.transactionId': paid.transactionId ?? null };
  if (appt.status === 'pending_payment') {
    const won = await ctx.store.updateIf(
      APPOINTMENTS.name,
      id,
      { status: 'pending_payment' },
      {
        set: { ...paidFields, status: 'booked', holdUntil: null },
      },
    );
    if (won) return ctx.store.get<AppointmentDoc>(APPOINTMENTS.name, id);
  }
  // Paid after the place was released (or cancelled): the money goes straight back.
  const now = await ctx.store.get<AppointmentDoc>(APPOINTMENTS.name, id);
  if (!now || now.paidAt || now.status === 'booked') return now;
  const refund = {
    amountFen: appt.feeFen,
    reason: 'late_payment',
    requestedAt: at,
    doneAt: null,
    attempts: 0,
    lastError: null,
  };
  const marked = await ctx.store.updateIf(
    APPOINTMENTS.name,
    id,
    { status: now.status, refundStatus: 'none' },
    {
      set: { ...paidFields, refund, refundStatus: 'pending', refundClaimedAt: null },
    },
  );
  if (marked) await sendRefund(ctx, id);
  return ctx.store.get<AppointmentDoc>(APPOINTMENTS.name, id);
}

export const pay: Handler<'booking', 'pay'> = async (ctx, input) => {
  const { openid } = await requireAccount(ctx);
  let appt = await loadMine(ctx, input.appointmentId, openid);
  if (appt.status === 'pending_payment' && appt.payment)
    appt = (await settlePayment(ctx, appt._id)) ?? appt;
  if (appt.status !== 'pending_payment') {
    if (appt.status === 'booked')
      return { appointmentId: appt._id, status: appt.status, payment: null };
    throw bookingError('FAILED_PRECONDITION', 'wrong_status', { status: appt.status });
  }
  await takeQuota(ctx, {
    daily: [{ kind: 'booking_daily', subject: openid, max: BOOKING_CALLS_PER_DAY }],
  });
  const payment = portOf(ctx, 'payment');
  if (payment.kind === 'none') throw bookingError('FAILED_PRECONDITION', 'payment_unavailable');
  let launch;
  try {
    launch = await payment.start({
      outTradeNo: appt._id,
      amountFen: appt.feeFen,
      description: `上海助医-预约挂号-${appt.hospitalName}`.slice(0, 40),
      payerOpenid: openid,
      clientIp: ctx.caller?.clientIp ?? null,
      ...(appt.subMchId ? { subMchId: appt.subMchId } : {}),
      expiresAt: new Date(appt.holdUntil ?? ctx.clock.now().toISOString()),
      sandboxPage: BOOKING_PAGES.sandboxPay,
    });
  } catch (err) {
    if (err instanceof ApiError) throw err;
    ctx.log.error({ appointmentId: appt._id, err: String(err) }, 'payment could not be started');
    throw bookingError('INTERNAL', 'payment_failed');
  }
  const startedAt = ctx.clock.now().toISOString();
  await ctx.store.updateIf(
    APPOINTMENTS.name,
    appt._id,
    { status: 'pending_payment' },
    {
      set: { payment: { provider: payment.kind, startedAt, transactionId: null } },
    },
  );
  return { appointmentId: appt._id, status: appt.status, payment: launch };
};

/**
 * The local 模拟支付 page's answer for a booking order (the order id is the appointment id).
 * Exists only where the sandbox provider is configured; the result is asked of the provider
 * as always, so the page learns the appointment's state, not its own word.
 */
export const sandboxConfirm: Handler<'booking', 'sandboxConfirm'> = async (ctx, input) => {
  const { openid } = await requireAccount(ctx);
  const sandbox = ctx.payment?.kind === 'sandbox' ? ctx.payment.sandbox : undefined;
  if (!sandbox) throw bookingError('FAILED_PRECONDITION', 'sandbox_unavailable');
  const appt = await loadMine(ctx, input.appointmentId, openid);
  if (!(await sandbox.decide(appt._id, openid, input.outcome))) throw appointmentNotFound();
  const settled = input.outcome === 'paid' ? await settlePayment(ctx, appt._id) : appt;
  return toAppointmentView(settled ?? appt, ctx.clock.now());
};

/** A WeChat Pay notice for a booking order (the booking function is its functionName); body not trusted. */
export async function bookingPaymentNotice(
  ctx: Ctx,
  outTradeNo: string,
): Promise<{ errcode: number; errmsg: string }> {
  try {
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(outTradeNo)) return { errcode: 0, errmsg: 'IGNORED' };
    await settlePayment(ctx, outTradeNo);
    return { errcode: 0, errmsg: 'OK' };
  } catch (err) {
    ctx.log.error(
      { outTradeNo, err: String(err) },
      'booking payment notice failed; WeChat will retry',
    );
    return { errcode: 1, errmsg: 'RETRY' };
  }
}
