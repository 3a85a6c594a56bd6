import * as z from '../zod';
import { VIDEO_HOURS_MAX, VIDEO_SLOT_MINUTES } from '../call/items';

/**
 * 视频咨询 offered by a doctor (issue 14): a price and weekly video hours in Shanghai time.
 * A video consult books one VIDEO_SLOT_MINUTES slot inside these hours.
 */
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间格式为 HH:MM');
const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

export const videoHoursSchema = z
  .object({
    /** 1 = Monday … 7 = Sunday (ISO). */
    weekday: z.number().int().min(1).max(7),
    start: hhmm,
    end: hhmm,
  })
  .strict()
  .refine((h) => minutesOf(h.start) < minutesOf(h.end), '结束时间须晚于开始时间')
  .refine(
    (h) =>
      minutesOf(h.start) % VIDEO_SLOT_MINUTES === 0 && minutesOf(h.end) % VIDEO_SLOT_MINUTES === 0,
    `时段须按 ${VIDEO_SLOT_MINUTES} 分钟对齐`,
  );
export type VideoHours = z.infer<typeof videoHoursSchema>;

export const videoOfferSchema = z
  .object({
    /** Fen; 0 = free. */
    price: z.number().int().min(0).max(1_000_000),
    hours: z.array(videoHoursSchema).min(1).max(VIDEO_HOURS_MAX),
  })
  .strict();
export type VideoOffer = z.infer<typeof videoOfferSchema>;

export const CONSULT_TYPES = ['text', 'video'] as const;
export const consultTypeSchema = z.enum(CONSULT_TYPES);
export type ConsultType = z.infer<typeof consultTypeSchema>;

export { minutesOf as videoMinutesOf };
