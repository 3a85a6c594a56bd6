import { DUE_WORKING_DAYS, type TicketCategory } from '../../contract/support/items';
import { addDays, isWorkingDay, shanghaiDate } from '../booking/time';

/**
 * The day (Shanghai) by which 客服 answers: DUE_WORKING_DAYS working days after the day the
 * ticket was made, by the State Council's holiday and 调休 calendar (chinese-days, through
 * backend/booking/time.ts) — 15 working days for a privacy request (PIPL art. 50).
 */
export function dueDateOf(category: TicketCategory, createdAt: Date): string {
  let date = shanghaiDate(createdAt);
  let left = DUE_WORKING_DAYS[category];
  // 15 working days are at most ~5 weeks, even across 春节 and 国庆.
  for (let i = 0; left > 0 && i < 120; i++) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) left--;
  }
  return date;
}
