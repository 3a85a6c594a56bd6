import * as z from '../../contract/zod';
import { dateSchema, periodSchema } from '../../contract/booking';
import {
  DEFAULT_BOOKING_RULES,
  MAX_FEE_FEN,
  MAX_SLOT_CAPACITY,
} from '../../contract/booking/items';
import { BOOKING_CONFIGS, BOOKING_SLOTS, DOCTORS, HOSPITALS } from '../collections';
import type { DoctorDoc } from '../catalog/model';
import { doctorIdOf, hospitalIdOf } from '../catalog/ids';
import type { RowProblem } from '../catalog/import';
import type { DocumentStore } from '../ports/document-store';
import type { BookingConfigDoc } from './config';
import { slotIdOf, type SlotDoc } from './model';

/**
 * `npm run import -- schedules.json`: hospitals' booking configurations and the platform's
 * schedules, with the catalog import's all-or-nothing validation — every row checked first
 * (JSON pointer, field, message), any problem and nothing is written.
 *
 *   { "bookingConfigs": [{ "hospital", "adapter": "platform"|"his", "his"?, "payAt", "subMchId"?, "rules"? }],
 *     "schedules": [{ "hospital", "department", "doctor", "date", "period", "capacity", "feeFen" }] }
 */
const rulesSchema = z
  .object(
    Object.fromEntries(
      Object.keys(DEFAULT_BOOKING_RULES).map((k) => [k, z.number().int().min(0).max(365)]),
    ),
  )
  .partial()
  .strict()
  .refine((r) => r.releaseHour === undefined || r.releaseHour <= 23, '放号时间为 0–23 点')
  .refine((r) => r.cancelCutoffHour === undefined || r.cancelCutoffHour <= 23, '取消截止为 0–23 点')
  .refine(
    (r) => r.windowDays === undefined || (r.windowDays >= 1 && r.windowDays <= 14),
    '开放天数为 1–14',
  );

const configRowSchema = z
  .object({
    hospital: z.string().min(1),
    adapter: z.enum(['platform', 'his']),
    // The HIS answers over HTTPS; plain HTTP only to this machine (a test or a tunnel).
    his: z
      .object({
        baseUrl: z
          .string()
          .regex(/^(https:\/\/|http:\/\/127\.0\.0\.1[:/])/, 'HIS 地址须为 https://'),
        token: z.string().min(16, '令牌至少 16 个字符'),
      })
      .strict()
      .optional(),
    payAt: z.enum(['online', 'hospital']),
    subMchId: z
      .string()
      .regex(/^\d{8,12}$/, '子商户号为 8–12 位数字')
      .optional(),
    rules: rulesSchema.optional(),
  })
  .strict()
  .refine((c) => (c.adapter === 'his') === (c.his !== undefined), {
    message: 'adapter 为 his 时必须（且只能）填写 his',
    path: ['his'],
  });

const scheduleRowSchema = z
  .object({
    hospital: z.string().min(1),
    department: z.string().min(1),
    doctor: z.string().min(1),
    date: dateSchema,
    period: periodSchema,
    capacity: z.number().int().min(0).max(MAX_SLOT_CAPACITY),
    feeFen: z.number().int().min(0).max(MAX_FEE_FEN),
  })
  .strict();

type ConfigRow = z.infer<typeof configRowSchema>;
type ScheduleRow = z.infer<typeof scheduleRowSchema>;

export type ScheduleImportResult =
  { ok: true; configs: number; slots: number } | { ok: false; problems: RowProblem[] };

const problemsOf = (error: z.ZodError, where: string): RowProblem[] =>
  error.issues.map((i) => ({
    where,
    field: i.path.map(String).join('.') || '(row)',
    message: i.message,
  }));

/** Whether a parsed JSON body is a booking import (rather than a catalog one). */
export const isScheduleImport = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && ('schedules' in body || 'bookingConfigs' in body);

export async function importSchedules(
  store: DocumentStore,
  body: unknown,
  now: Date,
): Promise<ScheduleImportResult> {
  const problems: RowProblem[] = [];
  const { bookingConfigs = [], schedules = [], ...rest } = (body ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(rest))
    problems.push({
      where: `/${key}`,
      field: key,
      message: '未知字段（只接受 bookingConfigs 和 schedules）',
    });
  if (!Array.isArray(bookingConfigs) || !Array.isArray(schedules))
    return {
      ok: false,
      problems: [
        ...problems,
        { where: '(file)', field: '(json)', message: 'bookingConfigs 和 schedules 必须是数组' },
      ],
    };

  const configs: BookingConfigDoc[] = [];
  const platform = new Map<string, boolean>();
  for (const [i, raw] of (bookingConfigs as unknown[]).entries()) {
    const where = `/bookingConfigs/${i}`;
    const parsed = configRowSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...problemsOf(parsed.error, where));
      continue;
    }
    const row: ConfigRow = parsed.data;
    const hospitalId = hospitalIdOf(row.hospital);
    if (!(await store.get(HOSPITALS.name, hospitalId)))
      problems.push({ where, field: 'hospital', message: `找不到医院「${row.hospital}」` });
    if (platform.has(hospitalId))
      problems.push({ where, field: 'hospital', message: '同一医院重复配置' });
    platform.set(hospitalId, row.adapter === 'platform');
    configs.push({
      _id: hospitalId,
      adapter: row.adapter,
      demo: false,
      his: row.his ?? null,
      payAt: row.payAt,
      subMchId: row.subMchId ?? null,
      rules: row.rules ?? {},
    });
  }

  const slots: Array<{ where: string; doc: SlotDoc }> = [];
  const seen = new Map<string, string>();
  for (const [i, raw] of (schedules as unknown[]).entries()) {
    const where = `/schedules/${i}`;
    const parsed = scheduleRowSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...problemsOf(parsed.error, where));
      continue;
    }
    const row: ScheduleRow = parsed.data;
    const hospitalId = hospitalIdOf(row.hospital);
    const doctor = await store.get<DoctorDoc>(
      DOCTORS.name,
      doctorIdOf(hospitalId, row.department, row.doctor),
    );
    if (!doctor) {
      problems.push({
        where,
        field: 'doctor',
        message: `找不到「${row.hospital} ${row.department} ${row.doctor}」`,
      });
      continue;
    }
    const stored = await store.get<BookingConfigDoc>(BOOKING_CONFIGS.name, hospitalId);
    if (!(platform.get(hospitalId) ?? stored?.adapter === 'platform'))
      problems.push({
        where,
        field: 'hospital',
        message: '该医院未配置平台号源（adapter: platform），号源由医院系统提供',
      });
    const id = slotIdOf(doctor._id, row.date, row.period);
    const first = seen.get(id);
    if (first) problems.push({ where, field: 'period', message: `与 ${first} 是同一医生同一时段` });
    seen.set(id, where);
    const existing = await store.get<SlotDoc>(BOOKING_SLOTS.name, id);
    const taken = existing ? existing.capacity - existing.remaining : 0;
    if (row.capacity < taken)
      problems.push({
        where,
        field: 'capacity',
        message: `已有 ${taken} 人预约，号源数量不能更少`,
      });
    slots.push({
      where,
      doc: {
        _id: id,
        doctorId: doctor._id,
        hospitalId,
        department: doctor.department,
        date: row.date,
        period: row.period,
        feeFen: row.feeFen,
        capacity: row.capacity,
        remaining: row.capacity - taken,
        stopped: existing?.stopped ?? false,
        demo: false,
        updatedAt: now.toISOString(),
      },
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  await store.transaction(async (tx) => {
    for (const c of configs) {
      await tx.remove(BOOKING_CONFIGS.name, c._id);
      await tx.insert(BOOKING_CONFIGS.name, c);
    }
    for (const { doc } of slots) {
      const existing = await tx.get<SlotDoc>(BOOKING_SLOTS.name, doc._id);
      if (!existing) await tx.insert(BOOKING_SLOTS.name, doc);
      else {
        // Re-read inside the transaction: a booking since validation counts as taken.
        const taken = existing.capacity - existing.remaining;
        if (doc.capacity < taken)
          throw new Error(`${doc._id}: booked meanwhile below the new capacity`);
        await tx.update(BOOKING_SLOTS.name, doc._id, {
          set: {
            capacity: doc.capacity,
            remaining: doc.capacity - taken,
            feeFen: doc.feeFen,
            updatedAt: doc.updatedAt,
          },
        });
      }
    }
  });
  return { ok: true, configs: configs.length, slots: slots.length };
}
