import { holidays, workdays } from 'chinese-days/dist/chinese-days.json';
import { PERIOD_WINDOWS, type Period } from '../../contract/booking/items';

/**
 * Shanghai time, whatever the process's TZ (CloudBase functions run in UTC): China has kept
 * UTC+8 without daylight saving since 1991, so a fixed offset is exact. Only UTC methods are
 * used, so the answers are the same under TZ=UTC and TZ=Asia/Shanghai.
 */
const OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 24 * 3600_000;

/** YYYY-MM-DD in Shanghai. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of `date` `hh:mm` in Shanghai. */
export function shanghaiInstant(date: string, time: string): Date {
  const [h, m] = time.split(':').map(Number);
  const [y, mo, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, m) - OFFSET_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/**
 * A working day by the State Council's holiday and 调休 calendar (docs/FACTS.md: working
 * days follow it), from the data `chinese-days` maintains: a listed 调休 day is worked, a
 * listed holiday is not, otherwise Monday–Friday (also for a year not yet published). Read
 * as data by date string: the package's own functions parse dates in the process's TZ and
 * answer wrongly west of UTC.
 */
const WORKED: Record<string, string> = workdays;
const HOLIDAYS: Record<string, string> = holidays;

export function isWorkingDay(date: string): boolean {
  if (date in WORKED) return true;
  if (date in HOLIDAYS) return false;
  const wd = weekdayOf(date);
  return wd !== 0 && wd !== 6;
}

export function previousWorkingDay(date: string): string {
  let d = addDays(date, -1);
  // The longest run of days off (春节 with weekends) is under two weeks.
  for (let i = 0; i < 31 && !isWorkingDay(d); i++) d = addDays(d, -1);
  return d;
}

/** The Monday of the ISO week of `date` (the week of the 3-per-department rule). */
export function weekStart(date: string): string {
  const wd = weekdayOf(date);
  return addDays(date, -((wd + 6) % 7));
}

export const periodStart = (date: string, period: Period) =>
  shanghaiInstant(date, PERIOD_WINDOWS[period][0]);
export const periodEnd = (date: string, period: Period) =>
  shanghaiInstant(date, PERIOD_WINDOWS[period][1]);
export const windowText = (period: Period) => PERIOD_WINDOWS[period].join('-');
const pad = (n: number) => String(n).padStart(2, '0');
export const hourText = (hour: number) => `${pad(hour)}:00`;
