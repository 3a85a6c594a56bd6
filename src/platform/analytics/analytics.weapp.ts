import { createTelemetryAnalytics } from './telemetry';
import type { AnalyticsPort } from './types';
import { createUmengAnalytics, toUma } from './umeng';

// Replaced at build time with the UMENG_APP_KEY environment variable (config/index.ts).
declare const UMENG_APP_KEY: string;

/** Umeng when the build has an app key; otherwise our own telemetry function. */
export function createAnalytics(): AnalyticsPort {
  // A build without a key has no Umeng at all: webpack drops this branch and the SDK with it.
  if (UMENG_APP_KEY) {
    // Eager: bundled in the main package (a mini-program loads no chunks at run time), but
    // the SDK module — which patches App/Page when it runs — is evaluated only here.
    return createUmengAnalytics(UMENG_APP_KEY, () =>
      import(/* webpackMode: "eager" */ 'umtrack-wx').then(toUma),
    );
  }
  return createTelemetryAnalytics();
}
