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

/** What Taro's storage holds (the consent record lives here); cleared between tests. */
export const storage = new Map<string, unknown>();

/** A callback-style WeChat API (chooseMedia, getPrivacySetting…): answers through success/fail. */
type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void };
function callback(answer: { ok: unknown } | { fail: unknown } = { ok: {} }) {
  const fn = jest.fn((options: Callbacks & Record<string, unknown>) => {
    const result = fn.answer;
    setTimeout(() => {
      if ('ok' in result) options.success?.(result.ok);
      else options.fail?.(result.fail);
    }, 0);
  }) as jest.Mock & { answer: { ok: unknown } | { fail: unknown } };
  fn.answer = answer;
  return fn;
}

function createTaro() {
  return {
    useLaunch: hook('onLaunch'),
    useLoad: hook('onLoad'),
    useDidShow: hook('componentDidShow'),
    useDidHide: hook('componentDidHide'),
    useUnload: hook('onUnload'),
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
    previewImage: resolved(),
    // The user picks the first entry (拍照) unless a test says otherwise.
    showActionSheet: resolved({ tapIndex: 0 }),
    // The page stack, as a test sets it up (finishLogin looks at the page below 登录).
    getCurrentPages: jest.fn((): Array<{ route: string }> => []),
    stopPullDownRefresh: jest.fn(),
    setNavigationBarTitle: resolved(),
    makePhoneCall: resolved(),
    openLocation: resolved(),
    setClipboardData: resolved(),
    getSetting: resolved({ authSetting: {} }),
    authorize: resolved(),
    openSetting: resolved({ authSetting: {} }),
    getLocation: resolved(),
    getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
    setStorageSync: jest.fn((key: string, value: unknown) => {
      storage.set(key, JSON.parse(JSON.stringify(value)));
    }),
    removeStorageSync: jest.fn((key: string) => storage.delete(key)),
    chooseMedia: callback({ fail: { errMsg: 'chooseMedia:fail cancel' } }),
    saveImageToPhotosAlbum: callback({ ok: { errMsg: 'saveImageToPhotosAlbum:ok' } }),
    getPrivacySetting: callback({ ok: { needAuthorization: false, privacyContractName: '' } }),
    openPrivacyContract: callback({ ok: {} }),
    onNeedPrivacyAuthorization: jest.fn(),
    getDeviceInfo: jest.fn(() => ({
      brand: 'Apple',
      model: 'iPhone 14',
      system: 'iOS 17.1',
      platform: 'ios',
    })),
    getWindowInfo: jest.fn(() => ({ screenWidth: 390, screenHeight: 844, pixelRatio: 3 })),
    getAppBaseInfo: jest.fn(() => ({ version: '8.0.40', SDKVersion: '3.3.0' })),
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
  storage.clear();
}
