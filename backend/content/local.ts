import type { ContentSecurity } from '../ports/content-security';
import { ruleBroken } from './rules';

/**
 * Content security without WeChat: text against the documented rule set
 * (./rules.ts); images pass at once — there are no local image rules, so no
 * verdict is pending and nothing is held (README says so).
 */
export const localContentSecurity: ContentSecurity = {
  async checkText({ text }) {
    return ruleBroken(text) ? { suggest: 'risky', label: 1 } : { suggest: 'pass', label: 0 };
  },
  async checkImageAsync() {
    return { traceId: null };
  },
};
