import type { AppointmentView, SlotView } from '../../contract/booking';
import {
  APPOINTMENT_STATUS_LABELS,
  PERIOD_LABELS,
  SLOT_STATUS_LABELS,
  WHAT_TO_BRING,
  type BookingRules,
  type SlotStatus,
} from '../../contract/booking/items';
import type { SlotRecord } from '../ports/hospital-booking';
import type { AppointmentDoc } from './model';
import { addDays, hourText, periodStart, shanghaiInstant, windowText } from './time';

/** When `date`'s slots are released: `releaseHour` on the day the date enters the window. */
export function releaseAtOf(date: string, rules: BookingRules): Date {
  return shanghaiInstant(addDays(date, -(rules.windowDays - 1)), hourText(rules.releaseHour));
}

/** 停诊 > past (null: not shown or bookable) > 未放号 > 约满 > 可约. */
export function slotStatus(slot: SlotRecord, rules: BookingRules, now: Date): SlotStatus | 'past' {
  if (slot.stopped) return 'stopped';
  if (now >= periodStart(slot.date, slot.period)) return 'past';
  if (now < releaseAtOf(slot.date, rules)) return 'unreleased';
  return slot.remaining > 0 ? 'open' : 'full';
}

export function toSlotView(slot: SlotRecord, status: SlotStatus, rules: BookingRules): SlotView {
  return {
    slotId: slot.slotId,
    date: slot.date,
    period: slot.period,
    periodLabel: PERIOD_LABELS[slot.period],
    window: windowText(slot.period),
    feeFen: slot.feeFen,
    capacity: slot.capacity,
    // Before release the count says nothing useful and would invite polling.
    remaining: status === 'unreleased' ? slot.capacity : slot.remaining,
    status,
    statusLabel: SLOT_STATUS_LABELS[status],
    releaseAt: releaseAtOf(slot.date, rules).toISOString(),
  };
}

export function toAppointmentView(doc: AppointmentDoc, now: Date): AppointmentView {
  const live = doc.status === 'pending_payment' || doc.status === 'booked';
  return {
    id: doc._id,
    status: doc.status,
    statusLabel: APPOINTMENT_STATUS_LABELS[doc.status],
    doctor: { id: doc.doctorId, name: doc.doctorName, department: doc.department },
    hospital: { id: doc.hospitalId, name: doc.hospitalName },
    date: doc.date,
    period: doc.period,
    periodLabel: PERIOD_LABELS[doc.period],
    window: windowText(doc.period),
    feeFen: doc.feeFen,
    payAt: doc.payAt,
    patient: { id: doc.patientId, maskedName: doc.maskedName },
    holdUntil: doc.status === 'pending_payment' ? doc.holdUntil : null,
    cancelUntil: doc.cancelUntil,
    cancellable: live && now < new Date(doc.cancelUntil),
    visitCode: doc.status === 'booked' || doc.status === 'checked_in' ? doc.visitCode : null,
    bring: [...WHAT_TO_BRING],
    refund: doc.refund ? { amountFen: doc.refund.amountFen, status: doc.refundStatus } : null,
    demo: doc.demo,
    createdAt: doc.createdAt,
  };
}
