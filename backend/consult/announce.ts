import { chatPage, CONSULT_PAGES } from '../../contract/consult/items';
import type { ConsultEvent } from '../../contract/consult/events';
import type { ConsultRole } from '../../contract/consult/views';
import { DOCTOR_BINDINGS } from '../collections';
import type { Ctx } from '../core/context';
import type { StoredDoc } from '../ports/document-store';
import type { Notice } from '../ports/notifier';
import type { MessageDoc, ConsultDoc } from './model';
import { toMessageView } from './views';

/**
 * Telling people: live events to open clients (Realtime) and notices (Notifier). Both are
 * best effort — the state change they report has already been stored, so a failure here is
 * logged and never turns a successful action into an error.
 */

function publish(ctx: Ctx, openid: string | null, event: ConsultEvent): void {
  if (!openid || !ctx.realtime) return;
  try {
    ctx.realtime.publish(openid, event);
  } catch (err) {
    ctx.log.warn({ err: String(err) }, 'realtime publish failed');
  }
}

export async function notify(ctx: Ctx, notice: Omit<Notice, 'at'>): Promise<void> {
  if (!ctx.notifier) return;
  await ctx.notifier
    .notify({ ...notice, at: ctx.clock.now() })
    .catch((err: unknown) =>
      ctx.log.warn({ err: String(err), kind: notice.kind }, 'notification failed'),
    );
}

/** The account bound to a doctor, for queue events and new-consult notices. */
export async function doctorAccountOf(ctx: Ctx, doctorId: string): Promise<string | null> {
  const doc = await ctx.store.get<StoredDoc & { owner: string }>(DOCTOR_BINDINGS.name, doctorId);
  return doc?.owner ?? null;
}

/** A new message, to both participants' open clients, each with links bound to them. */
export async function announceMessage(
  ctx: Ctx,
  message: MessageDoc,
  text: string | undefined,
): Promise<void> {
  if (!ctx.realtime) return;
  const sides: Array<[ConsultRole, string]> = [
    ['patient', message.patientOpenid],
    ['doctor', message.doctorOpenid],
  ];
  for (const [role, openid] of sides) {
    const view = await toMessageView(ctx, message, role, openid, text);
    publish(ctx, openid, { type: 'message', consultId: message.consultId, message: view });
  }
}

/**
 * A state change: a `status` event to the participants; while the consult is or was in the
 * doctor's queue, a `queue` event to the doctor's account too.
 */
export async function announceStatus(ctx: Ctx, consult: ConsultDoc): Promise<void> {
  const at = consult.updatedAt;
  const event: ConsultEvent = {
    type: 'status',
    consultId: consult._id,
    status: consult.status,
    at,
  };
  publish(ctx, consult.patientOpenid, event);
  publish(ctx, consult.doctorOpenid, event);
  if (consult.doctorOpenid === null && ctx.realtime) {
    publish(ctx, await doctorAccountOf(ctx, consult.doctorId), {
      type: 'queue',
      consultId: consult._id,
      doctorId: consult.doctorId,
      status: consult.status,
    });
  }
}

/** The notices each state change sends, and to whom. */
export async function noticeForStatus(ctx: Ctx, consult: ConsultDoc): Promise<void> {
  const id = consult._id;
  const doctorName = consult.doctor.name;
  switch (consult.status) {
    case 'waiting': {
      const to = await doctorAccountOf(ctx, consult.doctorId);
      if (to)
        await notify(ctx, {
          to,
          kind: 'new_consult',
          consultId: id,
          title: '新的图文咨询',
          body: '有患者向您发起了图文咨询，请及时接诊',
          page: CONSULT_PAGES.workbench,
        });
      return;
    }
    case 'active':
      return notify(ctx, {
        to: consult.patientOpenid,
        kind: 'accepted',
        consultId: id,
        title: '医生已接诊',
        body: `${doctorName}医生已接诊，请留意回复`,
        page: chatPage(id),
      });
    case 'closed':
      return notify(ctx, {
        to: consult.patientOpenid,
        kind: 'closed',
        consultId: id,
        title: '咨询已结束',
        body: `${doctorName}医生已结束本次咨询并留下小结`,
        page: chatPage(id),
      });
    case 'refunded':
      return notify(ctx, {
        to: consult.patientOpenid,
        kind: 'refunded',
        consultId: id,
        title: '咨询已退款',
        body:
          consult.refund?.reason === 'timeout'
            ? `${doctorName}医生 48 小时内未接诊，费用将原路退回`
            : '咨询费用将原路退回',
        page: chatPage(id),
      });
    case 'cancelled':
      if (consult.cancelReason === 'patient') return;
      return notify(ctx, {
        to: consult.patientOpenid,
        kind: 'cancelled',
        consultId: id,
        title: '咨询已取消',
        body:
          consult.cancelReason === 'timeout'
            ? `${doctorName}医生 48 小时内未接诊，咨询已取消`
            : '订单超时未支付，已自动取消',
        page: chatPage(id),
      });
    default:
      return;
  }
}

/** A state change: live events and notices. */
export async function announceTransition(ctx: Ctx, consult: ConsultDoc): Promise<void> {
  await announceStatus(ctx, consult);
  await noticeForStatus(ctx, consult);
}

/** A reply: the other side gets one notice per turn (the first message after theirs). */
export async function noticeForMessage(
  ctx: Ctx,
  consult: ConsultDoc,
  sender: ConsultRole,
): Promise<void> {
  const to = sender === 'doctor' ? consult.patientOpenid : consult.doctorOpenid;
  if (!to) return;
  await notify(ctx, {
    to,
    kind: 'reply',
    consultId: consult._id,
    title: sender === 'doctor' ? '医生回复了您' : '患者发来新消息',
    body: sender === 'doctor' ? `${consult.doctor.name}医生回复了您的咨询` : '请及时查看并回复',
    page: chatPage(consult._id),
  });
}
