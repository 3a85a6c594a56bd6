import { SENSITIVE_CONSENTS } from '../../contract/privacy/sensitive-consents';
import type { Handler } from '../core/action';
import { requireCaller } from '../core/auth';
import { ApiError } from '../core/errors';
import { changeConsent, emptyState } from './consents';

/**
 * PIPL art. 29 (health information) and art. 31 (a child's guardian): a separate consent
 * from its own screen, recorded per text version beside the policy consent and withdrawn
 * through withdrawConsent like the others. Same record-keeping as recordConsent.
 */
export const recordSensitiveConsent: Handler<'privacy', 'recordSensitiveConsent'> = async (
  ctx,
  { item, version },
) => {
  const { openid } = requireCaller(ctx);
  const current = SENSITIVE_CONSENTS[item].version;
  if (version !== current) {
    throw new ApiError('FAILED_PRECONDITION', '说明已更新，请阅读新版本后再同意', {
      currentVersion: current,
    });
  }
  const at = ctx.clock.now().toISOString();
  // No transaction: CloudBase refuses the read of the latest record inside one (changeConsent).
  return changeConsent(ctx.store, openid, (previous) => {
    const base = previous?.state ?? emptyState(at);
    return {
      change: 'update',
      state: {
        ...base,
        thirdParty: { ...base.thirdParty },
        [item]: true,
        sensitiveVersions: { ...base.sensitiveVersions, [item]: current },
        at,
      },
    };
  });
};
