import type { FastifyInstance } from 'fastify';
import type { Envelope } from '../contract/envelope';
import { isApiPath } from './api';

/**
 * Overload (issue 15): under 200 connections a request once waited 9.97 s behind the
 * queue. Past this event-loop lag every new API request is refused at once — 503
 * RATE_LIMITED with Retry-After — so a patient is told to retry instead of waiting; the
 * lag is sampled often, so the server serves again as soon as it has caught up.
 */
export const DEFAULT_MAX_EVENT_LOOP_DELAY_MS = 200;
const SAMPLE_INTERVAL_MS = 50;
const RETRY_AFTER_SECONDS = 1;

/**
 * How far the event loop is behind, from a timer's own lateness. Not
 * @fastify/under-pressure: it reads the mean of perf_hooks' delay histogram over each
 * 50 ms window and counts a window without a sample as Infinity (its issue #125) — on 2
 * busy cores such windows happen on an idle server, and it shed every request, static
 * files included, for seconds at a time (seen in the e2e journeys).
 */
export class LoopLag {
  private last = performance.now();
  private lag = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly intervalMs = SAMPLE_INTERVAL_MS) {
    this.timer = setInterval(() => {
      const now = performance.now();
      this.lag = Math.max(0, now - this.last - intervalMs);
      this.last = now;
    }, intervalMs);
    this.timer.unref();
  }

  /** The last tick's lateness, or the running one's if it is overdue by more (a stall now). */
  current(): number {
    const overdue = performance.now() - this.last - this.intervalMs;
    return Math.max(this.lag, overdue);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

const SHED: Envelope<unknown> = {
  ok: false,
  error: {
    code: 'RATE_LIMITED',
    message: '服务繁忙，请稍后重试',
    details: { retryAfterSeconds: RETRY_AFTER_SECONDS },
  },
};

/**
 * Sheds API requests only: the built site's files are precompressed and cheap, and a page
 * whose script was refused is a blank page the patient cannot retry from, while a refused
 * API call shows 服务繁忙 with a retry.
 */
export function registerLoadShedding(
  app: FastifyInstance,
  maxEventLoopDelayMs = DEFAULT_MAX_EVENT_LOOP_DELAY_MS,
): void {
  const lag = new LoopLag();
  app.addHook('onClose', async () => lag.stop());
  app.addHook('onRequest', async (request, reply) => {
    if (!isApiPath(request.url) || lag.current() <= maxEventLoopDelayMs) return;
    request.log.warn({ lagMs: Math.round(lag.current()) }, 'shedding load');
    return reply
      .code(503)
      .header('retry-after', String(RETRY_AFTER_SECONDS))
      .type('application/json; charset=utf-8')
      .send(SHED);
  });
}
