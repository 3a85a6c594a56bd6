import { z } from 'zod';
// Only the one locale: `zod/locales` would bundle every language into each cloud function.
import zhCN from 'zod/v4/locales/zh-CN.js';

// The UI speaks Simplified Chinese, and so do validation messages (they reach users
// through INVALID_ARGUMENT). Every contract module imports z from here so this runs first.
z.config(zhCN());

export { z };
