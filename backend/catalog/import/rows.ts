import * as z from '../../../contract/zod';
import { DOCTOR_TITLES, HOSPITAL_GRADES, SHANGHAI_DISTRICTS } from '../../../contract/catalog';

/**
 * What an operator's import must look like, row by row. The CSV columns are those of
 * backend/catalog/seed/shanghai-hospitals.csv; a JSON file has `{ hospitals: [...], doctors?: [...] }`
 * with the same hospital fields (camelCase also accepted) and doctor rows as below.
 */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

const coordinate = (min: number, max: number, label: string) =>
  z.coerce
    .number({ message: `${label}必须是数字` })
    .refine(
      (v) => Number.isFinite(v) && v >= min && v <= max,
      `${label}不在上海范围内 (${min}–${max})`,
    );

export const hospitalRowSchema = z
  .object({
    name: z.string().trim().min(2, '名称至少 2 个字').max(60),
    short_name: optionalText(30),
    grade: z
      .union([z.enum(HOSPITAL_GRADES), z.literal('')])
      .optional()
      .transform((v) => (v ? v : null)),
    district: z.enum(SHANGHAI_DISTRICTS, { message: '区必须是上海的 16 个区之一，如 黄浦区' }),
    address: z.string().trim().min(4).max(120),
    lat: coordinate(30.6, 31.95, '纬度'),
    lng: coordinate(120.8, 122.25, '经度'),
    coord_system: z.enum(['WGS-84', 'GCJ-02'], { message: '坐标系必须是 WGS-84 或 GCJ-02' }),
    coord_source: optionalText(500),
    phone: z
      .string()
      .trim()
      .regex(/^$|^[0-9+\-()\s/]{5,40}$/, '电话格式不正确')
      .optional()
      .transform((v) => (v ? v : null)),
    departments: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) =>
        (Array.isArray(v) ? v : (v ?? '').split('|')).map((d) => d.trim()).filter((d) => d !== ''),
      )
      .pipe(z.array(z.string().max(30, '科室名最多 30 个字')).max(60)),
    source: optionalText(2000),
  })
  .strict();
export type HospitalRow = z.output<typeof hospitalRowSchema>;

export const doctorRowSchema = z
  .object({
    name: z.string().trim().min(2).max(20),
    title: z.enum(DOCTOR_TITLES, { message: `职称必须是 ${DOCTOR_TITLES.join('/')} 之一` }),
    department: z.string().trim().min(2).max(30),
    /** The hospital's full name, as in the hospital rows or already in the catalog. */
    hospital: z.string().trim().min(2).max(60),
    specialties: z.array(z.string().trim().min(1).max(30)).max(10).default([]),
    /** Fen (分). */
    consultPrice: z.number().int().min(0).max(1_000_000),
    rating: z.number().min(0).max(5).default(5),
    bio: z.string().trim().max(1000).default(''),
  })
  .strict();
export type DoctorRow = z.output<typeof doctorRowSchema>;

export const HOSPITAL_CSV_COLUMNS = [
  'name',
  'short_name',
  'grade',
  'district',
  'address',
  'lat',
  'lng',
  'coord_system',
  'coord_source',
  'phone',
  'departments',
  'source',
] as const;

const CAMEL: Record<string, string> = {
  shortName: 'short_name',
  coordSystem: 'coord_system',
  coordSource: 'coord_source',
};

/** Accepts camelCase keys in JSON hospital rows. */
export function normaliseHospitalKeys(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [CAMEL[k] ?? k, v]));
}
