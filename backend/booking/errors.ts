import { BOOKING_ERROR_REASONS, type BookingErrorReason } from '../../contract/booking/items';
import type { ErrorCode, ErrorDetails } from '../../contract/envelope';
import { ApiError } from '../core/errors';

/** An ApiError carrying `details.reason` (contract/booking/items.ts) with its standard message. */
export function bookingError(
  code: ErrorCode,
  reason: BookingErrorReason,
  details: ErrorDetails = {},
): ApiError {
  return new ApiError(code, BOOKING_ERROR_REASONS[reason], { reason, ...details });
}

export const appointmentNotFound = () => new ApiError('NOT_FOUND', '预约不存在');
