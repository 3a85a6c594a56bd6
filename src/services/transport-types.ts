/**
 * One platform's way to reach a cloud function. It resolves with the raw response
 * body (expected to be an envelope; client.ts checks) and rejects only with a
 * ServiceError for failures where no body arrived.
 */
export type Transport = (fn: string, action: string, data: unknown) => Promise<unknown>;
