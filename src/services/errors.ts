import type { ErrorCode, ErrorDetails } from '../../contract/envelope';

/** Why a call failed before any envelope arrived (details.transport). */
export type TransportFailure = 'network' | 'bad-response' | 'unconfigured';

/** The one error type pages see from src/services: an envelope error or a transport failure. */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    // Keeps `instanceof` working when the class is compiled down to ES5 for the weapp.
    Object.setPrototypeOf(this, ServiceError.prototype);
    this.name = 'ServiceError';
    this.code = code;
    this.details = details;
  }
}

export function transportError(kind: TransportFailure, note: string): ServiceError {
  const message = kind === 'network' ? '网络异常，请检查网络后重试' : '服务暂时不可用，请稍后重试';
  return new ServiceError('INTERNAL', message, { transport: kind, note });
}

/** Normalises anything a promise rejected with, so UI code handles one shape. */
export function toServiceError(error: unknown): ServiceError {
  if (error instanceof ServiceError) return error;
  const note = error instanceof Error ? error.message : String(error);
  return new ServiceError('INTERNAL', '出了点问题，请稍后重试', { note });
}
