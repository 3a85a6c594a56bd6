import { ACCOUNT_ERROR_REASONS, type AccountErrorReason } from '../../contract/account';
import type { ErrorCode } from '../../contract/envelope';
import { ApiError } from '../core/errors';

/** INVALID_ARGUMENT on one field with the reason the 注销账号 screen acts on. */
export function accountFieldError(path: string, reason: AccountErrorReason): ApiError {
  const message = ACCOUNT_ERROR_REASONS[reason];
  return new ApiError('INVALID_ARGUMENT', `${path}: ${message}`, {
    issues: [{ path, message }],
    reason,
  });
}

export const accountError = (code: ErrorCode, reason: AccountErrorReason) =>
  new ApiError(code, ACCOUNT_ERROR_REASONS[reason], { reason });
