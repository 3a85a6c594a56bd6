import Taro from '@tarojs/taro';
import { wgs84ToGcj02 } from '../../utils/geo';
import type { Place } from './types';

/** WeChat's map (and its 导航 button) works in GCJ-02; stored coordinates are WGS-84. */
export async function openMap(place: Place): Promise<void> {
  const { lat, lng } = wgs84ToGcj02(place.lat, place.lng);
  try {
    await Taro.openLocation({
      latitude: lat,
      longitude: lng,
      name: place.name,
      address: place.address,
      scale: 16,
    });
  } catch {
    // The user closing the map also lands here; nothing to tell them.
  }
}
