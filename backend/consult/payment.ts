import { CONSULTS } from '../collections';
import type { Handler } from '../core/action';
import type { Ctx } from '../core/context';
import { ApiError } from '../core/errors';
import { portOf } from '../user/ports';
import { loadAs, requireAccount } from './access';
import { announceTransition } from './announce';
import { waitingFields } from './create';
import { consultError, wrongStatus } from './errors';
import type { ConsultDoc } from './model';
import { markRefunded, sendRefund } from './refunds';

/**
 * Paying (PaymentProvider). Whether an order is paid is always asked of the provider
 * (`query`): a client's "I paid" and a payment notice's body are only reasons to ask.
 */

/** WeChat Pay's `body`: ≤ 128 bytes. */
const orderDescription = (consult: ConsultDoc) =>
  `上海助医-图文咨询-${consult.doctor.name}`.slice(0, 40);

/**
 * Records a payment the provider confirms: pending_payment → waiting (compare-and-set, so
 * of any number of concurrent confirmations exactly one moves it and announces it). A
 * payment arriving for an order already cancelled is refunded. Answers the consult as it
 * now stands.
 */
export async function settlePayment(ctx: Ctx, consultId: string): Promise<ConsultDoc | null> {
  const consult = await ctx.store.get<ConsultDoc>(CONSULTS.name, consultId);
  if (!consult || consult.price === 0) return consult;
  if (consult.status !== 'pending_payment' && consult.status !== 'cancelled') return consult;
  const paid = await portOf(ctx, 'payment').query(consult._id);
  if (paid.state !== 'paid') return consult;
  if (paid.amountFen !== undefined && paid.amountFen !== consult.price) {
    ctx.log.error(
      { consultId, paid: paid.amountFen, price: consult.price },
      'paid amount differs from the price; not marking the consult paid',
    );
    return consult;
  }
  const now = ctx.clock.now();
  if (consult.status === 'cancelled') {
    if (consult.refundStatus !== 'none') return consult;
    const refunded = await markRefunded(ctx, consult, 'cancelled', 'late_payment');
    if (!refunded) return ctx.store.get<ConsultDoc>(CONSULTS.name, consultId);
    await sendRefund(ctx, consultId);
    await announceTransition(ctx, refunded);
    return ctx.store.get<ConsultDoc>(CONSULTS.name, consultId);
  }
  const set = {
    ...waitingFields(consult._id, now),
    paidAt: now.toISOString(),
    'payment.transactionId': paid.transactionId ?? null,
  };
  if (!(await ctx.store.updateIf(CONSULTS.name, consultId, { status: 'pending_payment' }, { set })))
    return ctx.store.get<ConsultDoc>(CONSULTS.name, consultId);
  const waiting: ConsultDoc = {
    ...consult,
    ...waitingFields(consult._id, now),
    paidAt: set.paidAt,
    payment: consult.payment && { ...consult.payment, transactionId: paid.transactionId ?? null },
  };
  await announceTransition(ctx, waiting);
  return waiting;
}

export const pay: Handler<'consult', 'pay'> = async (ctx, input) => {
  const { openid } = await requireAccount(ctx);
  let consult = await loadAs(ctx, input.consultId, openid, 'patient');
  // A payment started earlier may have gone through without its notice reaching us yet.
  if (consult.status === 'pending_payment' && consult.payment)
    consult = (await settlePayment(ctx, consult._id)) ?? consult;
  if (consult.status === 'cancelled' || consult.status === 'refunded')
    throw wrongStatus(consult.status);
  if (consult.status !== 'pending_payment')
    return { consultId: consult._id, status: consult.status, payment: null };

  const payment = portOf(ctx, 'payment');
  if (payment.kind === 'none') throw consultError('FAILED_PRECONDITION', 'payment_unavailable');
  let launch;
  try {
    launch = await payment.start({
      outTradeNo: consult._id,
      amountFen: consult.price,
      description: orderDescription(consult),
      payerOpenid: openid,
      clientIp: ctx.caller?.clientIp ?? null,
    });
  } catch (err) {
    if (err instanceof ApiError) throw err;
    ctx.log.error({ consultId: consult._id, err: String(err) }, 'payment could not be started');
    throw consultError('INTERNAL', 'payment_failed');
  }
  await ctx.store.updateIf(
    CONSULTS.name,
    consult._id,
    { status: 'pending_payment' },
    {
      set: {
        payment: {
          provider: payment.kind,
          startedAt: ctx.clock.now().toISOString(),
          transactionId: null,
        },
      },
    },
  );
  return { consultId: consult._id, status: consult.status, payment: launch };
};

/** The local 模拟支付 page's answer. Exists only where the sandbox provider is configured. */
export const sandboxConfirm: Handler<'consult', 'sandboxConfirm'> = async (ctx, input) => {
  const { openid } = await requireAccount(ctx);
  const sandbox = ctx.payment?.kind === 'sandbox' ? ctx.payment.sandbox : undefined;
  if (!sandbox) throw consultError('FAILED_PRECONDITION', 'sandbox_unavailable');
  if (!(await sandbox.decide(input.orderId, openid, input.outcome)))
    throw new ApiError('NOT_FOUND', '订单不存在');
  const consult =
    input.outcome === 'paid'
      ? await settlePayment(ctx, input.orderId)
      : await ctx.store.get<ConsultDoc>(CONSULTS.name, input.orderId);
  if (!consult) throw new ApiError('NOT_FOUND', '订单不存在');
  return { consultId: consult._id, status: consult.status };
};

/**
 * A WeChat Pay notice (the consult cloud function receives them: `functionName` of
 * unifiedOrder). Its body is not trusted: the order is looked up with queryOrder. Answers
 * what WeChat expects; a non-zero errcode makes WeChat retry for up to two days.
 */
export async function paymentNotice(
  ctx: Ctx,
  outTradeNo: string,
): Promise<{ errcode: number; errmsg: string }> {
  try {
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(outTradeNo)) return { errcode: 0, errmsg: 'IGNORED' };
    await settlePayment(ctx, outTradeNo);
    return { errcode: 0, errmsg: 'OK' };
  } catch (err) {
    ctx.log.error({ outTradeNo, err: String(err) }, 'payment notice failed; WeChat will retry');
    return { errcode: 1, errmsg: 'RETRY' };
  }
}
