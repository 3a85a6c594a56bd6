import {
  CALL_ERROR_REASONS,
  type CallErrorReason,
  type CallState,
} from '../../contract/call/items';
import type { ErrorCode, ErrorDetails } from '../../contract/envelope';
import { ApiError } from '../core/errors';

/** An ApiError carrying `details.reason` (contract/call/items.ts) with its standard message. */
export function callError(
  code: ErrorCode,
  reason: CallErrorReason,
  details: ErrorDetails = {},
): ApiError {
  return new ApiError(code, CALL_ERROR_REASONS[reason], { reason, ...details });
}

export const wrongCallState = (state: CallState) =>
  callError('FAILED_PRECONDITION', 'wrong_call_state', { state });

export const callNotFound = () => new ApiError('NOT_FOUND', '通话不存在');
