import { createTelemetryAnalytics } from './analytics-telemetry';
import type { AnalyticsPort } from './analytics-types';

/** Browser / local server: events go to our own telemetry function. */
export function createAnalytics(): AnalyticsPort {
  return createTelemetryAnalytics();
}
