/**
 * 预约挂号: numbers, states, labels and reason codes as plain constants (no zod), so the
 * mini-program can use them without bundling schemas. contract/booking.ts re-exports them.
 * Defaults follow Shanghai practice (docs/FACTS.md "Appointment practice"); each hospital's
 * booking configuration may override them.
 */

export const PERIODS = ['am', 'pm', 'eve'] as const;
export type Period = (typeof PERIODS)[number];
export const PERIOD_LABELS: Record<Period, string> = { am: '上午', pm: '下午', eve: '晚间' };
/** Visit windows in Shanghai time, [start, end) as HH:mm. */
export const PERIOD_WINDOWS: Record<Period, readonly [string, string]> = {
  am: ['08:00', '12:00'],
  pm: ['13:30', '17:00'],
  eve: ['18:00', '21:00'],
};

export const SLOT_STATUSES = ['open', 'full', 'stopped', 'unreleased'] as const;
export type SlotStatus = (typeof SLOT_STATUSES)[number];
export const SLOT_STATUS_LABELS: Record<SlotStatus, string> = {
  open: '可约',
  full: '约满',
  stopped: '停诊',
  unreleased: '未放号',
};

/**
 * pending_payment → booked → checked_in | no_show; pending_payment → released (unpaid after
 * the hold); pending_payment/booked → cancelled (by the patient) | stopped (停诊).
 */
export const APPOINTMENT_STATUSES = [
  'pending_payment',
  'booked',
  'checked_in',
  'no_show',
  'cancelled',
  'released',
  'stopped',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  pending_payment: '待支付',
  booked: '待就诊',
  checked_in: '已取号',
  no_show: '爽约',
  cancelled: '已取消',
  released: '已失效',
  stopped: '停诊',
};
/** Statuses that hold a place in the slot. */
export const HOLDING_STATUSES: readonly AppointmentStatus[] = ['pending_payment', 'booked'];

/** 我的预约 tabs. */
export const APPOINTMENT_TABS = ['upcoming', 'past', 'cancelled'] as const;
export type AppointmentTab = (typeof APPOINTMENT_TABS)[number];

/** An unpaid booking holds its place this long; the pay order's time_expire is the same instant. */
export const HOLD_MINUTES = 15;
export const MAX_SCHEDULE_DAYS = 14;
export const LIST_PAGE_SIZE = 20;
export const MAX_SLOT_CAPACITY = 500;
export const MAX_FEE_FEN = 100_000;

/** Per-hospital rules; these are the defaults (docs/FACTS.md "Appointment practice"). */
export const DEFAULT_BOOKING_RULES = {
  /** Slots open up to 14 days ahead (today included). */
  windowDays: 14,
  /** The next day of the window is released daily at this hour, Shanghai time. */
  releaseHour: 7,
  /** Free cancellation until this hour of the working day before the visit. */
  cancelCutoffHour: 18,
  /** 中山医院 (2023, second-hand): 3 no-shows in 90 days suspend booking for 90 days. */
  noShowLimit: 3,
  noShowWindowDays: 90,
  suspendDays: 90,
  /** At most this many open appointments per 就诊人 per department per week. */
  maxOpenPerDepartmentWeek: 3,
  /** Anti-scalping: bookings one account may make per calendar month (Shanghai). */
  maxBookingsPerAccountMonth: 20,
} as const;
export type BookingRules = { [K in keyof typeof DEFAULT_BOOKING_RULES]: number };

/** Booking calls (book, pay, cancel) one account may make per day: scalping bots are a known problem. */
export const BOOKING_CALLS_PER_DAY = 60;

/** What to bring, shown with the visit code (实名制: the document the booking was made with). */
export const WHAT_TO_BRING = [
  '就诊人本人有效身份证件（儿童可携带监护人证件）',
  '医保卡或社保卡（如有）',
  '既往病历、检查报告',
] as const;

export const DEMO_LABEL = '演示号源：仅供体验，不是真实挂号';

/** `details.reason` of booking errors, with the message the user reads. */
export const BOOKING_ERROR_REASONS = {
  /** FAILED_PRECONDITION: the hospital has no booking adapter configured (no 预约 button). */
  booking_unavailable: '该医院暂未开通线上预约',
  /** NOT_FOUND */
  slot_not_found: '号源不存在',
  slot_past: '该时段已过，无法预约',
  slot_full: '该时段已约满',
  slot_stopped: '该时段已停诊',
  /** details.releaseAt: when it opens. */
  slot_unreleased: '该时段尚未放号',
  /** One appointment per 就诊人 per doctor per day. */
  same_doctor_day: '该就诊人当天已预约该医生',
  /** details.limit */
  department_week_limit: '该就诊人本周在该科室的预约已达上限',
  /** details.suspendedUntil */
  suspended: '因爽约次数过多，该就诊人暂停预约',
  account_month_limit: '本账号本月预约次数已达上限',
  patient_not_found: '就诊人不存在',
  /** 实名制预约: a valid identity document (or a guardian's, for a child) is required. */
  patient_no_document: '请先为就诊人完善有效身份证件',
  /** details.cancelUntil */
  cancel_cutoff_passed: '已过免费取消时间，无法取消',
  /** details.status */
  wrong_status: '预约状态已变化，请刷新',
  code_mismatch: '取号码不正确',
  not_visit_day: '仅可在就诊当天取号',
  payment_unavailable: '当前环境不支持在线支付',
  payment_failed: '发起支付失败，请稍后重试',
  doctor_required: '仅医生本人可操作',
  /** setSlots: capacity below the places already taken; details.taken */
  capacity_below_taken: '号源数量不能少于已预约人数',
  outside_window: '超出可排班日期范围',
  /** The hospital's system refused or did not answer. */
  his_unavailable: '医院系统暂时无法连接，请稍后重试',
  retry: '当前预约人数较多，请重试',
  /** sandboxConfirm on a deployment with real payments. */
  sandbox_unavailable: '当前环境不支持模拟支付',
} as const;
export type BookingErrorReason = keyof typeof BOOKING_ERROR_REASONS;

/**
 * The booking subpackage's pages (src/subpackages/booking), here because the back end names
 * them too: the sandbox's 模拟支付 page and the page a reminder or 停诊 notice opens.
 */
export const BOOKING_PAGES = {
  schedule: 'subpackages/booking/schedule/index',
  confirm: 'subpackages/booking/confirm/index',
  sandboxPay: 'subpackages/booking/pay/index',
  result: 'subpackages/booking/result/index',
  list: 'subpackages/booking/list/index',
  detail: 'subpackages/booking/detail/index',
} as const;
export const appointmentPage = (id: string) =>
  `${BOOKING_PAGES.detail}?id=${encodeURIComponent(id)}`;
