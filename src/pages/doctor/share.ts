import type { Doctor } from '../../../contract/catalog';
import { routes } from '../../utils/routes';

/** A shared card opens without login (doctor cards): the link carries only the doctor id. */
export function shareTitle(doctor: Doctor | null): string {
  if (!doctor) return '上海助医 · 医生名片';
  return `${doctor.name} ${doctor.title} · ${doctor.hospital.name}`;
}

export function shareMessage(doctor: Doctor | null, id: string) {
  return { title: shareTitle(doctor), path: routes.doctor(id) };
}

export function shareTimeline(doctor: Doctor | null, id: string) {
  return { title: shareTitle(doctor), query: `id=${encodeURIComponent(id)}` };
}
