import { APPOINTMENTS } from '../collections';
import type { AppointmentStatus } from '../../contract/booking/items';
import { REMOVAL_BLOCKERS, type RemovalBlocker } from '../patients/remove';
import type { AppointmentDoc } from './model';
import { shanghaiDate } from './time';

/**
 * Appointments that still name their 就诊人 to a hospital: held or paid, or checked in for a
 * visit today. Ended ones (cancelled, released, stopped, no-show) do not block removal.
 */
const LIVE: AppointmentStatus[] = ['pending_payment', 'booked', 'checked_in'];

/**
 * Issue 12: a 就诊人 with a future appointment cannot be removed — the hospital's registration
 * is in their name. A plain query before removal, never inside a transaction (CloudBase
 * transactions cannot query); an appointment booked in the instant between is for a 就诊人
 * that booking then reads as gone, and the sweep/cancel paths need nothing from the row.
 */
export const futureAppointment: RemovalBlocker = async (ctx, owner, patientId) => {
  const today = shanghaiDate(ctx.clock.now());
  // By indexed fields (owner, status, date); the 就诊人 is picked out here, from the live
  // future appointments of one account — a handful, bounded by the monthly booking cap.
  const live = await ctx.store.find<AppointmentDoc>(
    APPOINTMENTS.name,
    { owner, status: { $in: LIVE }, date: { $gte: today } },
    { limit: 500 },
  );
  return live.some((a) => a.patientId === patientId) ? 'appointment' : null;
};

/** Booking registers its blocker with the patients function (which must not import booking). */
export function registerBookingRemovalBlocker(): void {
  if (!REMOVAL_BLOCKERS.includes(futureAppointment)) REMOVAL_BLOCKERS.push(futureAppointment);
}
