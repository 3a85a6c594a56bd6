import Taro from '@tarojs/taro';
import type { Doctor } from '../../../contract/catalog';
import { routes } from '../../utils/routes';

/** A shared card opens without login (doctor cards): the link carries only the doctor id. */
export function shareTitle(doctor: Doctor | null): string {
  if (!doctor) return '上海助医 · 医生名片';
  return `${doctor.name} ${doctor.title} · ${doctor.hospital.name}`;
}

/** The card image rides along only once drawn; without it WeChat uses a screenshot. */
function withImage<T extends object>(share: T, imageUrl: string | null): T & { imageUrl?: string } {
  return imageUrl ? { ...share, imageUrl } : share;
}

export function shareMessage(doctor: Doctor | null, id: string, imageUrl: string | null = null) {
  return withImage({ title: shareTitle(doctor), path: routes.doctor(id) }, imageUrl);
}

export function shareTimeline(doctor: Doctor | null, id: string, imageUrl: string | null = null) {
  return withImage({ title: shareTitle(doctor), query: `id=${encodeURIComponent(id)}` }, imageUrl);
}

/** H5 has no share sheet: copy the card's address (only the doctor id; no login needed to open it). */
export async function copyLink(id: string): Promise<void> {
  const origin = typeof location !== 'undefined' ? location.origin : '';
  await Taro.setClipboardData({ data: `${origin}${routes.doctor(id)}` });
  void Taro.showToast({ title: '链接已复制', icon: 'none' });
}
