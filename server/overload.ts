import underPressure, { type FastifyUnderPressureOptions } from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Envelope } from '../contract/envelope';

/**
 * Overload (issue 15): under 200 connections a request once waited 9.97 s behind the
 * queue. Past this event-loop delay every new request is refused at once — 503
 * RATE_LIMITED with Retry-After — so a patient is told to retry instead of waiting; the
 * delay is sampled often, so the server serves again as soon as it has caught up.
 */
export const DEFAULT_MAX_EVENT_LOOP_DELAY_MS = 200;
const SAMPLE_INTERVAL_MS = 50;
const RETRY_AFTER_SECONDS = 1;

type PressureHandler = NonNullable<FastifyUnderPressureOptions['pressureHandler']>;

/**
 * The envelope is returned, not sent: under-pressure then sends it and stops the request
 * there (handlePressure in its index.js sends any non-null result; its types say void).
 * Sending it here and returning nothing lets the request go on to its route after the 503
 * is out — the handler still runs, and a static file then writes headers to a finished
 * response and crashes the process.
 */
function shed(_request: FastifyRequest, reply: FastifyReply): Envelope<unknown> {
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
}

export async function registerLoadShedding(
  app: FastifyInstance,
  maxEventLoopDelayMs = DEFAULT_MAX_EVENT_LOOP_DELAY_MS,
): Promise<void> {
  await app.register(underPressure, {
    maxEventLoopDelay: maxEventLoopDelayMs,
    sampleInterval: SAMPLE_INTERVAL_MS,
    retryAfter: RETRY_AFTER_SECONDS,
    pressureHandler: shed as unknown as PressureHandler,
  });
}
