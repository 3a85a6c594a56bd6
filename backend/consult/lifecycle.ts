import type { ConsultStatus } from '../../contract/consult/items';
import { CONSULTS } from '../collections';
import type { Handler } from '../core/action';
import type { Ctx } from '../core/context';
import { recordFromConsult } from '../records/from-consult';
import { portOf } from '../user/ports';
import { loadAs, requireAccount, requireDoctor } from './access';
import { announceTransition } from './announce';
import { consultError, statusChanged, wrongStatus } from './errors';
import { contexts, sortKeyOf, type ConsultDoc } from './model';
import { settlePayment } from './payment';
import { markRefunded, sendRefund } from './refunds';
import { toView } from './views';

/**
 * Moves a consult from `from` by compare-and-set on its status (plus `also`): answers the
 * new document, or null when someone changed it first.
 */
export async function transition(
  ctx: Ctx,
  consult: ConsultDoc,
  from: ConsultStatus,
  set: Partial<ConsultDoc>,
  also: Record<string, string | null> = {},
): Promise<ConsultDoc | null> {
  const at = ctx.clock.now().toISOString();
  const patch = { ...set, updatedAt: at, sortKey: sortKeyOf(at, consult._id) };
  const won = await ctx.store.updateIf(
    CONSULTS.name,
    consult._id,
    { status: from, ...also },
    { set: patch },
  );
  return won ? { ...consult, ...patch } : null;
}

const fresh = async (ctx: Ctx, id: string) =>
  (await ctx.store.get<ConsultDoc>(CONSULTS.name, id)) as ConsultDoc;

/**
 * Patient, before the doctor accepts. Unpaid → cancelled. Waiting → refunded with the full
 * price (asked of the provider now; the sweep retries a failure), or cancelled when free.
 */
export const cancel: Handler<'consult', 'cancel'> = async (ctx, input) => {
  const { openid } = await requireAccount(ctx);
  let consult = await loadAs(ctx, input.consultId, openid, 'patient');
  // An unpaid order whose payment went through after all is now waiting: refund it instead.
  if (consult.status === 'pending_payment' && consult.payment)
    consult = (await settlePayment(ctx, consult._id)) ?? consult;

  let done: ConsultDoc | null;
  if (
    consult.status === 'pending_payment' ||
    (consult.status === 'waiting' && consult.price === 0)
  ) {
    const at = ctx.clock.now().toISOString();
    done = await transition(ctx, consult, consult.status, {
      status: 'cancelled',
      cancelReason: 'patient',
      endedAt: at,
      queueKey: null,
    });
  } else if (consult.status === 'waiting') {
    done = await markRefunded(ctx, consult, 'waiting', 'cancelled');
    if (done) await sendRefund(ctx, consult._id);
  } else {
    throw wrongStatus(consult.status);
  }
  if (!done) throw statusChanged();
  await announceTransition(ctx, done);
  return toView(ctx, await fresh(ctx, consult._id), 'patient', openid);
};

/**
 * Doctor: waiting → active, by compare-and-set on status and an empty doctorOpenid. Of two
 * accepts (two devices, or a doctor and the patient's cancel) exactly one wins; the other
 * gets CONFLICT with the state it lost to in details.status.
 */
export const accept: Handler<'consult', 'accept'> = async (ctx, input) => {
  const { openid } = await requireDoctor(ctx);
  const consult = await loadAs(ctx, input.consultId, openid, 'doctor');
  if (consult.status === 'pending_payment') throw wrongStatus(consult.status);
  const lost = () => consultError('CONFLICT', 'status_changed', { status: consult.status });
  if (consult.status !== 'waiting') throw lost();
  const at = ctx.clock.now().toISOString();
  const done = await transition(
    ctx,
    consult,
    'waiting',
    { status: 'active', doctorOpenid: openid, acceptedAt: at, queueKey: null },
    { doctorOpenid: null },
  );
  if (!done) {
    const now = await fresh(ctx, consult._id);
    throw consultError('CONFLICT', 'status_changed', { status: now.status });
  }
  await announceTransition(ctx, done);
  return toView(ctx, done, 'doctor', openid);
};

/** Doctor: active → closed with a summary (encrypted, shown to both). */
export const close: Handler<'consult', 'close'> = async (ctx, input) => {
  const { openid } = await requireDoctor(ctx);
  const consult = await loadAs(ctx, input.consultId, openid, 'doctor');
  if (consult.status !== 'active') throw wrongStatus(consult.status);
  const done = await transition(ctx, consult, 'active', {
    status: 'closed',
    endedAt: ctx.clock.now().toISOString(),
    summaryEnc: portOf(ctx, 'crypto').encrypt(input.summary, contexts.summary(consult._id)),
  });
  if (!done) throw statusChanged();
  // The summary becomes a record of the consult's 就诊人; the close stands if that fails.
  await recordFromConsult(ctx, done, input.summary).catch((err: unknown) =>
    ctx.log.error({ consultId: consult._id, err: String(err) }, 'summary record failed'),
  );
  await announceTransition(ctx, done);
  return toView(ctx, done, 'doctor', openid);
};
