import { CALL_END_LABELS, type CallEndReason } from '../../../contract/call/items';

/** 125 → "02:05" (the call timer). */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** 125 → "2分5秒" (a call in the timeline). */
export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m}分${s}秒` : `${s}秒`;
}

type Side = 'patient' | 'doctor' | 'system';
const WHO: Record<Side, string> = { patient: '患者', doctor: '医生', system: '系统' };

/**
 * How a call ended, from the viewer's side: the other side's hang-up is 对方已挂断, my own is
 * 通话已结束; the rest say why (未接通, 对方已拒绝, the time limit, the consult ended).
 */
export function endLabel(
  reason: CallEndReason | null,
  endedBy: Side | null,
  viewer: 'patient' | 'doctor',
): string {
  if (!reason) return '通话已结束';
  if (reason === 'hangup') return endedBy && endedBy !== viewer ? '对方已挂断' : '通话已结束';
  if (reason === 'declined' && endedBy === viewer) return '已拒绝';
  return CALL_END_LABELS[reason];
}

/** One line of the consult's call timeline: metadata only (CALL records nothing else). */
export function recordLine(r: {
  durationSeconds: number;
  endedBy: Side;
  endReason: CallEndReason;
}): string {
  if (r.endReason === 'hangup' || r.endReason === 'time_limit') {
    return `视频通话 ${formatDuration(r.durationSeconds)} · ${WHO[r.endedBy]}结束`;
  }
  return `视频通话 · ${CALL_END_LABELS[r.endReason]}`;
}
