import type { Caller, Ctx } from './context';
import { ApiError } from './errors';

/** The caller, or UNAUTHENTICATED: actions that keep personal data need an identity. */
export function requireCaller(ctx: Ctx): Caller {
  if (!ctx.caller || !ctx.caller.openid) {
    throw new ApiError('UNAUTHENTICATED', '需要身份信息，请在微信中打开或刷新页面');
  }
  return ctx.caller;
}
