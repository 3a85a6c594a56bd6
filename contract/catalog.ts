import * as z from './zod';
import { idSchema, latSchema, lngSchema, pageFields, pageOf } from './common';
import { text } from './text';
import { videoOfferSchema } from './consult/video';
import { HOSPITAL_GRADES, SHANGHAI_DISTRICTS } from './catalog-values';

/** Doctor titles, senior first (the order recommend and search tie-breaks use). */
export const DOCTOR_TITLES = ['主任医师', '副主任医师', '主治医师', '住院医师'] as const;
export type DoctorTitle = (typeof DOCTOR_TITLES)[number];

export { HOSPITAL_GRADES, SHANGHAI_DISTRICTS };

const shortText = (max: number) => text({ label: '筛选条件', max });

export const locationSchema = z.object({
  lat: z.number(),
  lng: z.number(),
  /** Every stored coordinate is WGS-84; convert to GCJ-02 only at the map edge. */
  datum: z.literal('WGS-84'),
});

export const hospitalSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  grade: z.string().nullable(),
  district: z.string(),
  address: z.string(),
  phone: z.string().nullable(),
  location: locationSchema,
  departments: z.array(z.string()),
  doctorCount: z.number().int(),
});
export type HospitalSummary = z.infer<typeof hospitalSummarySchema>;

export const hospitalSchema = hospitalSummarySchema.extend({
  /** Where the row came from (kept from the operator's data, shown on the page). */
  source: z.string().nullable(),
  coordSource: z.string().nullable(),
});
export type Hospital = z.infer<typeof hospitalSchema>;

export const doctorSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.enum(DOCTOR_TITLES),
  department: z.string(),
  hospitalId: z.string(),
  hospitalName: z.string(),
  specialties: z.array(z.string()),
  /** Price of an image-text consultation in fen (分); 0 means free. */
  consultPrice: z.number().int().min(0),
  /** 0–5, one decimal. */
  rating: z.number().min(0).max(5),
  consultCount: z.number().int().min(0),
  /** Generated demo doctors are flagged so the UI can say so. */
  synthetic: z.boolean(),
});
export type DoctorSummary = z.infer<typeof doctorSummarySchema>;

export const doctorSchema = doctorSummarySchema.extend({
  bio: z.string(),
  /** 视频咨询 price and weekly hours; null when not offered or when the operator has video off. */
  video: videoOfferSchema.nullable(),
  hospital: z.object({
    id: z.string(),
    name: z.string(),
    grade: z.string().nullable(),
    district: z.string(),
    address: z.string(),
  }),
});
export type Doctor = z.infer<typeof doctorSchema>;

export const departmentSchema = z.object({
  name: z.string(),
  doctorCount: z.number().int(),
});
export type Department = z.infer<typeof departmentSchema>;

export const searchKinds = ['all', 'hospital', 'doctor'] as const;
export type SearchKind = (typeof searchKinds)[number];

export const searchHitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hospital'), hospital: hospitalSummarySchema }),
  z.object({ kind: z.literal('doctor'), doctor: doctorSummarySchema }),
]);
export type SearchHit = z.infer<typeof searchHitSchema>;

export const nearbyHitSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('hospital'),
    distanceMeters: z.number(),
    hospital: hospitalSummarySchema,
  }),
  z.object({
    kind: z.literal('doctor'),
    distanceMeters: z.number(),
    doctor: doctorSummarySchema,
  }),
]);
export type NearbyHit = z.infer<typeof nearbyHitSchema>;

export const recommendHitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hospital'), hospital: hospitalSummarySchema }),
  z.object({ kind: z.literal('doctor'), doctor: doctorSummarySchema }),
]);
export type RecommendHit = z.infer<typeof recommendHitSchema>;

/**
 * When the search names a symptom (胸痛): which departments to consider, and whether it may
 * be an emergency (then the page shows 急症请拨打120 first). Guidance, not a diagnosis.
 */
export const searchGuidanceSchema = z.object({
  symptom: z.string(),
  departments: z.array(z.string()),
  emergency: z.boolean(),
  /** What the page shows, in the patient's words (the 120 notice when emergency). */
  notice: z.string(),
  /**
   * When the symptom word itself matched nothing: the department whose results are shown
   * instead (the first of `departments`); null when the results are for what was typed.
   */
  resultsFor: z.string().nullable(),
});
export type SearchGuidance = z.infer<typeof searchGuidanceSchema>;

export const suggestionKinds = ['hospital', 'doctor', 'department', 'symptom'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

export const suggestionSchema = z.object({
  kind: z.enum(suggestionKinds),
  /** What to show and, tapped, what to search for. */
  text: z.string(),
  /** The hospital or doctor to open directly; null for departments and symptoms. */
  id: z.string().nullable(),
  /** A second line: the hospital of a doctor, the district of a hospital. */
  detail: z.string().nullable(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const MAX_SUGGESTIONS = 10;

/** How 全部医院 can be ordered; `distance` needs the patient's lat/lng. */
export const hospitalSorts = ['grade', 'distance', 'name'] as const;
export type HospitalSort = (typeof hospitalSorts)[number];
/** How doctor lists can be ordered; `distance` needs the patient's lat/lng. */
export const doctorSorts = ['title', 'rating', 'distance', 'price'] as const;
export type DoctorSort = (typeof doctorSorts)[number];

/** Where the patient is, for `sort: 'distance'` (both or neither). */
const originFields = { lat: latSchema.optional(), lng: lngSchema.optional() };
const originGiven = (v: { lat?: number; lng?: number; sort?: string }) =>
  v.sort !== 'distance' || (v.lat !== undefined && v.lng !== undefined);
const ORIGIN_MESSAGE = { message: '按距离排序需要位置', path: ['sort'] };

/** Search pages stop at 1,000 results: deeper pages are never useful and cost the most. */
export const MAX_SEARCH_PAGE = 20;

export const MAX_NEARBY_RADIUS_METERS = 100_000;
export const DEFAULT_NEARBY_RADIUS_METERS = 50_000;
export const MAX_NEARBY_LIMIT = 50;

/** The catalog function: browsing never requires an account (REG, LOC). */
export const catalogActions = {
  listHospitals: {
    input: z
      .object({
        district: shortText(20).optional(),
        grade: shortText(20).optional(),
        /** Only hospitals with this department (exact name). */
        department: shortText(30).optional(),
        sort: z.enum(hospitalSorts).optional(),
        ...originFields,
        ...pageFields,
      })
      .strict()
      .refine(originGiven, ORIGIN_MESSAGE),
    output: pageOf(hospitalSummarySchema),
  },
  getHospital: {
    input: z.object({ id: idSchema }).strict(),
    output: hospitalSchema.extend({ departmentList: z.array(departmentSchema) }),
  },
  listDoctors: {
    input: z
      .object({
        hospitalId: idSchema.optional(),
        department: shortText(30).optional(),
        title: z.enum(DOCTOR_TITLES).optional(),
        district: z.enum(SHANGHAI_DISTRICTS).optional(),
        sort: z.enum(doctorSorts).optional(),
        ...originFields,
        ...pageFields,
      })
      .strict()
      .refine(originGiven, ORIGIN_MESSAGE),
    output: pageOf(doctorSummarySchema),
  },
  getDoctor: {
    input: z.object({ id: idSchema }).strict(),
    output: doctorSchema,
  },
  listDepartments: {
    input: z.object({ hospitalId: idSchema.optional() }).strict(),
    output: z.object({ items: z.array(departmentSchema) }),
  },
  search: {
    input: z
      .object({
        q: text({
          label: '搜索内容',
          max: 50,
          messages: { empty: '请输入搜索内容' },
        }),
        kind: z.enum(searchKinds).optional(),
        ...pageFields,
        page: z
          .number()
          .int()
          .min(1)
          .max(MAX_SEARCH_PAGE, `最多翻到第 ${MAX_SEARCH_PAGE} 页`)
          .optional(),
      })
      .strict(),
    // guidance: optional so answers from before it existed (and test fakes) still parse.
    output: pageOf(searchHitSchema).extend({
      guidance: searchGuidanceSchema.nullable().optional(),
    }),
  },
  /** As the patient types: hospitals, doctors, departments (心内 → 心血管内科) and symptoms. */
  suggest: {
    input: z
      .object({
        q: text({ label: '搜索内容', max: 50, messages: { empty: '请输入搜索内容' } }),
        limit: z.number().int().min(1).max(MAX_SUGGESTIONS).optional(),
      })
      .strict(),
    output: z.object({ items: z.array(suggestionSchema) }),
  },
  nearby: {
    input: z
      .object({
        lat: latSchema,
        lng: lngSchema,
        kind: z.enum(['hospital', 'doctor']),
        radiusMeters: z.number().int().min(1).max(MAX_NEARBY_RADIUS_METERS).optional(),
        limit: z.number().int().min(1).max(MAX_NEARBY_LIMIT).optional(),
      })
      .strict(),
    output: z.object({ items: z.array(nearbyHitSchema) }),
  },
  recommend: {
    input: z
      .object({
        kind: z.enum(['hospital', 'doctor']),
        limit: z.number().int().min(1).max(MAX_NEARBY_LIMIT).optional(),
      })
      .strict(),
    output: z.object({ items: z.array(recommendHitSchema) }),
  },
} as const;
