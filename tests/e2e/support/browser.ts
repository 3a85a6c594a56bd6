import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../bench/lib/page-load';

export { CHROMIUM } from '../../../bench/lib/page-load';

/** Debian's Chromium, headless, with the flags this machine needs — the bench's launcher. */
export async function launchBrowser(
  extraArgs: string[] = [],
): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await launchChromium(extraArgs);
  return {
    browser,
    close: () => browser.close(),
  };
}

/** An iPhone-sized page, as a patient would hold it. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  locale: 'zh-CN',
  isMobile: true,
  hasTouch: true,
};

/** Chromium's fake camera and microphone, granted without a prompt (the video call suite). */
export const FAKE_MEDIA = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];
