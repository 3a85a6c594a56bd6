import type { DoctorSummary, HospitalSummary } from '../../../contract/catalog';
import type { LocationResult } from '../../platform/location/types';
import { LOCATION_PURPOSE } from '../../platform/location/types';
import { locate } from '../../platform/location';
import { check } from '../../platform/permissions';
import { nearby, recommend } from '../../services/catalog';

/** Enough to choose from at a glance; the full list follows below. */
export const FEED_SIZE = 5;

export interface HospitalEntry {
  hospital: HospitalSummary;
  distanceMeters?: number;
}
export interface DoctorEntry {
  doctor: DoctorSummary;
  distanceMeters?: number;
}

/** The top of the home page: nearby when we have a fix, the default recommendations otherwise (LOC). */
/** Agreed, but location not granted before and not asked yet: the page offers 开启定位. */
export interface LocationOff {
  status: 'off';
}

export interface HomeFeed {
  /**
   * null: location was not asked for, because the user has not agreed to the policy (POL);
   * `off`: agreed, but nobody tapped 开启定位 and no earlier grant exists (issue 11 point 4).
   */
  location: LocationResult | LocationOff | null;
  mode: 'nearby' | 'recommend';
  hospitals: HospitalEntry[];
  doctors: DoctorEntry[];
}

async function loadNearby(lat: number, lng: number) {
  const [h, d] = await Promise.all([
    nearby({ lat, lng, kind: 'hospital', limit: FEED_SIZE }),
    nearby({ lat, lng, kind: 'doctor', limit: FEED_SIZE }),
  ]);
  return {
    hospitals: h.items.flatMap((hit) =>
      hit.kind === 'hospital'
        ? [{ hospital: hit.hospital, distanceMeters: hit.distanceMeters }]
        : [],
    ),
    doctors: d.items.flatMap((hit) =>
      hit.kind === 'doctor' ? [{ doctor: hit.doctor, distanceMeters: hit.distanceMeters }] : [],
    ),
  };
}

async function loadRecommend() {
  const [h, d] = await Promise.all([
    recommend({ kind: 'hospital', limit: FEED_SIZE }),
    recommend({ kind: 'doctor', limit: FEED_SIZE }),
  ]);
  return {
    hospitals: h.items.flatMap((hit) =>
      hit.kind === 'hospital' ? [{ hospital: hit.hospital }] : [],
    ),
    doctors: d.items.flatMap((hit) => (hit.kind === 'doctor' ? [{ doctor: hit.doctor }] : [])),
  };
}

/**
 * Location is personal data (LOC): never before the user agreed to the policy, and then
 * only at the moment of use (issue 11 point 4) — when they tap 开启定位 (`ask`), or
 * silently when the system already holds their earlier grant. In browse-only mode and
 * until then the feed is the default recommendations, with nothing sent about them.
 */
async function whereabouts(
  mayLocate: boolean,
  ask: boolean,
): Promise<LocationResult | LocationOff | null> {
  if (!mayLocate) return null;
  if (ask) return locate(LOCATION_PURPOSE);
  switch (await check('location')) {
    case 'granted':
      return locate(LOCATION_PURPOSE);
    case 'denied':
      return { status: 'denied', reason: '您未允许使用位置信息' };
    case 'unsupported':
      return { status: 'unavailable', reason: '当前环境不支持定位' };
    case 'prompt':
      return { status: 'off' };
  }
}

export async function loadFeed(mayLocate: boolean, ask = false): Promise<HomeFeed> {
  const location = await whereabouts(mayLocate, ask);
  if (location?.status === 'granted') {
    const near = await loadNearby(location.lat, location.lng);
    // Outside the covered area nothing is near: recommendations beat an empty page.
    if (near.hospitals.length + near.doctors.length > 0) {
      return { location, mode: 'nearby', ...near };
    }
  }
  return { location, mode: 'recommend', ...(await loadRecommend()) };
}

/** The line explaining why the user sees recommendations rather than nearby results. */
export function feedNotice(feed: HomeFeed): string | null {
  if (feed.mode === 'nearby') return null;
  if (!feed.location) return '未同意隐私政策，为您展示默认推荐';
  switch (feed.location.status) {
    case 'off':
      return '为您展示默认推荐，开启定位可查看附近的医院和医生';
    case 'granted':
      return '您附近暂无收录的医院和医生，为您展示默认推荐';
    case 'denied':
      return '未开启定位，为您展示默认推荐';
    case 'unavailable':
      return `无法获取您的位置（${feed.location.reason}），为您展示默认推荐`;
    case 'error':
      return `定位失败（${feed.location.reason}），为您展示默认推荐`;
  }
}
