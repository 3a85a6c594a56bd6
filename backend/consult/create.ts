import { ACCEPT_DEADLINE_HOURS } from '../../contract/consult/items';
import { CONSULTS, DOCTORS } from '../collections';
import type { DoctorDoc } from '../catalog/model';
import type { Handler } from '../core/action';
import { notFound } from '../core/errors';
import { portOf } from '../user/ports';
import { doctorIdOf, requireAccount } from './access';
import { announceTransition } from './announce';
import { consultError } from './errors';
import { HOUR_MS, contexts, sortKeyOf, type ConsultDoc } from './model';
import { storedPatient } from './patient';
import { claimUploads } from './uploads';
import { toView } from './views';
import { checkSlot, claimSlot, offerOf, requireVideoOn, slotIdOf } from './video';

export const config: Handler<'consult', 'config'> = async (ctx) => ({
  payment: ctx.payment?.kind ?? 'none',
  subscribeTemplateIds: [...(ctx.notifier?.templateIds ?? [])],
  video: ctx.videoRooms?.kind ?? null,
});

/** Fields that make a consult 'waiting' from `at`: the doctor's queue and the 48-hour deadline. */
export function waitingFields(id: string, at: Date) {
  const iso = at.toISOString();
  return {
    status: 'waiting' as const,
    queueKey: sortKeyOf(iso, id),
    deadlineAt: new Date(at.getTime() + ACCEPT_DEADLINE_HOURS * HOUR_MS).toISOString(),
    updatedAt: iso,
    sortKey: sortKeyOf(iso, id),
  };
}

/**
 * A new consult. The price is the doctor's catalog price at this moment — never the
 * client's. PI: the description is stored encrypted and not inspected. Pictures must be
 * the caller's own unused uploads (claimed in the same transaction as the insert). A video
 * consult takes the doctor's video price and claims its slot in the same transaction.
 */
export const create: Handler<'consult', 'create'> = async (ctx, input) => {
  const { openid } = await requireAccount(ctx);
  const doctor = await ctx.store.get<DoctorDoc>(DOCTORS.name, input.doctorId);
  if (!doctor) throw notFound('医生');
  if ((await doctorIdOf(ctx, openid)) === doctor._id)
    throw consultError('FAILED_PRECONDITION', 'own_doctor');
  const now = ctx.clock.now();
  let slot: Date | null = null;
  if (input.type === 'video') {
    requireVideoOn(ctx);
    slot = checkSlot(offerOf(doctor), input.slot ?? '', now);
  }
  const price = input.type === 'video' ? offerOf(doctor).price : doctor.consultPrice;
  if (price > 0 && (ctx.payment?.kind ?? 'none') === 'none')
    throw consultError('FAILED_PRECONDITION', 'payment_unavailable');

  const crypto = portOf(ctx, 'crypto');
  const at = now.toISOString();
  const id = `c${portOf(ctx, 'random').hex(12)}`;
  const patient = await storedPatient(ctx, input.patient, id, openid);
  const base: ConsultDoc = {
    _id: id,
    patientOpenid: openid,
    doctorId: doctor._id,
    doctorOpenid: null,
    doctor: {
      id: doctor._id,
      name: doctor.name,
      title: doctor.title,
      department: doctor.department,
      hospitalName: doctor.hospitalName,
    },
    status: 'pending_payment',
    type: input.type,
    scheduledAt: slot ? slot.toISOString() : null,
    price,
    patient,
    descriptionEnc: crypto.encrypt(input.description, contexts.description(id)),
    photos: [],
    createdAt: at,
    updatedAt: at,
    sortKey: sortKeyOf(at, id),
    paidAt: null,
    queueKey: null,
    deadlineAt: null,
    acceptedAt: null,
    endedAt: null,
    summaryEnc: null,
    cancelReason: null,
    payment: null,
    refund: null,
    refundStatus: 'none',
    refundClaimedAt: null,
    seq: 0,
    last: null,
    counts: { patient: 0, doctor: 0 },
    seen: { patient: 0, doctor: 0 },
  };
  // Free consults skip payment and go straight to the doctor's queue.
  const consult: ConsultDoc = price === 0 ? { ...base, ...waitingFields(id, now) } : base;

  await ctx.store.transaction(async (tx) => {
    consult.photos = await claimUploads(tx, input.photoKeys, {
      uploader: openid,
      consultId: id,
      patientOpenid: openid,
      path: (i) => `data.photoKeys.${i}`,
    });
    if (slot)
      await claimSlot(tx, {
        _id: slotIdOf(doctor._id, slot),
        doctorId: doctor._id,
        slot: slot.toISOString(),
        consultId: id,
        patientOpenid: openid,
      });
    await tx.insert(CONSULTS.name, consult);
  });
  if (consult.status === 'waiting') await announceTransition(ctx, consult);
  return toView(ctx, consult, 'patient', openid);
};
