/**
 * Runs the BUILT weapp (dist/) in jsdom with miniprogram-simulate and WeChat's own
 * template compiler (docs/TOOLCHAIN.md). `wx` is ours to stub; App/Page/getApp/
 * getCurrentPages are shimmed so a Taro page becomes a component simulate can render.
 * A page can be loaded once per test file (webpack's module cache), so keep one
 * scenario per file.
 */
import fs from 'node:fs';
import path from 'node:path';

export const DIST = path.resolve(__dirname, '../../dist');

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void };
type Fn = (...args: never[]) => unknown;
type Simulate = typeof import('miniprogram-simulate');

/** A WeChat async API: callback style (what Taro's promisified wrapper calls). */
export function wxAsync(
  answer: (options: Record<string, unknown>) => { ok: unknown } | { fail: unknown },
) {
  return jest.fn((options: Record<string, unknown> & Callbacks) => {
    const result = answer(options);
    setTimeout(() => {
      if ('ok' in result) options.success?.(result.ok);
      else options.fail?.(result.fail);
    }, 0);
  });
}

export interface PageHandle {
  /** The page component instance: Taro's page config methods live on it (onReachBottom…). */
  instance: Record<string, Fn> & { data: Record<string, unknown> };
  text: () => string;
  /** The rendered page's root element, to look for what text alone does not show. */
  dom: () => HTMLElement;
  /** Taps the first (or the `index`th) element matching a class selector, as a finger would. */
  tap: (selector: string, index?: number) => void;
  /** Taps the first element matching a class selector whose text is exactly `text`. */
  tapText: (selector: string, text: string) => void;
  /** Fires a component event WeChat itself would fire (getphonenumber, chooseavatar…). */
  dispatch: (
    selector: string,
    event: string,
    detail: Record<string, unknown>,
    index?: number,
  ) => void;
  /** Polls until the rendered page contains every string (rendering is async). */
  waitForText: (...needles: string[]) => Promise<void>;
  /** The JSON size of each setData payload so far: what crosses to WeChat's render layer. */
  setDataBytes: () => number[];
}

/**
 * Retries an expectation until it holds (or 5 s pass, then its failure is thrown): a wait
 * for the condition itself, never for a fixed time.
 */
export async function waitFor(expectation: () => void, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      expectation();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

function requireDist(): void {
  if (!fs.existsSync(path.join(DIST, 'app.js'))) {
    throw new Error(
      `dist/ is missing (${DIST}/app.js not found): run \`npm run build:weapp\` first — \`npm test\` builds it for you.`,
    );
  }
}

/** Installs `wx`, boots dist/app.js (onLaunch) and renders one page. */
export async function loadPage(
  pagePath: string,
  wx: Record<string, unknown>,
  query: Record<string, string> = {},
): Promise<PageHandle> {
  requireDist();
  const g = globalThis as unknown as Record<string, unknown>;
  g.wx = wx;
  // simulate merges its own wx mock under ours when it is first required.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as Simulate;

  let app: Record<string, Fn> = {};
  // The page stack, as getCurrentPages() reports it: one page per test file.
  const stack: PageHandle['instance'][] = [];
  const setDataBytes: number[] = [];
  g.App = (config: Record<string, Fn>) => {
    app = config;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => [...stack];
  g.Page = (config: Record<string, unknown>) => {
    const { data, ...rest } = config;
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(rest)) {
      if (typeof value === 'function') methods[key] = value;
    }
    (g.Component as (options: unknown) => void)({
      data,
      methods,
      lifetimes: {
        attached(this: PageHandle['instance']) {
          stack.push(this);
          Object.assign(this, { route: pagePath, __route__: pagePath });
          // Counted before the page's first render: WeChat serialises each payload as JSON.
          const setData = this.setData.bind(this);
          this.setData = (data: unknown, callback?: unknown) => {
            setDataBytes.push(Buffer.byteLength(JSON.stringify(data)));
            return setData(data as never, callback as never);
          };
          this.onLoad(query as never);
          this.onShow();
        },
        ready(this: PageHandle['instance']) {
          this.onReady();
        },
      },
    });
  };

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(DIST, 'app.js'));
  app.onLaunch?.call(app, { path: pagePath, query, scene: 1001 } as never);

  const id = simulate.load(path.join(DIST, pagePath), { rootPath: DIST });
  const comp = simulate.render(id);
  const parent = document.createElement('parent-wrapper');
  comp.attach(parent);
  const instance = stack[0];
  if (!instance) throw new Error(`page ${pagePath} did not attach`);

  const text = () => (comp.dom as HTMLElement).textContent ?? '';
  const waitForText = async (...needles: string[]) => {
    const deadline = Date.now() + 5000;
    while (!needles.every((n) => text().includes(n))) {
      if (Date.now() > deadline) {
        throw new Error(`page never showed ${JSON.stringify(needles)}; it shows: ${text()}`);
      }
      await simulate.sleep(20);
    }
  };
  const find = (selector: string, index = 0) => {
    const el = comp.querySelectorAll(selector)[index];
    if (!el) throw new Error(`nothing matches ${selector}; the page shows: ${text()}`);
    return el;
  };
  const tap = (selector: string, index = 0) => find(selector, index).dispatchEvent('tap');
  const tapText = (selector: string, wanted: string) => {
    const hit = comp
      .querySelectorAll(selector)
      .find(
        (el) => ((el as unknown as { dom: HTMLElement }).dom.textContent ?? '').trim() === wanted,
      );
    if (!hit) throw new Error(`no ${selector} reads ${wanted}; the page shows: ${text()}`);
    hit.dispatchEvent('tap');
  };
  const dispatch = (selector: string, event: string, detail: Record<string, unknown>, index = 0) =>
    find(selector, index).dispatchEvent(event, { detail });
  return {
    instance,
    text,
    dom: () => comp.dom as HTMLElement,
    waitForText,
    tap,
    tapText,
    dispatch,
    setDataBytes: () => [...setDataBytes],
  };
}

/** The consent record key and format the app keeps in storage (src/privacy/record.ts). */
export const CONSENT_KEY = 'zhuyi.privacy.consent';

/**
 * wx storage backed by a Map, optionally holding a consent decision for `policyVersion`
 * (POL): a returning user who agreed or declined, or none at all (first launch).
 */
export function wxStorage(
  consent: { decision: 'agreed' | 'declined'; policyVersion: string } | null,
): { store: Map<string, unknown>; apis: Record<string, jest.Mock> } {
  const store = new Map<string, unknown>();
  if (consent) {
    store.set(CONSENT_KEY, {
      ...consent,
      at: '2024-05-01T08:00:00.000Z',
      items: { device: false, analytics: false, thirdParty: { trtc: false } },
      synced: true,
    });
  }
  return {
    store,
    apis: {
      getStorageSync: jest.fn((key: string) => (store.has(key) ? store.get(key) : '')),
      setStorageSync: jest.fn((key: string, value: unknown) => {
        store.set(key, JSON.parse(JSON.stringify(value)));
      }),
      removeStorageSync: jest.fn((key: string) => store.delete(key)),
    },
  };
}
