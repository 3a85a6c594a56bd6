import {
  BOOKING_CALLS_PER_DAY,
  LIST_PAGE_SIZE,
  type AppointmentStatus,
} from '../../contract/booking/items';
import { APPOINTMENTS } from '../collections';
import type { Handler } from '../core/action';
import type { Filter } from '../ports/document-store';
import { takeQuota } from '../user/rate-limit';
import { requireAccount } from '../consult/access';
import { bookingError } from './errors';
import { endAppointment } from './lifecycle';
import { loadMine } from './mine';
import type { AppointmentDoc } from './model';
import { settlePayment } from './pay';
import { sendRefund } from './refunds';
import { toAppointmentView } from './views';

/**
 * Free cancellation until the hospital's cutoff (default 18:00 the working day before the
 * visit, by the 调休 calendar; docs/FACTS.md): full refund, the place released. After it,
 * refused with the rule (details.cancelUntil).
 */
export const cancel: Handler<'booking', 'cancel'> = async (ctx, input) => {
  const { openid } = await requireAccount(ctx);
  let appt = await loadMine(ctx, input.appointmentId, openid);
  await takeQuota(ctx, {
    daily: [{ kind: 'booking_daily', subject: openid, max: BOOKING_CALLS_PER_DAY }],
  });
  // A payment on its way is settled first, so it is refunded rather than lost.
  if (appt.status === 'pending_payment' && appt.payment)
    appt = (await settlePayment(ctx, appt._id)) ?? appt;
  if (appt.status !== 'pending_payment' && appt.status !== 'booked')
    throw bookingError('FAILED_PRECONDITION', 'wrong_status', { status: appt.status });
  const now = ctx.clock.now();
  if (now >= new Date(appt.cancelUntil))
    throw bookingError('FAILED_PRECONDITION', 'cancel_cutoff_passed', {
      cancelUntil: appt.cancelUntil,
    });
  const ended = await endAppointment(ctx, appt, appt.status, {
    to: 'cancelled',
    release: true,
    refund: 'cancelled',
  });
  if (!ended) throw bookingError('CONFLICT', 'wrong_status');
  if (ended.refundStatus === 'pending') await sendRefund(ctx, ended._id);
  return toAppointmentView(await loadMine(ctx, ended._id, openid), ctx.clock.now());
};

const TAB_STATUSES: Record<'upcoming' | 'past' | 'cancelled', AppointmentStatus[]> = {
  upcoming: ['pending_payment', 'booked'],
  past: ['checked_in', 'no_show'],
  cancelled: ['cancelled', 'released', 'stopped'],
};

/** 我的预约: upcoming soonest first; past and cancelled latest first. Cursor = the last sortKey. */
export const list: Handler<'booking', 'list'> = async (ctx, input) => {
  const { openid } = await requireAccount(ctx);
  const tab = input.status ?? 'upcoming';
  const asc = tab === 'upcoming';
  const filter: Filter = { owner: openid, status: { $in: TAB_STATUSES[tab] } };
  if (input.cursor) filter.sortKey = asc ? { $gt: input.cursor } : { $lt: input.cursor };
  const docs = await ctx.store.find<AppointmentDoc>(APPOINTMENTS.name, filter, {
    sort: [['sortKey', asc ? 'asc' : 'desc']],
    limit: LIST_PAGE_SIZE + 1,
  });
  const page = docs.slice(0, LIST_PAGE_SIZE);
  const now = ctx.clock.now();
  return {
    items: page.map((d) => toAppointmentView(d, now)),
    nextCursor: docs.length > LIST_PAGE_SIZE ? page[page.length - 1].sortKey : null,
  };
};

/** One appointment with its 取号码; a payment made meanwhile is settled first. */
export const get: Handler<'booking', 'get'> = async (ctx, input) => {
  const { openid } = await requireAccount(ctx);
  let appt = await loadMine(ctx, input.id, openid);
  if (appt.status === 'pending_payment' && appt.payment)
    appt = (await settlePayment(ctx, appt._id)) ?? appt;
  return toAppointmentView(appt, ctx.clock.now());
};
