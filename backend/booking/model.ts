import { createHash } from 'node:crypto';
import type { AppointmentStatus, Period } from '../../contract/booking/items';
import { PERIODS } from '../../contract/booking/items';
import type { StoredDoc } from '../ports/document-store';
import type { PatientIdType } from '../ports/patient-directory';

/**
 * Stored shapes of booking. Every rule is held by a document with a deterministic id, so the
 * booking transaction only gets, inserts and updates by id (CloudBase transactions cannot
 * query): the place (slot.remaining, updateIf > 0), one per person per doctor per day
 * (`pd_…`), open per person per department per week (`pw_…`, a counter), bookings per
 * account per month (`am_…`), and no-show suspension (`ns_…`).
 */

export interface SlotDoc extends StoredDoc {
  doctorId: string;
  hospitalId: string;
  department: string;
  date: string;
  period: Period;
  feeFen: number;
  capacity: number;
  remaining: number;
  stopped: boolean;
  demo: boolean;
  updatedAt: string;
}

export interface AppointmentDoc extends StoredDoc {
  owner: string;
  patientId: string;
  patientIdType: PatientIdType;
  maskedName: string;
  /** HMAC of the person's document: the guards' key (never shown). */
  personKey: string;
  doctorId: string;
  doctorName: string;
  department: string;
  hospitalId: string;
  hospitalName: string;
  slotId: string;
  date: string;
  period: Period;
  /** Visit end (ISO): the no-show sweep's key. */
  visitEndAt: string;
  feeFen: number;
  payAt: 'online' | 'hospital';
  subMchId: string | null;
  status: AppointmentStatus;
  demo: boolean;
  adapter: 'platform' | 'his';
  createdAt: string;
  /** Free cancellation until (ISO): the hospital's cutoff on the working day before. */
  cancelUntil: string;
  /** pending_payment: released at this instant unless paid (= the order's time_expire). */
  holdUntil: string | null;
  paidAt: string | null;
  payment: { provider: string; startedAt: string; transactionId: string | null } | null;
  visitCode: string;
  endedAt: string | null;
  refund: {
    amountFen: number;
    reason: RefundReason;
    requestedAt: string;
    doneAt: string | null;
    attempts: number;
    lastError: string | null;
  } | null;
  refundStatus: 'none' | 'pending' | 'sending' | 'done' | 'failed';
  refundClaimedAt: string | null;
  remindedAt: string | null;
  /** `<visit start>#<id>`: 我的预约's order. */
  sortKey: string;
}

export type RefundReason = 'cancelled' | 'stopped' | 'late_payment';

/** Guards: `owner` is the account that made them (deletion removes them with it). */
export interface GuardDoc extends StoredDoc {
  owner: string;
  kind: 'person_doctor_day' | 'person_dept_week' | 'account_month' | 'standing';
  count: number;
  /** standing: no-show dates (ISO) within the window, and the suspension's end. */
  noShows?: string[];
  suspendedUntil?: string | null;
  expiresAt: string;
}

const h = (text: string, n = 20) => createHash('sha256').update(text).digest('hex').slice(0, n);

export const slotIdOf = (doctorId: string, date: string, period: Period) =>
  `s_${date.replace(/-/g, '')}_${period}_${doctorId}`;

/** Reads a slot id back (the demo schedule creates slots on first use). */
export function parseSlotId(
  slotId: string,
): { doctorId: string; date: string; period: Period } | null {
  const m = /^s_(\d{4})(\d{2})(\d{2})_([a-z]+)_([A-Za-z0-9_-]+)$/.exec(slotId);
  if (!m || !(PERIODS as readonly string[]).includes(m[4])) return null;
  return { date: `${m[1]}-${m[2]}-${m[3]}`, period: m[4] as Period, doctorId: m[5] };
}

/** Idempotency: the same account and clientRequestId always name the same appointment (and order). */
export const appointmentIdOf = (owner: string, clientRequestId: string) =>
  `bk${h(`${owner}\0${clientRequestId}`, 24)}`;
export const outRefundNoOf = (appointmentId: string) => `${appointmentId}R`;

export const personDoctorDayId = (personKey: string, doctorId: string, date: string) =>
  `pd_${h(`${personKey}|${doctorId}|${date}`)}`;
export const personDeptWeekId = (
  personKey: string,
  hospitalId: string,
  department: string,
  week: string,
) => `pw_${h(`${personKey}|${hospitalId}|${department}|${week}`)}`;
export const accountMonthId = (owner: string, month: string) => `am_${h(`${owner}|${month}`)}`;
export const standingId = (personKey: string, hospitalId: string) =>
  `ns_${h(`${personKey}|${hospitalId}`)}`;

export const sortKeyOf = (visitStartIso: string, id: string) => `${visitStartIso}#${id}`;
