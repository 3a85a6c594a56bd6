import {
  SHANGHAI_OFFSET_MINUTES,
  VIDEO_BOOKING_DAYS,
  VIDEO_BOOKING_LEAD_MINUTES,
  VIDEO_SLOT_MINUTES,
} from '../../contract/call/items';
import { videoMinutesOf, type VideoOffer } from '../../contract/consult/video';
import type { ConsultStatus } from '../../contract/consult/items';
import { CONSULTS, DOCTORS, VIDEO_SLOTS } from '../collections';
import type { DoctorDoc } from '../catalog/model';
import type { Handler } from '../core/action';
import type { Ctx } from '../core/context';
import { notFound } from '../core/errors';
import type { DocumentStore, StoredDoc } from '../ports/document-store';
import { requireDoctor } from './access';
import { consultError, consultFieldError } from './errors';
import { doctorCard } from './list';
import type { ConsultDoc } from './model';

/**
 * 视频咨询 booking (issue 14): the doctor's offer, and the slot a video consult takes.
 * One consult per (doctor, slot): a guard document with a deterministic id, claimed in the
 * create transaction by id only (CloudBase transactions cannot query).
 */
export interface VideoSlotDoc extends StoredDoc {
  doctorId: string;
  slot: string;
  consultId: string;
  patientOpenid: string;
}

/** Statuses whose slot is free again: nothing was paid or it was paid back. */
const RELEASED: readonly ConsultStatus[] = ['cancelled', 'refunded'];

export const slotIdOf = (doctorId: string, slot: Date) =>
  `${doctorId}_${slot.toISOString().slice(0, 16).replace(/[-:]/g, '')}`;

/** FAILED_PRECONDITION video_disabled unless the operator switched video on. */
export function requireVideoOn(ctx: Ctx): void {
  if (!ctx.videoRooms) throw consultError('FAILED_PRECONDITION', 'video_disabled');
}

/** The doctor's offer, or FAILED_PRECONDITION video_not_offered. */
export function offerOf(doctor: DoctorDoc): VideoOffer {
  if (!doctor.video) throw consultError('FAILED_PRECONDITION', 'video_not_offered');
  return doctor.video;
}

/**
 * The slot as a Date when it is one of the offer's slots (Shanghai weekly hours, aligned to
 * VIDEO_SLOT_MINUTES), at least the lead time ahead and within VIDEO_BOOKING_DAYS; else
 * INVALID_ARGUMENT slot_invalid on data.slot.
 */
export function checkSlot(offer: VideoOffer, slot: string, now: Date): Date {
  const at = new Date(slot);
  const bad = () => consultFieldError('data.slot', 'slot_invalid');
  const ms = at.getTime();
  if (Number.isNaN(ms) || ms % (VIDEO_SLOT_MINUTES * 60_000) !== 0) throw bad();
  if (ms < now.getTime() + VIDEO_BOOKING_LEAD_MINUTES * 60_000) throw bad();
  if (ms > now.getTime() + VIDEO_BOOKING_DAYS * 86_400_000) throw bad();
  // Shanghai wall time: UTC+8 all year (no daylight saving).
  const local = new Date(ms + SHANGHAI_OFFSET_MINUTES * 60_000);
  const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const fits = offer.hours.some(
    (h) =>
      h.weekday === weekday &&
      minute >= videoMinutesOf(h.start) &&
      minute + VIDEO_SLOT_MINUTES <= videoMinutesOf(h.end),
  );
  if (!fits) throw bad();
  return at;
}

/**
 * In the create transaction: takes the slot, or INVALID_ARGUMENT slot_invalid when another
 * consult holds it. A released slot (its consult cancelled or refunded, or gone) is taken over.
 */
export async function claimSlot(tx: DocumentStore, slot: VideoSlotDoc): Promise<void> {
  const held = await tx.get<VideoSlotDoc>(VIDEO_SLOTS.name, slot._id);
  if (held) {
    const holder = await tx.get<ConsultDoc>(CONSULTS.name, held.consultId);
    if (holder && !RELEASED.includes(holder.status))
      throw consultFieldError('data.slot', 'slot_invalid');
    await tx.remove(VIDEO_SLOTS.name, slot._id);
  }
  await tx.insert(VIDEO_SLOTS.name, slot);
}

/** Doctor: offers 视频咨询 at a price in given weekly hours, or stops (null). */
export const setVideoOffer: Handler<'consult', 'setVideoOffer'> = async (ctx, input) => {
  requireVideoOn(ctx);
  const { doctorId } = await requireDoctor(ctx);
  const found = await ctx.store.update(DOCTORS.name, doctorId, { set: { video: input.offer } });
  const doctor = found ? await ctx.store.get<DoctorDoc>(DOCTORS.name, doctorId) : null;
  if (!doctor) throw notFound('医生');
  return { doctor: doctorCard(ctx, doctor) };
};
