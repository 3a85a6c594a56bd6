import type { Browser, BrowserContext } from 'playwright-core';
import { startApp, type RunningApp } from './app';
import { launchBrowser, PHONE } from './browser';

type ContextOptions = Parameters<Browser['newContext']>[0];

export interface E2E {
  /** The app started by `npm start` for this file (valid inside tests). */
  readonly app: RunningApp;
  /** A phone-sized browser context, closed after the file's tests. */
  newContext(options?: ContextOptions): Promise<BrowserContext>;
}

/**
 * One e2e file's world: `npm start` on a fresh DATA_DIR and one Chromium, started before
 * the file's tests and stopped after them; the app must then exit cleanly (SIGTERM → 0).
 * `chromiumArgs` adds Chromium flags and `appEnv` environment for `npm start`, for this file only.
 */
export function e2eSuite(
  options: { chromiumArgs?: string[]; appEnv?: Record<string, string> } = {},
): E2E {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    app = await startApp(undefined, options.appEnv);
    ({ browser, close: closeBrowser } = await launchBrowser(options.chromiumArgs));
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await closeBrowser?.();
    if (process.env.E2E_DEBUG) console.log(`npm start printed:\n${app?.output() ?? ''}`);
    const code = await app?.stop();
    expect(code).toBe(0);
  });

  return {
    get app() {
      if (!app) throw new Error('the app starts in beforeAll');
      return app;
    },
    async newContext(options = {}) {
      if (!browser) throw new Error('the browser starts in beforeAll');
      const context = await browser.newContext({ ...PHONE, ...options });
      contexts.push(context);
      if (process.env.E2E_DEBUG) traceContext(context, contexts.length);
      return context;
    },
  };
}

/**
 * E2E_DEBUG=1: what each page said and what failed, in time order — how the shedding of
 * static files by under-pressure (server/overload.ts) was found.
 */
function traceContext(context: BrowserContext, n: number): void {
  const t0 = Date.now();
  const log = (...parts: unknown[]) => console.log(`context ${n} +${Date.now() - t0} ms`, ...parts);
  context.on('page', (page) => {
    page.on('console', (m) => log('console', m.type(), m.text().slice(0, 200)));
    page.on('pageerror', (e) => log('pageerror', e.message));
    page.on('requestfailed', (r) => log('failed', r.url(), r.failure()?.errorText));
    page.on('response', (r) => r.status() >= 400 && log('response', r.status(), r.url()));
  });
}
