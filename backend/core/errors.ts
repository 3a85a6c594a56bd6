import type { ErrorCode, ErrorDetails } from '../../contract/envelope';

/** The only error a handler throws on purpose; dispatch turns it into the envelope. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string) => new ApiError('NOT_FOUND', `${what}不存在`);
export const invalid = (path: string, message: string) =>
  new ApiError('INVALID_ARGUMENT', `${path}: ${message}`, { issues: [{ path, message }] });
