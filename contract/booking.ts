import * as z from './zod';
import { idSchema } from './common';
import { cursorSchema } from './consult/schemas';
import { paymentLaunchSchema } from './consult/views';
import {
  APPOINTMENT_STATUSES,
  APPOINTMENT_TABS,
  MAX_FEE_FEN,
  MAX_SCHEDULE_DAYS,
  MAX_SLOT_CAPACITY,
  PERIODS,
  SLOT_STATUSES,
} from './booking/items';

export * from './booking/items';

/**
 * The `booking` function: 预约挂号. Every action needs a registered, logged-in, trusted
 * account, except `schedule` (browsing a doctor's slots, like the catalog). An appointment
 * that is not the caller's is NOT_FOUND. Reasons: `error.details.reason`, contract/booking/items.ts.
 */

/** A calendar date in Shanghai, YYYY-MM-DD. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    '日期无效',
  );
export const periodSchema = z.enum(PERIODS);
/** The client makes one per confirm tap and reuses it on retry. */
export const clientRequestIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确');

export const slotViewSchema = z.object({
  slotId: z.string(),
  date: z.string(),
  period: periodSchema,
  periodLabel: z.string(),
  /** HH:mm–HH:mm, Shanghai time. */
  window: z.string(),
  feeFen: z.number().int(),
  capacity: z.number().int(),
  remaining: z.number().int(),
  status: z.enum(SLOT_STATUSES),
  statusLabel: z.string(),
  /** When it is (or was) released, ISO; the UI counts down to it. */
  releaseAt: z.string(),
});
export type SlotView = z.infer<typeof slotViewSchema>;

export const bookingRulesViewSchema = z.object({
  windowDays: z.number().int(),
  releaseHour: z.number().int(),
  cancelCutoffHour: z.number().int(),
  noShowLimit: z.number().int(),
  noShowWindowDays: z.number().int(),
  suspendDays: z.number().int(),
  maxOpenPerDepartmentWeek: z.number().int(),
  /** online: WeChat Pay to the hospital's own merchant (服务商 sub-merchant); hospital: 到院支付. */
  payAt: z.enum(['online', 'hospital']),
  /** The rules in words, shown before booking. */
  text: z.array(z.string()),
});

export const scheduleSchema = z.object({
  doctorId: z.string(),
  /** False: the hospital has no booking adapter (no 预约 button); `days` is empty. */
  available: z.boolean(),
  demo: z.boolean(),
  demoLabel: z.string().nullable(),
  rules: bookingRulesViewSchema.nullable(),
  /** The next release (ISO), for the countdown; null when unavailable. */
  nextReleaseAt: z.string().nullable(),
  /** Weapp: pass to wx.requestSubscribeMessage in the confirm tap (就诊提醒); [] locally. */
  subscribeTemplateIds: z.array(z.string()),
  days: z.array(
    z.object({
      date: z.string(),
      weekday: z.number().int(),
      workday: z.boolean(),
      slots: z.array(slotViewSchema),
    }),
  ),
});

export const appointmentViewSchema = z.object({
  id: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  statusLabel: z.string(),
  doctor: z.object({ id: z.string(), name: z.string(), department: z.string() }),
  hospital: z.object({ id: z.string(), name: z.string() }),
  date: z.string(),
  period: periodSchema,
  periodLabel: z.string(),
  window: z.string(),
  feeFen: z.number().int(),
  payAt: z.enum(['online', 'hospital']),
  patient: z.object({ id: z.string(), maskedName: z.string() }),
  /** pending_payment: the place is released at this instant (ISO) unless paid. */
  holdUntil: z.string().nullable(),
  /** Free cancellation until (ISO). */
  cancelUntil: z.string(),
  cancellable: z.boolean(),
  /** 取号码: shown while booked; the doctor enters it at checkIn. */
  visitCode: z.string().nullable(),
  bring: z.array(z.string()),
  refund: z.object({ amountFen: z.number().int(), status: z.string() }).nullable(),
  demo: z.boolean(),
  createdAt: z.string(),
});
export type AppointmentView = z.infer<typeof appointmentViewSchema>;

const byId = z.object({ appointmentId: idSchema }).strict();

export const bookingActions = {
  /** A doctor's slots for up to 14 days from `from` (default today, Shanghai). No account needed. */
  schedule: {
    input: z
      .object({
        doctorId: idSchema,
        from: dateSchema.optional(),
        days: z.number().int().min(1).max(MAX_SCHEDULE_DAYS).optional(),
      })
      .strict(),
    output: scheduleSchema,
  },
  /** 实名制预约 for one of the caller's 就诊人; idempotent by clientRequestId. */
  book: {
    input: z
      .object({ slotId: idSchema, patientId: idSchema, clientRequestId: clientRequestIdSchema })
      .strict(),
    output: appointmentViewSchema,
  },
  /** Starts paying a pending_payment appointment; `payment` null when nothing is left to pay. */
  pay: {
    input: byId,
    output: z.object({
      appointmentId: z.string(),
      status: z.enum(APPOINTMENT_STATUSES),
      payment: paymentLaunchSchema.nullable(),
    }),
  },
  /** Local sandbox only (FAILED_PRECONDITION sandbox_unavailable elsewhere): the 模拟支付 page's answer. */
  sandboxConfirm: {
    input: z.object({ appointmentId: idSchema, outcome: z.enum(['paid', 'cancelled']) }).strict(),
    output: appointmentViewSchema,
  },
  /** Free until the cutoff (full refund, place released); after it FAILED_PRECONDITION cancel_cutoff_passed. */
  cancel: { input: byId, output: appointmentViewSchema },
  /** 我的预约, soonest visit first for upcoming, latest first otherwise. */
  list: {
    input: z
      .object({
        status: z.enum(APPOINTMENT_TABS).optional(),
        cursor: cursorSchema.optional(),
      })
      .strict(),
    output: z.object({ items: z.array(appointmentViewSchema), nextCursor: z.string().nullable() }),
  },
  get: { input: z.object({ id: idSchema }).strict(), output: appointmentViewSchema },
  /** Doctor: opens, resizes or closes periods of one day on the platform's schedule. */
  setSlots: {
    input: z
      .object({
        date: dateSchema,
        periods: z
          .array(
            z
              .object({
                period: periodSchema,
                open: z.boolean(),
                capacity: z.number().int().min(0).max(MAX_SLOT_CAPACITY),
                feeFen: z.number().int().min(0).max(MAX_FEE_FEN),
              })
              .strict(),
          )
          .min(1)
          .max(PERIODS.length),
      })
      .strict(),
    output: z.object({ slots: z.array(slotViewSchema) }),
  },
  /** Doctor: 停诊. Every booked patient is refunded and notified (SMS and in-app). */
  stopSlot: {
    input: z.object({ slotId: idSchema }).strict(),
    output: z.object({ slotId: z.string(), stopped: z.number().int(), refunds: z.number().int() }),
  },
  /** Doctor: the day's patients, names masked. */
  roster: {
    input: z.object({ date: dateSchema }).strict(),
    output: z.object({
      date: z.string(),
      items: z.array(
        z.object({
          appointmentId: z.string(),
          period: periodSchema,
          maskedName: z.string(),
          status: z.enum(APPOINTMENT_STATUSES),
          statusLabel: z.string(),
        }),
      ),
    }),
  },
  /** Doctor: the patient's 取号码, on the visit day. */
  checkIn: {
    input: z
      .object({ appointmentId: idSchema, code: z.string().regex(/^\d{6}$/, '取号码为 6 位数字') })
      .strict(),
    output: appointmentViewSchema,
  },
} as const;
