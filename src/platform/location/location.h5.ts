import type { LocationResult } from './types';
import { ensure } from '../permissions';

const FIX_TIMEOUT_MS = 8000;
/** A prompt the user ignores pauses the browser's own timeout; never wait longer than this. */
const HARD_TIMEOUT_MS = 10_000;

function fromPositionError(error: GeolocationPositionError): LocationResult {
  if (error.code === error.PERMISSION_DENIED) {
    return { status: 'denied', reason: '您未允许使用位置信息' };
  }
  if (error.code === error.POSITION_UNAVAILABLE) {
    return { status: 'unavailable', reason: '暂时无法获取位置' };
  }
  return { status: 'error', reason: '定位超时' };
}

/** Browser: navigator.geolocation, whose coordinates are WGS-84 like stored ones. */
export async function locate(purpose: string): Promise<LocationResult> {
  const permission = await ensure('location', purpose);
  if (permission.status !== 'granted') return permission;
  return new Promise<LocationResult>((resolve) => {
    const timer = setTimeout(
      () => resolve({ status: 'error', reason: '定位超时' }),
      HARD_TIMEOUT_MS,
    );
    navigator.geolocation.getCurrentPosition(
      (position) => {
        clearTimeout(timer);
        resolve({
          status: 'granted',
          lat: position.coords.latitude,
          lng: position.coords.longitude,
        });
      },
      (error) => {
        clearTimeout(timer);
        resolve(fromPositionError(error));
      },
      { enableHighAccuracy: false, timeout: FIX_TIMEOUT_MS, maximumAge: 5 * 60 * 1000 },
    );
  });
}
