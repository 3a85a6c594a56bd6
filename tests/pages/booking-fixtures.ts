/**
 * 预约挂号 as the pages see it: views shaped like contract/booking.ts (the back end's own
 * labels), for the page tests. The weapp and e2e tests use the real handlers instead.
 */
import type { AppointmentView, SlotView } from '../../contract/booking';
import type { OutputOf } from '../../contract';

type Schedule = OutputOf<'booking', 'schedule'>;

export function slot(overrides: Partial<SlotView> = {}): SlotView {
  return {
    slotId: 's_20261201_am_d1',
    date: '2026-12-01',
    period: 'am',
    periodLabel: '上午',
    window: '08:00–12:00',
    feeFen: 3000,
    capacity: 20,
    remaining: 7,
    status: 'open',
    statusLabel: '可约',
    releaseAt: '2026-11-17T23:00:00.000Z',
    ...overrides,
  };
}

export const RULES_TEXT = [
  '实名制预约：就诊人须有有效身份证件（儿童可用监护人证件）',
  '号源提前 14 天开放，每天 07:00 放号',
  '就诊前一个工作日 18:00 前可免费取消并全额退款',
  '90 天内爽约 3 次，暂停预约 90 天',
];

export function schedule(overrides: Partial<Schedule> = {}): Schedule {
  return {
    doctorId: 'd1',
    available: true,
    demo: false,
    demoLabel: null,
    rules: {
      windowDays: 14,
      releaseHour: 7,
      cancelCutoffHour: 18,
      noShowLimit: 3,
      noShowWindowDays: 90,
      suspendDays: 90,
      maxOpenPerDepartmentWeek: 3,
      payAt: 'online',
      text: RULES_TEXT,
    },
    nextReleaseAt: '2026-12-01T23:00:00.000Z',
    subscribeTemplateIds: [],
    days: [
      {
        date: '2026-12-01',
        weekday: 2,
        workday: true,
        slots: [
          slot(),
          slot({
            slotId: 's_20261201_pm_d1',
            period: 'pm',
            periodLabel: '下午',
            window: '13:30–17:00',
            remaining: 0,
            status: 'full',
            statusLabel: '约满',
          }),
          slot({
            slotId: 's_20261201_eve_d1',
            period: 'eve',
            periodLabel: '晚间',
            window: '18:00–21:00',
            status: 'stopped',
            statusLabel: '停诊',
          }),
        ],
      },
      {
        date: '2026-12-15',
        weekday: 2,
        workday: true,
        slots: [
          slot({
            slotId: 's_20261215_am_d1',
            date: '2026-12-15',
            status: 'unreleased',
            statusLabel: '未放号',
            // Released in 1 h 30 min from the test's "now".
            releaseAt: new Date(Date.now() + 90 * 60_000).toISOString(),
          }),
        ],
      },
    ],
    ...overrides,
  };
}

export function appointment(overrides: Partial<AppointmentView> = {}): AppointmentView {
  return {
    id: 'a0000001',
    status: 'booked',
    statusLabel: '待就诊',
    doctor: { id: 'd1', name: '王建国', department: '心内科' },
    hospital: { id: 'h1', name: '复旦大学附属中山医院' },
    date: '2026-12-01',
    period: 'am',
    periodLabel: '上午',
    window: '08:00–12:00',
    feeFen: 3000,
    payAt: 'online',
    patient: { id: 'p0000000a', maskedName: '张*' },
    holdUntil: null,
    // 2026-11-30 18:00 Shanghai.
    cancelUntil: '2026-11-30T10:00:00.000Z',
    cancellable: true,
    visitCode: '123456',
    bring: ['就诊人本人有效身份证件（儿童可携带监护人证件）'],
    refund: null,
    demo: false,
    createdAt: '2026-11-29T02:00:00.000Z',
    ...overrides,
  };
}
