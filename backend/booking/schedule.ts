import { DEMO_LABEL, MAX_SCHEDULE_DAYS } from '../../contract/booking/items';
import type { Handler } from '../core/action';
import { invalid } from '../core/errors';
import { loadDoctor, rulesText, setupFor } from './config';
import { bookingError } from './errors';
import { hisCall } from './his';
import { addDays, hourText, isWorkingDay, shanghaiDate, shanghaiInstant, weekdayOf } from './time';
import { slotStatus, toSlotView } from './views';

/**
 * A doctor's slots, at most 14 days from today (Shanghai). Needs no account: like the
 * catalog, it says nothing about anyone. A hospital without a booking adapter answers
 * `available: false` and no days, and the card shows no 预约 button.
 */
export const schedule: Handler<'booking', 'schedule'> = async (ctx, input) => {
  const doctor = await loadDoctor(ctx, input.doctorId);
  if (!doctor) throw bookingError('NOT_FOUND', 'slot_not_found');
  const setup = await setupFor(ctx, doctor);
  const empty = {
    doctorId: doctor._id,
    available: false,
    demo: false,
    demoLabel: null,
    rules: null,
    nextReleaseAt: null,
    subscribeTemplateIds: [],
    days: [],
  };
  if (!setup) return empty;
  const { rules } = setup;
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const last = addDays(today, rules.windowDays - 1);
  const from = input.from ?? today;
  if (from > last) throw invalid('data.from', '超出可预约日期范围');
  const dates: string[] = [];
  for (
    let d = from < today ? today : from;
    d <= last && dates.length < (input.days ?? MAX_SCHEDULE_DAYS);
    d = addDays(d, 1)
  )
    dates.push(d);
  const ref = {
    doctorId: doctor._id,
    hospitalId: doctor.hospitalId,
    department: doctor.department,
  };
  const slots = await hisCall(() => setup.adapter.slots(ref, dates));
  const releaseToday = shanghaiInstant(today, hourText(rules.releaseHour));
  return {
    doctorId: doctor._id,
    available: true,
    demo: setup.demo,
    demoLabel: setup.demo ? DEMO_LABEL : null,
    rules: { ...rules, payAt: setup.payAt, text: rulesText(rules, setup.payAt) },
    nextReleaseAt: (now < releaseToday
      ? releaseToday
      : shanghaiInstant(addDays(today, 1), hourText(rules.releaseHour))
    ).toISOString(),
    subscribeTemplateIds: [...(ctx.notifier?.templateIds ?? [])],
    days: dates.map((date) => ({
      date,
      weekday: weekdayOf(date),
      workday: isWorkingDay(date),
      slots: slots
        .filter((s) => s.date === date)
        .sort(
          (a, b) => ['am', 'pm', 'eve'].indexOf(a.period) - ['am', 'pm', 'eve'].indexOf(b.period),
        )
        .flatMap((s) => {
          const status = slotStatus(s, rules, now);
          return status === 'past' ? [] : [toSlotView(s, status, rules)];
        }),
    })),
  };
};
