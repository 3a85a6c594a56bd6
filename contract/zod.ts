import { z } from 'zod';
import { zhCN } from 'zod/locales';

// The UI speaks Simplified Chinese, and so do validation messages (they reach users
// through INVALID_ARGUMENT). Every contract module imports z from here so this runs first.
z.config(zhCN());

export { z };
