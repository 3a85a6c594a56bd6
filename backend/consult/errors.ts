import {
  CONSULT_ERROR_REASONS,
  type ConsultErrorReason,
  type ConsultStatus,
} from '../../contract/consult/items';
import type { ErrorCode, ErrorDetails } from '../../contract/envelope';
import { ApiError } from '../core/errors';

/** An ApiError carrying `details.reason` (contract/consult/items.ts) with its standard message. */
export function consultError(
  code: ErrorCode,
  reason: ConsultErrorReason,
  details: ErrorDetails = {},
): ApiError {
  return new ApiError(code, CONSULT_ERROR_REASONS[reason], { reason, ...details });
}

/** INVALID_ARGUMENT on one field with a reason. */
export function consultFieldError(path: string, reason: ConsultErrorReason): ApiError {
  const message = CONSULT_ERROR_REASONS[reason];
  return new ApiError('INVALID_ARGUMENT', `${path}: ${message}`, {
    issues: [{ path, message }],
    reason,
  });
}

/** The action does not fit the state the consult is in now. */
export const wrongStatus = (status: ConsultStatus) =>
  consultError('FAILED_PRECONDITION', 'wrong_status', { status });

/** A compare-and-set lost: someone changed the consult between our read and our write. */
export const statusChanged = () => consultError('CONFLICT', 'status_changed');

export const consultNotFound = () => new ApiError('NOT_FOUND', '咨询不存在');
