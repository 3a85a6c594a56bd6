import { PERIOD_LABELS, appointmentPage } from '../../contract/booking/items';
import type { Ctx } from '../core/context';
import { boundPhone, loadUser } from '../user/account';
import type { AppointmentDoc } from './model';

/** The appointment's page in the booking subpackage (src/subpackages/booking/detail). */
export const APPOINTMENT_PAGE = appointmentPage;

/**
 * 停诊 reaches every booked patient: an in-app notice (and a subscribe message where one was
 * granted) and an SMS to the account's bound phone. Failing to notify never undoes the 停诊.
 */
export async function notifyStopped(ctx: Ctx, appt: AppointmentDoc): Promise<void> {
  const when = `${appt.date} ${PERIOD_LABELS[appt.period]}`;
  try {
    await ctx.notifier?.notify({
      to: appt.owner,
      kind: 'appointment_stopped',
      consultId: appt._id,
      title: '医生停诊',
      body: `${appt.doctorName} ${when} 停诊${appt.paidAt ? '，挂号费全额退回' : ''}`,
      page: APPOINTMENT_PAGE(appt._id),
      at: ctx.clock.now(),
    });
  } catch (err) {
    ctx.log.error({ appointmentId: appt._id, err: String(err) }, 'stop notice failed');
  }
  try {
    const user = await loadUser(ctx, appt.owner);
    if (user && ctx.sms?.sendNotice && ctx.crypto)
      await ctx.sms.sendNotice({
        phone: boundPhone(ctx, user),
        kind: 'appointment_stopped',
        params: [appt.doctorName, when],
      });
  } catch (err) {
    ctx.log.error({ appointmentId: appt._id, err: String(err) }, 'stop SMS failed');
  }
}

/** The day-before reminder (sent by the sweep); the subscribe request was the confirm tap's. */
export async function notifyReminder(ctx: Ctx, appt: AppointmentDoc): Promise<void> {
  await ctx.notifier?.notify({
    to: appt.owner,
    kind: 'appointment_reminder',
    consultId: appt._id,
    title: '明日就诊提醒',
    body: `${appt.hospitalName} ${appt.doctorName} ${appt.date} ${PERIOD_LABELS[appt.period]}`,
    page: APPOINTMENT_PAGE(appt._id),
    at: ctx.clock.now(),
  });
}
