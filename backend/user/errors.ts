import {
  RATE_LIMITS,
  USER_ERROR_REASONS,
  type RateLimitKind,
  type UserErrorReason,
} from '../../contract/user/items';
import type { ErrorCode, ErrorDetails } from '../../contract/envelope';
import { ApiError } from '../core/errors';

/** An ApiError carrying `details.reason` (contract/user/items.ts) with its standard message. */
export function reasonError(
  code: ErrorCode,
  reason: UserErrorReason,
  details: ErrorDetails = {},
  message: string = USER_ERROR_REASONS[reason],
): ApiError {
  return new ApiError(code, message, { reason, ...details });
}

/** INVALID_ARGUMENT on one field, with a reason the UI can act on. */
export function fieldError(
  path: string,
  reason: UserErrorReason,
  details: ErrorDetails = {},
): ApiError {
  const message = USER_ERROR_REASONS[reason];
  return new ApiError('INVALID_ARGUMENT', `${path}: ${message}`, {
    issues: [{ path, message }],
    reason,
    ...details,
  });
}

export const loginRequired = () => reasonError('UNAUTHENTICATED', 'login_required');

export function rateLimited(limit: RateLimitKind, retryAfterSeconds: number): ApiError {
  return new ApiError('RATE_LIMITED', RATE_LIMITS[limit], {
    limit,
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
  });
}
