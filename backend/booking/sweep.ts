import { APPOINTMENTS, BOOKING_GUARDS } from '../collections';
import type { Ctx } from '../core/context';
import { loadDoctor, setupFor } from './config';
import { endAppointment } from './lifecycle';
import { standingId, type AppointmentDoc, type GuardDoc } from './model';
import { notifyReminder } from './notify';
import { settlePayment } from './pay';
import { RETRY_FAILED_MS, sendRefund, STALE_SENDING_MS } from './refunds';
import { addDays, DAY_MS, shanghaiDate } from './time';

const BATCH = 100;

export interface BookingSweepReport {
  released: number;
  noShows: number;
  suspended: number;
  refunds: number;
  refundFailures: number;
  reminders: number;
}

/**
 * The booking sweep (cloudfunctions/booking-sweep on its timer, the local server's interval):
 * unpaid holds past 15 minutes release their place; booked visits that ended unchecked are
 * 爽约 and counted (3 in 90 days suspend booking for 90 days, per hospital; docs/FACTS.md);
 * refunds owed are paid; tomorrow's visits are reminded. Every step is a compare-and-set.
 */
export async function runBookingSweep(ctx: Ctx): Promise<BookingSweepReport> {
  const report: BookingSweepReport = {
    released: 0,
    noShows: 0,
    suspended: 0,
    refunds: 0,
    refundFailures: 0,
    reminders: 0,
  };
  const now = ctx.clock.now();
  const iso = now.toISOString();

  const expired = await ctx.store.find<AppointmentDoc>(
    APPOINTMENTS.name,
    { status: 'pending_payment', holdUntil: { $lte: iso } },
    { limit: BATCH },
  );
  for (const found of expired) {
    // Paid after all (a notice lost on the way): it stays booked.
    const appt = found.payment ? ((await settlePayment(ctx, found._id)) ?? found) : found;
    if (appt.status !== 'pending_payment') continue;
    if (await endAppointment(ctx, appt, 'pending_payment', { to: 'released', release: true }))
      report.released++;
  }

  const missed = await ctx.store.find<AppointmentDoc>(
    APPOINTMENTS.name,
    { status: 'booked', visitEndAt: { $lte: iso } },
    { limit: BATCH },
  );
  for (const appt of missed) {
    if (!(await endAppointment(ctx, appt, 'booked', { to: 'no_show', release: false }))) continue;
    report.noShows++;
    if (await countNoShow(ctx, appt, now)) report.suspended++;
  }

  const before = (ms: number) => ({ $lt: new Date(now.getTime() - ms).toISOString() });
  const owed = [
    ...(await ctx.store.find<AppointmentDoc>(
      APPOINTMENTS.name,
      { refundStatus: 'pending' },
      { limit: BATCH },
    )),
    ...(await ctx.store.find<AppointmentDoc>(
      APPOINTMENTS.name,
      { refundStatus: 'failed', refundClaimedAt: before(RETRY_FAILED_MS) },
      { limit: BATCH },
    )),
    ...(await ctx.store.find<AppointmentDoc>(
      APPOINTMENTS.name,
      { refundStatus: 'sending', refundClaimedAt: before(STALE_SENDING_MS) },
      { limit: BATCH },
    )),
  ];
  for (const appt of owed) {
    const result = await sendRefund(ctx, appt._id);
    if (result === 'done') report.refunds++;
    if (result === 'failed') report.refundFailures++;
  }

  const tomorrow = addDays(shanghaiDate(now), 1);
  const remind = await ctx.store.find<AppointmentDoc>(
    APPOINTMENTS.name,
    { status: 'booked', date: tomorrow, remindedAt: null },
    { limit: BATCH },
  );
  for (const appt of remind) {
    if (
      !(await ctx.store.updateIf(
        APPOINTMENTS.name,
        appt._id,
        { remindedAt: null },
        { set: { remindedAt: iso } },
      ))
    )
      continue;
    try {
      await notifyReminder(ctx, appt);
      report.reminders++;
    } catch (err) {
      ctx.log.error({ appointmentId: appt._id, err: String(err) }, 'reminder failed');
    }
  }
  return report;
}

/** Adds a no-show to the person's standing at that hospital; answers whether it suspended them. */
async function countNoShow(ctx: Ctx, appt: AppointmentDoc, now: Date): Promise<boolean> {
  const doctor = await loadDoctor(ctx, appt.doctorId);
  const setup = doctor && (await setupFor(ctx, doctor));
  const rules = setup?.rules;
  if (!rules) return false;
  const id = standingId(appt.personKey, appt.hospitalId);
  return ctx.store.transaction(async (tx) => {
    const doc = await tx.get<GuardDoc>(BOOKING_GUARDS.name, id);
    const since = now.getTime() - rules.noShowWindowDays * DAY_MS;
    const noShows = [...(doc?.noShows ?? []).filter((t) => Date.parse(t) > since), appt.visitEndAt];
    const suspend = noShows.length >= rules.noShowLimit;
    const suspendedUntil = suspend
      ? new Date(now.getTime() + rules.suspendDays * DAY_MS).toISOString()
      : (doc?.suspendedUntil ?? null);
    const expiresAt = new Date(
      Math.max(
        now.getTime() + rules.noShowWindowDays * DAY_MS,
        suspendedUntil ? Date.parse(suspendedUntil) : 0,
      ),
    ).toISOString();
    const fields = {
      noShows: suspend ? [] : noShows,
      suspendedUntil,
      expiresAt,
      count: noShows.length,
    };
    if (doc) await tx.update(BOOKING_GUARDS.name, id, { set: fields });
    else
      await tx.insert(BOOKING_GUARDS.name, {
        _id: id,
        owner: appt.owner,
        kind: 'standing',
        ...fields,
      });
    return suspend;
  });
}
