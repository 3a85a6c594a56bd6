/**
 * The wire's response envelope and error codes, shared by every side.
 * See docs/ARCHITECTURE.md "The wire": every response is `{ ok: true, data }` or
 * `{ ok: false, error: { code, message, details? } }` — never a thrown string.
 */
export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'FAILED_PRECONDITION',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status the local server answers with for each code. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  FAILED_PRECONDITION: 412,
  INTERNAL: 500,
};

/** One problem with the input, located by its dotted path (`data.lat`, `data.items.2.name`). */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface ErrorDetails {
  /** INVALID_ARGUMENT: every field that failed, by path. */
  issues?: FieldIssue[];
  /** RATE_LIMITED: seconds until the caller may try again. */
  retryAfterSeconds?: number;
  [key: string]: unknown;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
