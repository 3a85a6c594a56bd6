import { DEFAULT_BOOKING_RULES, type BookingRules } from '../../contract/booking/items';
import { BOOKING_CONFIGS, DOCTORS } from '../collections';
import type { DoctorDoc } from '../catalog/model';
import type { Ctx } from '../core/context';
import type { StoredDoc } from '../ports/document-store';
import type { HospitalBooking } from '../ports/hospital-booking';
import { createPlatformBooking } from '../adapters/booking/platform';
import { createHisBooking } from '../adapters/booking/his-http';
import { bookingError } from './errors';
import { hourText } from './time';

/**
 * A hospital's booking configuration (`bookingConfigs`, `_id` = hospitalId), written by
 * `npm run import` (all-or-nothing, like hospitals). No document → no booking, except for
 * the seeded synthetic doctors, who get the demo schedule (clearly labelled).
 */
export interface BookingConfigDoc extends StoredDoc, BookingConfigFields {}

export interface BookingConfigFields {
  adapter: 'platform' | 'his';
  demo: boolean;
  /** The HIS endpoint and its bearer token (docs/his-contract.md). */
  his: { baseUrl: string; token: string } | null;
  /**
   * online: WeChat Pay 服务商 mode, paid to the hospital's own sub-merchant `subMchId`
   * (docs/booking-payments.md: never through the platform's account); hospital: 到院支付.
   */
  payAt: 'online' | 'hospital';
  subMchId: string | null;
  rules: Partial<BookingRules>;
}

export interface BookingSetup {
  hospitalId: string;
  demo: boolean;
  payAt: 'online' | 'hospital';
  subMchId: string | null;
  rules: BookingRules;
  adapter: HospitalBooking;
}

const DEMO_CONFIG: BookingConfigFields = {
  adapter: 'platform',
  demo: true,
  his: null,
  payAt: 'online',
  subMchId: null,
  rules: {},
};

export async function loadDoctor(ctx: Ctx, doctorId: string): Promise<DoctorDoc | null> {
  return ctx.store.get<DoctorDoc>(DOCTORS.name, doctorId);
}

/** The hospital's booking setup for this doctor, or null (no 预约 button). */
export async function setupFor(ctx: Ctx, doctor: DoctorDoc): Promise<BookingSetup | null> {
  const stored = await ctx.store.get<BookingConfigDoc>(BOOKING_CONFIGS.name, doctor.hospitalId);
  const config: BookingConfigFields | null = stored ?? (doctor.synthetic ? DEMO_CONFIG : null);
  if (!config) return null;
  const adapter =
    config.adapter === 'his' && config.his
      ? createHisBooking({ ...config.his, fetch: ctx.hisFetch ?? globalThis.fetch })
      : createPlatformBooking(ctx.store, { demo: config.demo, now: () => ctx.clock.now() });
  // Money goes to the hospital only: online payment needs its own sub-merchant, except in
  // the local sandbox where no money moves. Otherwise the fee is paid at the hospital.
  const online =
    config.payAt === 'online' && (config.subMchId !== null || ctx.payment?.kind === 'sandbox');
  return {
    hospitalId: doctor.hospitalId,
    demo: config.demo,
    payAt: online ? 'online' : 'hospital',
    subMchId: config.subMchId,
    rules: { ...DEFAULT_BOOKING_RULES, ...config.rules },
    adapter,
  };
}

export async function requireSetup(
  ctx: Ctx,
  doctorId: string,
): Promise<{ doctor: DoctorDoc; setup: BookingSetup }> {
  const doctor = await loadDoctor(ctx, doctorId);
  if (!doctor) throw bookingError('NOT_FOUND', 'slot_not_found');
  const setup = await setupFor(ctx, doctor);
  if (!setup) throw bookingError('FAILED_PRECONDITION', 'booking_unavailable');
  return { doctor, setup };
}

/** The rules in words, shown before booking and with a refusal. */
export function rulesText(rules: BookingRules, payAt: 'online' | 'hospital'): string[] {
  return [
    `实名制预约：就诊人须有有效身份证件（儿童可用监护人证件）`,
    `号源提前 ${rules.windowDays} 天开放，每天 ${hourText(rules.releaseHour)} 放号`,
    `就诊前一个工作日 ${hourText(rules.cancelCutoffHour)} 前可免费取消并全额退款`,
    `同一就诊人同一医生同一天限约 1 次，同一科室每周最多 ${rules.maxOpenPerDepartmentWeek} 个未就诊预约`,
    `${rules.noShowWindowDays} 天内爽约 ${rules.noShowLimit} 次，暂停预约 ${rules.suspendDays} 天`,
    payAt === 'online' ? '挂号费直接支付给医院' : '挂号费到院支付',
  ];
}
