import type { ActionName, InputOf, OutputOf } from '../../contract';
// Runtime values only from the zod-free part of the contract (keeps zod out of the bundle).
import { BOOKING_ERROR_REASONS, type BookingErrorReason } from '../../contract/booking/items';
import { call } from './client';
import { toServiceError, type ServiceError } from './errors';

/** The booking function (预约挂号, issue 13), one wrapper per patient-side action. */
type Action = ActionName<'booking'>;
type In<A extends Action> = InputOf<'booking', A>;
type Out<A extends Action> = Promise<OutputOf<'booking', A>>;

/**
 * A call the server shed under load (503 RATE_LIMITED with only retryAfterSeconds: refused
 * before any handler ran, so asking again is safe for every action) is asked again after
 * the wait the server names, twice at most; a quota refusal (`limit`) is not.
 */
function shedWait(error: unknown): number | null {
  const e = toServiceError(error);
  const d = e.details ?? {};
  if (e.code !== 'RATE_LIMITED' || 'limit' in d || 'reason' in d) return null;
  const s = typeof d.retryAfterSeconds === 'number' ? d.retryAfterSeconds : 1;
  return s <= 3 ? s * 1000 : null;
}

const c =
  <A extends Action>(action: A) =>
  async (input: In<A>): Out<A> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call('booking', action, input);
      } catch (error) {
        const wait = attempt < 2 ? shedWait(error) : null;
        if (wait === null) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  };

export const getSchedule = c('schedule');
export const bookSlot = c('book');
export const payAppointment = c('pay');
export const sandboxConfirmAppointment = c('sandboxConfirm');
export const cancelAppointment = c('cancel');
export const listAppointments = c('list');
export const getAppointment = c('get');

export type ScheduleData = OutputOf<'booking', 'schedule'>;
export type SlotData = ScheduleData['days'][number]['slots'][number];
export type AppointmentData = OutputOf<'booking', 'get'>;

/** What the user can do about a refusal: where the button goes, and its label. */
export type NextStep =
  'reschedule' | 'refresh' | 'patients' | 'identity' | 'mine' | 'retry' | 'login' | null;

export interface BookingProblem {
  text: string;
  next: NextStep;
}

const NEXT: Partial<Record<BookingErrorReason, NextStep>> = {
  slot_not_found: 'reschedule',
  slot_past: 'reschedule',
  slot_full: 'reschedule',
  slot_stopped: 'reschedule',
  slot_unreleased: 'reschedule',
  same_doctor_day: 'mine',
  department_week_limit: 'mine',
  account_month_limit: 'mine',
  suspended: null,
  patient_not_found: 'patients',
  patient_no_document: 'patients',
  cancel_cutoff_passed: null,
  wrong_status: 'refresh',
  his_unavailable: 'retry',
  retry: 'retry',
  payment_failed: 'retry',
  booking_unavailable: null,
};

const pad = (n: number) => String(n).padStart(2, '0');
/** An instant as Shanghai wall time, "12月1日 18:00" (the rules are Shanghai's; UTC+8, no DST). */
export function shanghaiTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return '';
  const s = new Date(t.getTime() + 8 * 3600_000);
  return `${s.getUTCMonth() + 1}月${s.getUTCDate()}日 ${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}`;
}

/** The text of one refusal, with what it carried (until when, which limit). */
function reasonText(reason: BookingErrorReason, e: ServiceError): string {
  const base = BOOKING_ERROR_REASONS[reason];
  const d = e.details ?? {};
  if (reason === 'suspended' && typeof d.suspendedUntil === 'string')
    return `${base}，${shanghaiTime(d.suspendedUntil)}后可再预约`;
  if (reason === 'slot_unreleased' && typeof d.releaseAt === 'string')
    return `${base}，${shanghaiTime(d.releaseAt)}放号`;
  if (reason === 'cancel_cutoff_passed' && typeof d.cancelUntil === 'string')
    return `${base}（免费取消截止 ${shanghaiTime(d.cancelUntil)}）。如不能就诊，请联系医院`;
  if (reason === 'department_week_limit' && typeof d.limit === 'number')
    return `${base}（每周最多 ${d.limit} 个）`;
  return base;
}

/** What to tell the user about a failed booking call, and what they can do next. */
export function bookingProblem(error: unknown): BookingProblem {
  const e = toServiceError(error);
  const reason = e.details?.reason;
  if (typeof reason === 'string' && reason in BOOKING_ERROR_REASONS) {
    const r = reason as BookingErrorReason;
    return { text: reasonText(r, e), next: NEXT[r] ?? null };
  }
  if (e.code === 'RATE_LIMITED')
    return { text: e.message || '操作过于频繁，请稍后再试', next: null };
  if (e.code === 'UNAUTHENTICATED') return { text: '请先登录', next: 'login' };
  if (e.code === 'NOT_FOUND') return { text: '预约不存在或已被删除', next: 'mine' };
  if (e.details?.transport === 'network') return { text: e.message, next: 'retry' };
  return { text: e.message || '出了点问题，请稍后重试', next: 'retry' };
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The confirm tap's clientRequestId: made once per confirm and reused on retry, so a retry
 * after a lost answer finds the same appointment instead of taking a second place. Only
 * uniqueness matters, so Math.random stands in where there is no `crypto` (weapp).
 */
export function newClientRequestId(): string {
  const bytes = new Uint8Array(20);
  if (typeof globalThis.crypto?.getRandomValues === 'function') {
    globalThis.crypto.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  return 'b' + Array.from(bytes, (b) => ID_CHARS[b % ID_CHARS.length]).join('');
}
