import type { BrowserContext, Page } from 'playwright-core';
import { POLICY_VERSION } from '../../../contract/privacy/policy';

/** The app's consent record (src/privacy/record.ts) under Taro's H5 storage format. */
export const CONSENT_KEY = 'zhuyi.privacy.consent';
/** The app's random device id (src/session/device.ts). */
export const DEVICE_ID_KEY = 'zhuyi.account.deviceId';

/**
 * A returning user who already agreed to this policy version (POL), for journeys that
 * are about something else: the record is in storage before the app starts, not yet
 * synced, so the app reports it to the server at launch as it would after a failed try.
 */
export async function presetConsent(context: BrowserContext): Promise<void> {
  const record = {
    policyVersion: POLICY_VERSION,
    decision: 'agreed',
    at: new Date().toISOString(),
    items: { device: false, analytics: false, thirdParty: { trtc: false } },
    synced: false,
  };
  await context.addInitScript(
    ([key, value]) => {
      // Only before the first launch: later changes the app makes are kept.
      if (!window.localStorage.getItem(key)) window.localStorage.setItem(key, value);
    },
    [CONSENT_KEY, JSON.stringify({ data: record })] as const,
  );
}

/** Answers the first-launch consent sheet the way a user does: 同意 or 不同意. */
export async function answerConsentSheet(page: Page, answer: '同意' | '不同意'): Promise<void> {
  const sheet = page.locator('.consent-sheet');
  await sheet.waitFor();
  await sheet
    .locator(answer === '同意' ? '.consent-sheet__agree' : '.consent-sheet__decline')
    .click();
  await sheet.waitFor({ state: 'detached' });
}
