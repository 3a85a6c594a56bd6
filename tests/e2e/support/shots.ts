import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const root = join(__dirname, '..', '..', '..');

/**
 * Where screenshots go: an ignored folder on every run, so `npm test` leaves the tree clean;
 * the README's docs/screenshots/ only when asked (`npm run screenshots` sets ZHUYI_SCREENSHOTS).
 */
export const SHOTS_DIR =
  process.env.ZHUYI_SCREENSHOTS === 'docs'
    ? join(root, 'docs', 'screenshots')
    : join(root, 'tests', 'e2e', 'artifacts', 'screenshots');

/**
 * H5 pages slide in (docs/TOOLCHAIN.md): wait until no CSS animation or transition is
 * still running, rather than for a fixed time.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running'),
  );
}

/** A settled page's screenshot, named as the README shows it. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await settled(page);
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`) });
}
