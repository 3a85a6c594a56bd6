import { track as sendToServer } from '../../services/telemetry';
import type { AnalyticsEvent, AnalyticsPort } from './types';

export interface TelemetryOptions {
  send?: typeof sendToServer;
  /** How long events wait for company before a batch goes out. */
  delayMs?: number;
  /** A batch this large goes out at once (the action accepts up to 50). */
  maxBatch?: number;
}

/**
 * The local/H5 adapter (USE: our own server, nowhere else): events are batched to the
 * telemetry function. A refused or failed batch is dropped — statistics are not worth
 * retrying, and the server refuses them anyway once consent is gone.
 */
export function createTelemetryAnalytics(options: TelemetryOptions = {}): AnalyticsPort {
  const { send = sendToServer, delayMs = 5000, maxBatch = 20 } = options;
  let buffer: AnalyticsEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopped || buffer.length === 0) return;
    const events = buffer.splice(0, 50);
    void send({ events }).catch(() => undefined);
  };

  return {
    track(event) {
      if (stopped) return;
      buffer.push(event);
      if (buffer.length >= maxBatch) flush();
      else if (!timer) timer = setTimeout(flush, delayMs);
    },
    stop() {
      stopped = true;
      buffer = [];
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
