/** `npm run privacy:guide`: writes docs/privacy-guide.md from the privacy manifest. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderPrivacyGuide } from '../contract/privacy/guide';

export const GUIDE_PATH = join(__dirname, '..', 'docs', 'privacy-guide.md');

mkdirSync(dirname(GUIDE_PATH), { recursive: true });
// Issue 11 point 7: the same switch as the build (config/index.ts) decides whether Umeng is in.
writeFileSync(GUIDE_PATH, renderPrivacyGuide({ umeng: Boolean(process.env.UMENG_APP_KEY) }));
console.log(`wrote ${GUIDE_PATH}`);
