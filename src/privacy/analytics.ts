import { useDidShow } from '@tarojs/taro';
import { createAnalytics } from '../platform/analytics';
import type { AnalyticsPort, EventProps } from '../platform/analytics/types';
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

export function track(name: string, props?: EventProps): void {
  watchConsent();
  if (!hasConsent('analytics')) return;
  port ??= createAnalytics();
  port.track({ name, at: new Date().toISOString(), ...(props ? { props } : {}) });
}

/** A page view each time the page shows, named by the page only. */
export function usePageView(page: string): void {
  useDidShow(() => track('page_view', { page }));
}
