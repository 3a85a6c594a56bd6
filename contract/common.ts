import * as z from './zod';

/** Largest page any list action returns. */
export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 20;

export const pageFields = {
  page: z.number().int().min(1).max(10_000).optional(),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
};

/** A stored id: short, URL-safe, never a path or a query operator. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, '只能包含字母、数字、下划线和连字符');

/** WGS-84 latitude/longitude, as wx.getLocation({ type: 'wgs84' }) returns them. */
export const latSchema = z.number().min(-90).max(90);
export const lngSchema = z.number().min(-180).max(180);

export const latLngSchema = z.object({ lat: latSchema, lng: lngSchema }).strict();
export type LatLng = z.infer<typeof latLngSchema>;

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    hasMore: z.boolean(),
  });
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  hasMore: boolean;
}
