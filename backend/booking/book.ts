import { BOOKING_CALLS_PER_DAY, HOLD_MINUTES } from '../../contract/booking/items';
import { APPOINTMENTS, BOOKING_GUARDS } from '../collections';
import type { Handler } from '../core/action';
import type { Ctx } from '../core/context';
import { DuplicateIdError, type DocumentStore } from '../ports/document-store';
import type { BookingPatient } from '../ports/patient-directory';
import { portOf } from '../user/ports';
import { takeQuota } from '../user/rate-limit';
import { requireAccount } from '../consult/access';
import { requireSetup, type BookingSetup } from './config';
import type { DoctorDoc } from '../catalog/model';
import { bookingError } from './errors';
import { leaveWeek } from './lifecycle';
import {
  accountMonthId,
  appointmentIdOf,
  parseSlotId,
  personDeptWeekId,
  personDoctorDayId,
  sortKeyOf,
  standingId,
  type AppointmentDoc,
  type GuardDoc,
} from './model';
import type { SlotRecord } from '../ports/hospital-booking';
import { hisCall } from './his';
import { slotStatus, toAppointmentView } from './views';
import {
  DAY_MS,
  hourText,
  periodEnd,
  periodStart,
  previousWorkingDay,
  shanghaiDate,
  shanghaiInstant,
  weekStart,
} from './time';

/** A rule refused inside the transaction: nothing was written. */
type Refusal = { refused: Parameters<typeof bookingError>[1]; details?: Record<string, unknown> };
class Retry extends Error {}

/**
 * 实名制预约 (docs/FACTS.md "Appointment practice"). The place and every rule commit in one
 * transaction of by-id reads and writes only (CloudBase transactions cannot query):
 * the no-show standing, one per person per doctor per day (a guard inserted: a second one is
 * a duplicate id), open per department per week and bookings per account per month (counters
 * raised by compare-and-set), and the place (remaining > 0, conditional). Two racing
 * transactions cannot both pass a guard: one commits, the other conflicts and re-reads.
 */
export const book: Handler<'booking', 'book'> = async (ctx, input) => {
  const { openid } = await requireAccount(ctx);
  const id = appointmentIdOf(openid, input.clientRequestId);
  const again = await ctx.store.get<AppointmentDoc>(APPOINTMENTS.name, id);
  if (again) return sameRequest(ctx, again, input);
  await takeQuota(ctx, {
    daily: [{ kind: 'booking_daily', subject: openid, max: BOOKING_CALLS_PER_DAY }],
  });

  const where = parseSlotId(input.slotId);
  if (!where) throw bookingError('NOT_FOUND', 'slot_not_found');
  const { doctor, setup } = await requireSetup(ctx, where.doctorId);
  const patient = await portOf(ctx, 'patients').getForBooking(openid, input.patientId);
  if (!patient) throw bookingError('NOT_FOUND', 'patient_not_found');
  if (!patient.hasValidDocument) throw bookingError('FAILED_PRECONDITION', 'patient_no_document');
  const ref = {
    doctorId: doctor._id,
    hospitalId: doctor.hospitalId,
    department: doctor.department,
  };
  const slot = await hisCall(() => setup.adapter.slot(ref, input.slotId));
  if (!slot) throw bookingError('NOT_FOUND', 'slot_not_found');
  const now = ctx.clock.now();
  const status = slotStatus(slot, setup.rules, now);
  if (status === 'past') throw bookingError('FAILED_PRECONDITION', 'slot_past');
  if (status === 'stopped') throw bookingError('FAILED_PRECONDITION', 'slot_stopped');
  if (status === 'unreleased') throw bookingError('FAILED_PRECONDITION', 'slot_unreleased');
  if (status === 'full') throw bookingError('FAILED_PRECONDITION', 'slot_full');

  const doc = newAppointment(ctx, { id, openid, patient, doctor, setup, slot, now });
  let outcome: Refusal | 'booked' | 'exists' = 'exists';
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      outcome = await ctx.store.transaction((tx) => bookInTransaction(tx, doc, setup, slot, now));
      break;
    } catch (err) {
      // A racing booking committed a guard first: read again, now it refuses or passes.
      if (!(err instanceof DuplicateIdError || err instanceof Retry)) throw err;
      if (attempt === 3) throw bookingError('CONFLICT', 'retry');
    }
  }
  if (outcome === 'exists')
    return sameRequest(ctx, (await ctx.store.get<AppointmentDoc>(APPOINTMENTS.name, id))!, input);
  if (outcome !== 'booked')
    throw bookingError('FAILED_PRECONDITION', outcome.refused, outcome.details);
  if (setup.adapter.kind === 'his') await claimAtHospital(ctx, doc, setup, slot, patient);
  return toAppointmentView(doc, now);
};

async function bookInTransaction(
  tx: DocumentStore,
  doc: AppointmentDoc,
  setup: BookingSetup,
  slot: SlotRecord,
  now: Date,
): Promise<Refusal | 'booked' | 'exists'> {
  const { rules } = setup;
  if (await tx.get(APPOINTMENTS.name, doc._id)) return 'exists';
  const standing = await tx.get<GuardDoc>(
    BOOKING_GUARDS.name,
    standingId(doc.personKey, doc.hospitalId),
  );
  if (standing?.suspendedUntil && new Date(standing.suspendedUntil) > now)
    return { refused: 'suspended', details: { suspendedUntil: standing.suspendedUntil } };
  const dayId = personDoctorDayId(doc.personKey, doc.doctorId, doc.date);
  if (await tx.get(BOOKING_GUARDS.name, dayId)) return { refused: 'same_doctor_day' };
  const weekId = personDeptWeekId(
    doc.personKey,
    doc.hospitalId,
    doc.department,
    weekStart(doc.date),
  );
  const week = await tx.get<GuardDoc>(BOOKING_GUARDS.name, weekId);
  if (week && week.count >= rules.maxOpenPerDepartmentWeek)
    return { refused: 'department_week_limit', details: { limit: rules.maxOpenPerDepartmentWeek } };
  const monthId = accountMonthId(doc.owner, shanghaiDate(now).slice(0, 7));
  const month = await tx.get<GuardDoc>(BOOKING_GUARDS.name, monthId);
  if (month && month.count >= rules.maxBookingsPerAccountMonth)
    return { refused: 'account_month_limit', details: { limit: rules.maxBookingsPerAccountMonth } };
  const taken = await setup.adapter.takeInTransaction(tx, slot);
  if (taken === 'full') return { refused: 'slot_full' };
  if (taken === 'stopped') return { refused: 'slot_stopped' };

  const expiresAt = new Date(Date.parse(`${doc.date}T00:00:00Z`) + 8 * DAY_MS).toISOString();
  const guard = (gid: string, kind: GuardDoc['kind']): GuardDoc => ({
    _id: gid,
    owner: doc.owner,
    kind,
    count: 1,
    expiresAt,
  });
  await tx.insert(BOOKING_GUARDS.name, guard(dayId, 'person_doctor_day'));
  await count(tx, week, guard(weekId, 'person_dept_week'));
  await count(tx, month, {
    ...guard(monthId, 'account_month'),
    expiresAt: new Date(now.getTime() + 40 * DAY_MS).toISOString(),
  });
  await tx.insert(APPOINTMENTS.name, doc);
  return 'booked';
}

/** Raises a counter guard by compare-and-set on the count read, or creates it at 1. */
async function count(tx: DocumentStore, seen: GuardDoc | null, fresh: GuardDoc): Promise<void> {
  if (!seen) await tx.insert(BOOKING_GUARDS.name, fresh);
  else if (
    !(await tx.updateIf(
      BOOKING_GUARDS.name,
      seen._id,
      { count: seen.count },
      { inc: { count: 1 } },
    ))
  )
    throw new Retry();
}

function newAppointment(
  ctx: Ctx,
  a: {
    id: string;
    openid: string;
    patient: BookingPatient;
    doctor: DoctorDoc;
    setup: BookingSetup;
    slot: SlotRecord;
    now: Date;
  },
): AppointmentDoc {
  const { slot, setup, now } = a;
  const online = setup.payAt === 'online' && slot.feeFen > 0;
  const start = periodStart(slot.date, slot.period).toISOString();
  const hold = Math.min(now.getTime() + HOLD_MINUTES * 60_000, Date.parse(start));
  return {
    _id: a.id,
    owner: a.openid,
    patientId: a.patient.patientId,
    patientIdType: a.patient.idType,
    maskedName: a.patient.maskedName,
    personKey: a.patient.identityKey,
    doctorId: a.doctor._id,
    doctorName: a.doctor.name,
    department: a.doctor.department,
    hospitalId: a.doctor.hospitalId,
    hospitalName: a.doctor.hospitalName,
    slotId: slot.slotId,
    date: slot.date,
    period: slot.period,
    visitEndAt: periodEnd(slot.date, slot.period).toISOString(),
    feeFen: slot.feeFen,
    payAt: setup.payAt,
    subMchId: setup.subMchId,
    status: online ? 'pending_payment' : 'booked',
    demo: setup.demo,
    adapter: setup.adapter.kind,
    createdAt: now.toISOString(),
    cancelUntil: shanghaiInstant(
      previousWorkingDay(slot.date),
      hourText(setup.rules.cancelCutoffHour),
    ).toISOString(),
    holdUntil: online ? new Date(hold).toISOString() : null,
    paidAt: null,
    payment: null,
    visitCode: String(portOf(ctx, 'random').int(0, 1_000_000)).padStart(6, '0'),
    endedAt: null,
    refund: null,
    refundStatus: 'none',
    refundClaimedAt: null,
    remindedAt: null,
    sortKey: sortKeyOf(start, a.id),
  };
}

/** The same clientRequestId again: the same appointment, or CONFLICT when it named another slot. */
function sameRequest(ctx: Ctx, doc: AppointmentDoc, input: { slotId: string; patientId: string }) {
  if (doc.slotId !== input.slotId || doc.patientId !== input.patientId)
    throw bookingError('CONFLICT', 'retry', { clientRequestId: 'used for another booking' });
  return toAppointmentView(doc, ctx.clock.now());
}

/**
 * A HIS holds the places: after our guards committed, the hospital is asked. Refused or
 * unreachable → our appointment and its guards are undone and the patient told why.
 */
async function claimAtHospital(
  ctx: Ctx,
  doc: AppointmentDoc,
  setup: BookingSetup,
  slot: SlotRecord,
  patient: BookingPatient,
): Promise<void> {
  let result: 'taken' | 'full' | 'stopped' | 'error' = 'error';
  try {
    const r = await setup.adapter.claim(doc._id, slot, {
      patientId: patient.patientId,
      maskedName: patient.maskedName,
      idType: patient.idType,
    });
    result = r === 'deferred' ? 'error' : r;
  } catch (err) {
    ctx.log.error({ appointmentId: doc._id, err: String(err) }, 'HIS booking failed');
  }
  if (result === 'taken') return;
  await ctx.store.transaction(async (tx) => {
    await tx.remove(APPOINTMENTS.name, doc._id);
    await tx.remove(BOOKING_GUARDS.name, personDoctorDayId(doc.personKey, doc.doctorId, doc.date));
    await leaveWeek(tx, doc);
  });
  if (result === 'error') {
    await setup.adapter.release(doc._id, slot).catch(() => undefined);
    throw bookingError('INTERNAL', 'his_unavailable');
  }
  throw bookingError('FAILED_PRECONDITION', result === 'full' ? 'slot_full' : 'slot_stopped');
}
