import { useDidShow } from '@tarojs/taro';
import { createAnalytics } from '../platform/analytics';
import type {
  AnalyticsEvent,
  AnalyticsEventName,
  AnalyticsProps,
  ANALYTICS_PAGES,
} from '../../contract/telemetry';
import type { AnalyticsPort } from '../platform/analytics/types';
import { hasConsent, subscribe } from './consent';

/**
 * SDK: the app's one door to statistics. Before the 统计分析 consent no adapter exists
 * (no SDK loaded, no request made) and events are simply not recorded; withdrawing stops
 * the adapter at once and drops whatever it had queued. Events carry no personal data:
 * never a query text, a location or an id.
 */
let port: AnalyticsPort | null = null;
let watching = false;

function watchConsent(): void {
  if (watching) return;
  watching = true;
  subscribe(() => {
    if (port && !hasConsent('analytics')) {
      port.stop();
      port = null;
    }
  });
}

/** Only declared events with their typed properties (contract/telemetry, SEC). */
export function track<N extends AnalyticsEventName>(name: N, props: AnalyticsProps<N>): void {
  watchConsent();
  if (!hasConsent('analytics')) return;
  port ??= createAnalytics();
  // The generic pair is one member of the union; TypeScript cannot see that by itself.
  port.track({ name, at: new Date().toISOString(), props } as AnalyticsEvent);
}

/** A page view each time the page shows, named by the page only. */
export function usePageView(page: (typeof ANALYTICS_PAGES)[number]): void {
  useDidShow(() => track('page_view', { page }));
}
