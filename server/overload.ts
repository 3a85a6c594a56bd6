import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import { sendEnvelope } from './api';

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
    pressureHandler: (_request, reply) => {
      sendEnvelope(
        reply,
        {
          ok: false,
          error: {
            code: 'RATE_LIMITED',
            message: '服务繁忙，请稍后重试',
            details: { retryAfterSeconds: RETRY_AFTER_SECONDS },
          },
        },
        503,
      );
    },
  });
}
