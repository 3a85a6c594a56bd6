import { chromium, type Browser } from 'playwright-core';

/**
 * One cold page load in Chromium as a patient on a mid-range phone on a slow network sees
 * it: a fresh browser context (empty cache), 390×844, CPU slowed 4× and slow 4G
 * (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up) through CDP. Figures come from the
 * page's own paint timing and CDP's count of bytes on the wire.
 */

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const EMULATION = {
  cpuSlowdown: 4,
  latencyMs: 150,
  downBytesPerSec: (1.6 * 1024 * 1024) / 8,
  upBytesPerSec: (750 * 1024) / 8,
};

export interface LoadFigures {
  fcpMs: number;
  lcpMs: number;
  /** Everything on the wire (headers included), and JavaScript alone. */
  bytes: number;
  jsBytes: number;
  requests: number;
}

/** `extraArgs`: more Chromium flags for one suite (the video call's fake camera and mic). */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  // Flags from docs/TOOLCHAIN.md; Playwright gives the launch a fresh profile.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/**
 * Paint timings as the page recorded them. Under 4× CPU slowdown a page may paint after the
 * network went quiet, so this waits for first-contentful-paint, then two frames for any
 * larger paint it triggers; LCP is the last candidate (no input ends it here).
 */
const READ_PAINTS = `new Promise((resolve) => {
  const lcp = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) lcp.push(e.startTime);
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const done = (fcp) =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => resolve({ fcp, lcp: lcp.length ? Math.max(...lcp) : NaN })),
    );
  new PerformanceObserver((list, observer) => {
    const fcp = list.getEntriesByName('first-contentful-paint')[0];
    if (fcp) {
      observer.disconnect();
      done(fcp.startTime);
    }
  }).observe({ type: 'paint', buffered: true });
})`;

export async function coldLoad(browser: Browser, url: string): Promise<LoadFigures> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: EMULATION.cpuSlowdown });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: EMULATION.latencyMs,
      downloadThroughput: EMULATION.downBytesPerSec,
      uploadThroughput: EMULATION.upBytesPerSec,
    });
    const types = new Map<string, string>();
    let bytes = 0;
    let jsBytes = 0;
    let requests = 0;
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e) => {
      requests++;
      bytes += e.encodedDataLength;
      if (types.get(e.requestId) === 'Script') jsBytes += e.encodedDataLength;
    });
    // The first screen is done when the network has been quiet for 500 ms (its data included).
    await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 });
    const paints = (await Promise.race([
      page.evaluate(READ_PAINTS),
      page.waitForTimeout(60_000).then(() => ({ fcp: NaN, lcp: NaN })),
    ])) as { fcp: number; lcp: number };
    return { fcpMs: paints.fcp, lcpMs: paints.lcp, bytes, jsBytes, requests };
  } finally {
    await context.close();
  }
}
