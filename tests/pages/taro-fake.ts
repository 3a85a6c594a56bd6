/**
 * The platform edge for page tests: a stand-in for `@tarojs/taro` (installed by
 * setup.ts). Pages run for real; only what WeChat/the Taro runtime would provide is
 * faked — page lifecycle hooks a test can fire, the router params, and the native APIs
 * recorded as jest mocks. The back end is reached through a fake transport, not here.
 */
import { useEffect, useRef } from 'react';

type Handler = (...args: unknown[]) => unknown;
const lifecycle = new Map<string, Set<{ current: Handler }>>();
let routerParams: Record<string, string> = {};

function hook(name: string) {
  return function useLifecycle(fn: Handler): void {
    const ref = useRef(fn);
    ref.current = fn;
    useEffect(() => {
      const set = lifecycle.get(name) ?? new Set();
      lifecycle.set(name, set);
      set.add(ref);
      return () => {
        set.delete(ref);
      };
    }, []);
  };
}

/** Fires a page lifecycle (onReachBottom, onPullDownRefresh…) like the runtime would. */
export async function fire(name: string, ...args: unknown[]): Promise<unknown[]> {
  const handlers = [...(lifecycle.get(name) ?? [])];
  return Promise.all(handlers.map((h) => h.current(...args)));
}

export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

const resolved = (value: unknown = {}) => jest.fn(() => Promise.resolve(value));

function createTaro() {
  return {
    useLaunch: hook('onLaunch'),
    useLoad: hook('onLoad'),
    useDidShow: hook('componentDidShow'),
    useReachBottom: hook('onReachBottom'),
    usePullDownRefresh: hook('onPullDownRefresh'),
    useShareAppMessage: hook('onShareAppMessage'),
    useShareTimeline: hook('onShareTimeline'),
    useRouter: () => ({ params: routerParams, path: '' }),
    navigateTo: resolved(),
    redirectTo: resolved(),
    switchTab: resolved(),
    navigateBack: resolved(),
    showToast: resolved(),
    showModal: resolved({ confirm: true, cancel: false }),
    stopPullDownRefresh: jest.fn(),
    setNavigationBarTitle: resolved(),
    makePhoneCall: resolved(),
    openLocation: resolved(),
    setClipboardData: resolved(),
    getSetting: resolved({ authSetting: {} }),
    authorize: resolved(),
    openSetting: resolved({ authSetting: {} }),
    getLocation: resolved(),
    cloud: { init: jest.fn(), callFunction: resolved() },
  };
}

export type FakeTaro = ReturnType<typeof createTaro>;

export const taro: FakeTaro = createTaro();

/** Fresh mocks and no leftover lifecycle handlers or params between tests. */
export function resetTaro(): void {
  Object.assign(taro, createTaro());
  lifecycle.clear();
  routerParams = {};
}
