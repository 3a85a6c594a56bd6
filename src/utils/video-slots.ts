import {
  SHANGHAI_OFFSET_MINUTES,
  VIDEO_BOOKING_DAYS,
  VIDEO_BOOKING_LEAD_MINUTES,
  VIDEO_SLOT_MINUTES,
} from '../../contract/call/items';

/** One weekly window of a doctor's video hours (contract/consult/video.ts), Shanghai time. */
export interface VideoHoursLike {
  weekday: number;
  start: string;
  end: string;
}

const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
const SLOT_MS = VIDEO_SLOT_MINUTES * 60_000;

/**
 * The next `count` slot starts a patient may book (ISO, UTC): inside the doctor's weekly
 * hours in Shanghai time, at least VIDEO_BOOKING_LEAD_MINUTES ahead and at most
 * VIDEO_BOOKING_DAYS ahead — the rules the server checks (backend/consult/video.ts checkSlot).
 */
export function nextVideoSlots(hours: VideoHoursLike[], now: Date, count: number): string[] {
  const first =
    Math.ceil((now.getTime() + VIDEO_BOOKING_LEAD_MINUTES * 60_000) / SLOT_MS) * SLOT_MS;
  const last = now.getTime() + VIDEO_BOOKING_DAYS * 86_400_000;
  const out: string[] = [];
  for (let t = first; t <= last && out.length < count; t += SLOT_MS) {
    const local = new Date(t + SHANGHAI_OFFSET_MINUTES * 60_000);
    const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
    const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
    const open = hours.some(
      (h) =>
        h.weekday === weekday &&
        minute >= minutesOf(h.start) &&
        minute + VIDEO_SLOT_MINUTES <= minutesOf(h.end),
    );
    if (open) out.push(new Date(t).toISOString());
  }
  return out;
}

/** A slot as Shanghai wall time: "12月8日 周二 09:30". */
export function formatSlot(iso: string): string {
  const local = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MINUTES * 60_000);
  const week = '日一二三四五六'[local.getUTCDay()];
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 周${week} ${hh}:${mm}`;
}
