import { LIST_PAGE } from '../../contract/consult/items';
import { CONSULTS, DOCTORS } from '../collections';
import type { DoctorDoc } from '../catalog/model';
import type { Handler } from '../core/action';
import type { Ctx } from '../core/context';
import type { Filter } from '../ports/document-store';
import { doctorIdOf, loadConsult, requireAccount, requireDoctor } from './access';
import type { ConsultDoc } from './model';
import type { ConsultRole } from '../../contract/consult/views';
import { toSummary, toView } from './views';

export const get: Handler<'consult', 'get'> = async (ctx, input) => {
  const { openid } = await requireAccount(ctx);
  const { consult, role } = await loadConsult(ctx, input.consultId, openid);
  return toView(ctx, consult, role, openid);
};

/** One page by a `<time>#<id>` key: `cursor` is the last key of the previous page. */
async function pageBy(
  ctx: Ctx,
  filter: Filter,
  key: 'sortKey' | 'queueKey',
  direction: 'asc' | 'desc',
  input: { cursor?: string; limit?: number },
  role: ConsultRole,
) {
  const limit = input.limit ?? LIST_PAGE.default;
  const where: Filter = input.cursor
    ? { ...filter, [key]: direction === 'desc' ? { $lt: input.cursor } : { $gt: input.cursor } }
    : filter;
  const docs = await ctx.store.find<ConsultDoc>(CONSULTS.name, where, {
    sort: [[key, direction]],
    limit: limit + 1,
  });
  const page = docs.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((c) => toSummary(ctx, c, role)),
    nextCursor: docs.length > limit && last ? (last[key] as string) : null,
  };
}

/** 咨询 tab (as patient) or the doctor's accepted consults (as doctor), newest activity first. */
export const list: Handler<'consult', 'list'> = async (ctx, input) => {
  const role = input.as ?? 'patient';
  const { openid } = role === 'doctor' ? await requireDoctor(ctx) : await requireAccount(ctx);
  const filter: Filter = role === 'doctor' ? { doctorOpenid: openid } : { patientOpenid: openid };
  if (input.status) filter.status = input.status;
  return pageBy(ctx, filter, 'sortKey', 'desc', input, role);
};

/** Doctor: the waiting consults addressed to the caller's doctor, first come first served. */
export const queue: Handler<'consult', 'queue'> = async (ctx, input) => {
  const { doctorId } = await requireDoctor(ctx);
  return pageBy(ctx, { doctorId, status: 'waiting' }, 'queueKey', 'asc', input, 'doctor');
};

export const workbench: Handler<'consult', 'workbench'> = async (ctx) => {
  const { openid } = await requireAccount(ctx);
  const doctorId = await doctorIdOf(ctx, openid);
  const doctor = doctorId ? await ctx.store.get<DoctorDoc>(DOCTORS.name, doctorId) : null;
  if (!doctorId || !doctor) return { doctor: null, waiting: 0, active: 0 };
  const [waiting, active] = await Promise.all([
    ctx.store.count(CONSULTS.name, { doctorId, status: 'waiting' }),
    ctx.store.count(CONSULTS.name, { doctorOpenid: openid, status: 'active' }),
  ]);
  return { doctor: doctorCard(ctx, doctor), waiting, active };
};

export const doctorCard = (ctx: Pick<Ctx, 'videoRooms'>, doctor: DoctorDoc) => ({
  id: doctor._id,
  name: doctor.name,
  title: doctor.title,
  department: doctor.department,
  hospitalName: doctor.hospitalName,
  consultPrice: doctor.consultPrice,
  video: ctx.videoRooms ? (doctor.video ?? null) : null,
});
