import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Overload (issue 15): under 200 connections a request once waited 9.97 s behind the
 * queue. Past this event-loop delay every new request is refused at once — 503
 * RATE_LIMITED with Retry-After — so a patient is told to retry instead of waiting; the
 * delay is sampled often, so the server serves again as soon as it has caught up.
 */
export const DEFAULT_MAX_EVENT_LOOP_DELAY_MS = 200;
const SAMPLE_INTERVAL_MS = 50;
const RETRY_AFTER_SECONDS = 1;

export async function registerLoadShedding(
  app: FastifyInstance,
  maxEventLoopDelayMs = DEFAULT_MAX_EVENT_LOOP_DELAY_MS,
): Promise<void> {
  await app.register(underPressure, {
    maxEventLoopDelay: maxEventLoopDelayMs,
    sampleInterval: SAMPLE_INTERVAL_MS,
    retryAfter: RETRY_AFTER_SECONDS,
    // Returned, not sent: under-pressure then sends it and ends the request there. A handler
    // that sends and returns nothing lets the request go on (a static file's headers after the
    // 503 crashed the server with ERR_HTTP_HEADERS_SENT).
    // (Its types say void; its code sends a non-null return value: index.js handlePressure.)
    pressureHandler: ((_request: unknown, reply: FastifyReply) => {
      reply
        .code(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .type('application/json; charset=utf-8');
      return {
        ok: false,
        error: {
          code: 'RATE_LIMITED',
          message: '服务繁忙，请稍后重试',
          details: { retryAfterSeconds: RETRY_AFTER_SECONDS },
        },
      };
    }) as unknown as () => void,
  });
}
