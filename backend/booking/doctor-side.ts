import { APPOINTMENT_STATUS_LABELS, HOLDING_STATUSES } from '../../contract/booking/items';
import { APPOINTMENTS } from '../collections';
import type { Handler } from '../core/action';
import type { Ctx } from '../core/context';
import { requireAccount, doctorIdOf } from '../consult/access';
import { CapacityBelowTaken } from '../adapters/booking/platform';
import { requireSetup } from './config';
import { appointmentNotFound, bookingError } from './errors';
import { hisCall } from './his';
import { adapterOf, endAppointment, slotOf } from './lifecycle';
import { parseSlotId, type AppointmentDoc } from './model';
import { notifyStopped } from './notify';
import { sendRefund } from './refunds';
import { addDays, shanghaiDate } from './time';
import { slotStatus, toAppointmentView, toSlotView } from './views';

/** How far ahead a doctor may open periods on the platform's schedule. */
const PLAN_AHEAD_DAYS = 60;

async function requireBookingDoctor(ctx: Ctx) {
  const { openid } = await requireAccount(ctx);
  const doctorId = await doctorIdOf(ctx, openid);
  if (!doctorId) throw bookingError('PERMISSION_DENIED', 'doctor_required');
  return { openid, ...(await requireSetup(ctx, doctorId)) };
}

export const setSlots: Handler<'booking', 'setSlots'> = async (ctx, input) => {
  const { doctor, setup } = await requireBookingDoctor(ctx);
  if (!setup.adapter.setSlots) throw bookingError('FAILED_PRECONDITION', 'booking_unavailable');
  const today = shanghaiDate(ctx.clock.now());
  if (input.date < today || input.date > addDays(today, PLAN_AHEAD_DAYS))
    throw bookingError('INVALID_ARGUMENT', 'outside_window');
  const ref = {
    doctorId: doctor._id,
    hospitalId: doctor.hospitalId,
    department: doctor.department,
  };
  try {
    const slots = await setup.adapter.setSlots(ref, input.date, input.periods);
    const now = ctx.clock.now();
    return {
      slots: slots.flatMap((s) => {
        const status = slotStatus(s, setup.rules, now);
        return status === 'past' ? [] : [toSlotView(s, status, setup.rules)];
      }),
    };
  } catch (err) {
    if (err instanceof CapacityBelowTaken)
      throw bookingError('FAILED_PRECONDITION', 'capacity_below_taken', { taken: err.taken });
    throw err;
  }
};

/** 停诊: the slot closes, every holding appointment ends 'stopped', paid ones are refunded in full, all are told. */
export const stopSlot: Handler<'booking', 'stopSlot'> = async (ctx, input) => {
  const { doctor, setup } = await requireBookingDoctor(ctx);
  if (parseSlotId(input.slotId)?.doctorId !== doctor._id || !setup.adapter.stop)
    throw bookingError('NOT_FOUND', 'slot_not_found');
  const ref = {
    doctorId: doctor._id,
    hospitalId: doctor.hospitalId,
    department: doctor.department,
  };
  if (!(await hisCall(() => setup.adapter.slot(ref, input.slotId))))
    throw bookingError('NOT_FOUND', 'slot_not_found');
  await setup.adapter.stop(input.slotId);
  let stopped = 0;
  let refunds = 0;
  for (;;) {
    const holding = await ctx.store.find<AppointmentDoc>(
      APPOINTMENTS.name,
      { slotId: input.slotId, status: { $in: [...HOLDING_STATUSES] } },
      { limit: 100 },
    );
    if (holding.length === 0) break;
    for (const appt of holding) {
      const ended = await endAppointment(ctx, appt, appt.status, {
        to: 'stopped',
        release: true,
        refund: 'stopped',
      });
      if (!ended) continue;
      stopped++;
      if (ended.refundStatus === 'pending' && (await sendRefund(ctx, ended._id)) === 'done')
        refunds++;
      await notifyStopped(ctx, ended);
    }
  }
  return { slotId: input.slotId, stopped, refunds };
};

export const roster: Handler<'booking', 'roster'> = async (ctx, input) => {
  const { doctor } = await requireBookingDoctor(ctx);
  const docs = await ctx.store.find<AppointmentDoc>(
    APPOINTMENTS.name,
    {
      doctorId: doctor._id,
      date: input.date,
      status: { $in: ['booked', 'checked_in', 'no_show', 'stopped', 'pending_payment'] },
    },
    { sort: [['sortKey', 'asc']], limit: 1500 },
  );
  return {
    date: input.date,
    items: docs.map((d) => ({
      appointmentId: d._id,
      period: d.period,
      maskedName: d.maskedName,
      status: d.status,
      statusLabel: APPOINTMENT_STATUS_LABELS[d.status],
    })),
  };
};

/** 取号: the patient's code, on the visit day, for a paid (or 到院支付) booking. */
export const checkIn: Handler<'booking', 'checkIn'> = async (ctx, input) => {
  const { doctor } = await requireBookingDoctor(ctx);
  const appt = await ctx.store.get<AppointmentDoc>(APPOINTMENTS.name, input.appointmentId);
  if (!appt || appt.doctorId !== doctor._id) throw appointmentNotFound();
  if (appt.status !== 'booked')
    throw bookingError('FAILED_PRECONDITION', 'wrong_status', { status: appt.status });
  if (appt.date !== shanghaiDate(ctx.clock.now()))
    throw bookingError('FAILED_PRECONDITION', 'not_visit_day');
  if (appt.visitCode !== input.code) throw bookingError('FAILED_PRECONDITION', 'code_mismatch');
  const adapter = await adapterOf(ctx, appt);
  await hisCall(() => adapter.checkIn(appt._id, slotOf(appt)));
  const done = await endAppointment(ctx, appt, 'booked', { to: 'checked_in', release: false });
  if (!done) throw bookingError('CONFLICT', 'wrong_status');
  return toAppointmentView(done, ctx.clock.now());
};
