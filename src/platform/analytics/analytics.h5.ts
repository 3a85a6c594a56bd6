import { createTelemetryAnalytics } from './telemetry';
import type { AnalyticsPort } from './types';

/** Browser / local server: events go to our own telemetry function. */
export function createAnalytics(): AnalyticsPort {
  return createTelemetryAnalytics();
}
