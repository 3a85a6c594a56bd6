import { APPOINTMENTS } from '../collections';
import type { Ctx } from '../core/context';
import { appointmentNotFound } from './errors';
import type { AppointmentDoc } from './model';

/** The caller's appointment; someone else's is NOT_FOUND, as one that does not exist. */
export async function loadMine(ctx: Ctx, id: string, openid: string): Promise<AppointmentDoc> {
  const appt = await ctx.store.get<AppointmentDoc>(APPOINTMENTS.name, id);
  if (!appt || appt.owner !== openid) throw appointmentNotFound();
  return appt;
}
