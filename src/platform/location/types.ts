import type { Refusal } from '../permissions/types';

/** A WGS-84 fix, or why there is none (the page then shows default recommendations: LOC). */
export type LocationResult = { status: 'granted'; lat: number; lng: number } | Refusal;

/** Shown wherever we ask: the same purpose app.config declares for scope.userLocation. */
export const LOCATION_PURPOSE = '用于为您推荐附近的医院和医生';
