/** Shanghai time and the 调休 calendar, whatever the process's TZ (run under TZ=UTC on CloudBase). */
import {
  isWorkingDay,
  previousWorkingDay,
  shanghaiDate,
  shanghaiInstant,
  weekStart,
} from '../../../backend/booking/time';

it('reads Shanghai calendar days and instants with a fixed +8 offset', () => {
  expect(shanghaiDate(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
  expect(shanghaiDate(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
  expect(shanghaiInstant('2026-12-01', '07:00').toISOString()).toBe('2026-11-30T23:00:00.000Z');
});

it('treats a 调休 Sunday as a working day and holidays as days off', () => {
  expect(isWorkingDay('2026-09-20')).toBe(true); // Sunday, worked for National Day 2026
  expect(isWorkingDay('2026-09-27')).toBe(false); // an ordinary Sunday
  expect(isWorkingDay('2026-10-05')).toBe(false); // Monday in the National Day holiday
  expect(isWorkingDay('2026-02-14')).toBe(true); // Saturday, worked for 春节 2026
  expect(previousWorkingDay('2026-09-21')).toBe('2026-09-20');
  expect(previousWorkingDay('2026-10-08')).toBe('2026-09-30');
  expect(previousWorkingDay('2026-12-07')).toBe('2026-12-04');
});

it('starts the department week on Monday', () => {
  expect(weekStart('2026-12-06')).toBe('2026-11-30');
  expect(weekStart('2026-12-07')).toBe('2026-12-07');
});
