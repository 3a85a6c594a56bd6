import { RATE_LIMITS, USER_ERROR_REASONS } from '../../contract/user/items';
import type { ServiceError } from '../services/errors';

/**
 * What the user reads when an account action fails (REG, DEV, IDV): the server's reason
 * codes (contract/user/items.ts) turned into a sentence that says what to do next.
 */

/** "45 秒后", "3 分钟后", "明天 00:00 后": when a rate-limited action may be tried again. */
export function retryAfterText(seconds: number, now: Date = new Date()): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `${s} 秒后`;
  if (s < 3600) return `${Math.ceil(s / 60)} 分钟后`;
  const at = new Date(now.getTime() + s * 1000);
  const hhmm = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  const sameDay = at.toDateString() === now.toDateString();
  return `${sameDay ? '今天' : '明天'} ${hhmm} 后`;
}

const detail = (error: ServiceError, key: string): unknown => error.details?.[key];

function reasonOf(error: ServiceError): string | undefined {
  const reason = detail(error, 'reason');
  return typeof reason === 'string' ? reason : undefined;
}

/** RATE_LIMITED: which limit, and when to try again. */
function rateLimitText(error: ServiceError): string {
  const limit = detail(error, 'limit');
  const base =
    typeof limit === 'string' && limit in RATE_LIMITS
      ? RATE_LIMITS[limit as keyof typeof RATE_LIMITS]
      : error.message;
  const retry = detail(error, 'retryAfterSeconds');
  return typeof retry === 'number' ? `${base}（${retryAfterText(retry)}可再试）` : base;
}

/** The sentence for any failed account action. */
export function accountErrorText(error: ServiceError): string {
  if (error.code === 'RATE_LIMITED') return rateLimitText(error);
  const reason = reasonOf(error);
  if (reason === 'code_mismatch') {
    const left = detail(error, 'attemptsLeft');
    return typeof left === 'number' && left > 0
      ? `验证码错误，还可尝试 ${left} 次`
      : USER_ERROR_REASONS.code_locked;
  }
  if (reason && reason in USER_ERROR_REASONS) {
    return USER_ERROR_REASONS[reason as keyof typeof USER_ERROR_REASONS];
  }
  // A field the server refused: its own message, without the dotted path.
  const issue = error.details?.issues?.[0];
  if (error.code === 'INVALID_ARGUMENT' && issue?.message) return issue.message;
  return error.message || '操作失败，请稍后重试';
}

/** The code can no longer be used: the user must ask for a new one. */
export function needsNewCode(error: ServiceError): boolean {
  const reason = reasonOf(error);
  if (reason === 'code_expired' || reason === 'code_locked') return true;
  return reason === 'code_mismatch' && detail(error, 'attemptsLeft') === 0;
}

/** Where the user must go before an account action can work. */
export function accountGate(error: ServiceError): 'login' | 'verify-device' | null {
  if (error.code === 'UNAUTHENTICATED') return 'login';
  if (error.code === 'PERMISSION_DENIED' && reasonOf(error) === 'device_unverified') {
    return 'verify-device';
  }
  return null;
}

/**
 * Seconds the 获取验证码 button should count down after a refused send: a short wait (the
 * per-phone cooldown) is counted on the button; a daily limit is only explained.
 */
export function resendWait(error: ServiceError): number {
  const retry = error.details?.retryAfterSeconds;
  return error.code === 'RATE_LIMITED' && typeof retry === 'number' && retry <= 120 ? retry : 0;
}
