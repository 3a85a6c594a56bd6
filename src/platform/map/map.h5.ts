import Taro from '@tarojs/taro';
import type { Place } from './types';

/**
 * Browser: no built-in map to open without sending the user to a third-party site
 * (USE), so copy the address for their own map app.
 */
export async function openMap(place: Place): Promise<void> {
  try {
    await Taro.setClipboardData({ data: `${place.name} ${place.address}` });
    await Taro.showToast({ title: '地址已复制', icon: 'none' });
  } catch {
    await Taro.showToast({ title: place.address, icon: 'none' });
  }
}
