import { PATIENT_ERROR_REASONS, type PatientErrorReason } from '../../contract/patients/items';
import type { ErrorCode, ErrorDetails } from '../../contract/envelope';
import { ApiError } from '../core/errors';

/** An ApiError carrying `details.reason` (contract/patients/items.ts) with its message. */
export function patientError(
  code: ErrorCode,
  reason: PatientErrorReason,
  details: ErrorDetails = {},
): ApiError {
  return new ApiError(code, PATIENT_ERROR_REASONS[reason], { reason, ...details });
}

/** INVALID_ARGUMENT on one field with a reason. */
export function patientFieldError(path: string, reason: PatientErrorReason): ApiError {
  const message = PATIENT_ERROR_REASONS[reason];
  return new ApiError('INVALID_ARGUMENT', `${path}: ${message}`, {
    issues: [{ path, message }],
    reason,
  });
}

export const patientNotFound = () => new ApiError('NOT_FOUND', '就诊人不存在');
