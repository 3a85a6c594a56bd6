import { config } from 'zod';
// Only the one locale: `zod/locales` would bundle every language into each cloud function.
import zhCN from 'zod/v4/locales/zh-CN.js';

// The UI speaks Simplified Chinese, and so do validation messages (they reach users
// through INVALID_ARGUMENT). Every contract module imports z from here so this runs first.
config(zhCN());

// Imported as `import * as z from './zod'`: bundlers then keep only the schemas we call.
// Re-exporting zod's `z` object instead would pull all of zod, every locale included
// (~450 KB minified in each cloud function and the H5 app).
export * from 'zod';
