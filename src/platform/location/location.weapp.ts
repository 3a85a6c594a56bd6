import Taro from '@tarojs/taro';
import type { LocationResult } from './types';
import { ensure } from '../permissions';

function errMsg(error: unknown): string {
  if (error && typeof error === 'object' && 'errMsg' in error) return String(error.errMsg);
  return String(error);
}

/** WeChat: permission first (never re-prompting a "no"), then a WGS-84 fix. */
export async function locate(purpose: string): Promise<LocationResult> {
  const permission = await ensure('location', purpose);
  if (permission.status !== 'granted') return permission;
  try {
    const res = await Taro.getLocation({ type: 'wgs84' });
    return { status: 'granted', lat: res.latitude, lng: res.longitude };
  } catch (error) {
    const msg = errMsg(error);
    if (/auth den|authorize/i.test(msg)) {
      return { status: 'denied', reason: '您未允许使用位置信息' };
    }
    // System-level location off, or WeChat itself lacks the OS permission.
    if (/system permission|LOCATIONSWITCHOFF|NOCELL/i.test(msg)) {
      return { status: 'unavailable', reason: '手机定位服务未开启' };
    }
    return { status: 'error', reason: '定位失败' };
  }
}
