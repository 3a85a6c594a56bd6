import type { AnalyticsEvent, AnalyticsPort } from './types';

/** What we use of umtrack-wx (its own module has no types). */
export interface Uma {
  init: (options: Record<string, unknown>) => void;
  trackEvent: (name: string, props?: Record<string, unknown>) => void;
  pause?: () => void;
  resume?: () => void;
}

export type LoadUma = () => Promise<Uma>;

/** umtrack-wx is CommonJS: the SDK object is the module itself or its default export. */
export function toUma(mod: unknown): Uma {
  const m = mod as { default?: Uma } & Partial<Uma>;
  return (m.default ?? m) as Uma;
}

let uma: Uma | null = null;

/**
 * The production weapp adapter (SDK): Umeng's mini-program SDK, loaded and initialised on
 * the first event after the 统计分析 consent — never at launch — with no openid, no user
 * info and no login. Events that arrive while it loads wait; stop() drops them.
 */
export function createUmengAnalytics(appKey: string, load: LoadUma): AnalyticsPort {
  let stopped = false;
  let waiting: AnalyticsEvent[] = [];
  let ready: Promise<void> | null = null;

  const forward = (e: AnalyticsEvent) => uma?.trackEvent(e.name, e.props);

  const start = () =>
    load().then((sdk) => {
      if (stopped) return;
      if (uma === sdk) sdk.resume?.();
      else {
        sdk.init({
          appKey,
          useOpenid: false,
          autoGetOpenid: false,
          uploadUserInfo: false,
          debug: false,
        });
        uma = sdk;
      }
      waiting.splice(0).forEach(forward);
    });

  return {
    track(event) {
      if (stopped) return;
      if (uma && ready) {
        forward(event);
        return;
      }
      waiting.push(event);
      ready ??= start().catch(() => {
        waiting = [];
      });
    },
    stop() {
      stopped = true;
      waiting = [];
      uma?.pause?.();
    },
  };
}
