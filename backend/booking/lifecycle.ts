import type { AppointmentStatus } from '../../contract/booking/items';
import { APPOINTMENTS, BOOKING_GUARDS } from '../collections';
import type { Ctx } from '../core/context';
import type { DocumentStore } from '../ports/document-store';
import type { HospitalBooking, SlotRecord } from '../ports/hospital-booking';
import { createPlatformBooking } from '../adapters/booking/platform';
import { loadDoctor, setupFor } from './config';
import {
  personDeptWeekId,
  personDoctorDayId,
  type AppointmentDoc,
  type RefundReason,
} from './model';
import { weekStart } from './time';

/** The adapter that holds this appointment's place (its hospital's, as when it was booked). */
export async function adapterOf(ctx: Ctx, appt: AppointmentDoc): Promise<HospitalBooking> {
  if (appt.adapter === 'platform')
    return createPlatformBooking(ctx.store, { demo: appt.demo, now: () => ctx.clock.now() });
  const doctor = await loadDoctor(ctx, appt.doctorId);
  const setup = doctor && (await setupFor(ctx, doctor));
  if (!setup || setup.adapter.kind !== 'his')
    throw new Error(`hospital ${appt.hospitalId} no longer has its HIS configured`);
  return setup.adapter;
}

export const slotOf = (appt: AppointmentDoc): SlotRecord => ({
  slotId: appt.slotId,
  doctorId: appt.doctorId,
  hospitalId: appt.hospitalId,
  department: appt.department,
  date: appt.date,
  period: appt.period,
  feeFen: appt.feeFen,
  capacity: 0,
  remaining: 0,
  stopped: false,
});

/** The open-per-department-week counter goes down by one (never below zero). */
export async function leaveWeek(tx: DocumentStore, appt: AppointmentDoc): Promise<void> {
  const id = personDeptWeekId(
    appt.personKey,
    appt.hospitalId,
    appt.department,
    weekStart(appt.date),
  );
  await tx.updateIf(BOOKING_GUARDS.name, id, { count: { $gt: 0 } }, { inc: { count: -1 } });
}

export interface Ending {
  to: AppointmentStatus;
  /** The place goes back to the slot and the person may book this doctor that day again. */
  release: boolean;
  /** Paid: the full fee goes back, for this reason. */
  refund?: RefundReason;
}

/**
 * Ends a holding appointment by compare-and-set on its status (of a cancel, the hold sweep
 * and a 停诊 racing, exactly one wins), in one transaction with the place and the guards.
 * Answers the new document, or null when the status had already moved.
 */
export async function endAppointment(
  ctx: Ctx,
  appt: AppointmentDoc,
  from: AppointmentStatus,
  ending: Ending,
): Promise<AppointmentDoc | null> {
  const adapter = ending.release ? await adapterOf(ctx, appt) : null;
  const at = ctx.clock.now().toISOString();
  const refund =
    ending.refund && appt.paidAt && appt.feeFen > 0
      ? {
          refund: {
            amountFen: appt.feeFen,
            reason: ending.refund,
            requestedAt: at,
            doneAt: null,
            attempts: 0,
            lastError: null,
          },
          refundStatus: 'pending' as const,
          refundClaimedAt: null,
        }
      : {};
  const set = { status: ending.to, endedAt: at, holdUntil: null, ...refund };
  const won = await ctx.store.transaction(async (tx) => {
    if (!(await tx.updateIf(APPOINTMENTS.name, appt._id, { status: from }, { set }))) return false;
    await leaveWeek(tx, appt);
    if (adapter) {
      await adapter.releaseInTransaction(tx, slotOf(appt));
      await tx.remove(
        BOOKING_GUARDS.name,
        personDoctorDayId(appt.personKey, appt.doctorId, appt.date),
      );
    }
    return true;
  });
  if (!won) return null;
  if (adapter) {
    try {
      await adapter.release(appt._id, slotOf(appt));
    } catch (err) {
      // The hospital keeps a place it would have freed; our side is consistent. Logged for the operator.
      ctx.log.error({ appointmentId: appt._id, err: String(err) }, 'HIS release failed');
    }
  }
  return { ...appt, ...set } as AppointmentDoc;
}
