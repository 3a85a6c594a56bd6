import { RECORD_ERROR_REASONS, type RecordErrorReason } from '../../contract/records/items';
import type { ErrorCode, ErrorDetails } from '../../contract/envelope';
import { ApiError } from '../core/errors';

/** An ApiError carrying `details.reason` (contract/records/items.ts) with its message. */
export function recordError(
  code: ErrorCode,
  reason: RecordErrorReason,
  details: ErrorDetails = {},
): ApiError {
  return new ApiError(code, RECORD_ERROR_REASONS[reason], { reason, ...details });
}

/** INVALID_ARGUMENT on one field with a reason. */
export function recordFieldError(path: string, reason: RecordErrorReason): ApiError {
  const message = RECORD_ERROR_REASONS[reason];
  return new ApiError('INVALID_ARGUMENT', `${path}: ${message}`, {
    issues: [{ path, message }],
    reason,
  });
}

export const recordNotFound = () => new ApiError('NOT_FOUND', '病历不存在');
