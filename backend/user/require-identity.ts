import { IDENTITY_FAIL_REASONS } from '../../contract/user/items';
import type { Ctx } from '../core/context';
import { requireTrustedAccount } from './account';
import { reasonError } from './errors';
import { loadIdentity } from './identity-doc';

/**
 * IDV: for services that need a verified person (consultation, appointments). Refuses
 * with the reason the UI acts on: login_required (UNAUTHENTICATED), device_unverified,
 * identity_required, or identity_failed with details.identityReason (PERMISSION_DENIED).
 */
export async function requireVerifiedIdentity(
  ctx: Ctx,
): Promise<{ openid: string; verifiedAt: string }> {
  const { caller } = await requireTrustedAccount(ctx);
  const identity = await loadIdentity(ctx, caller.openid);
  if (!identity) throw reasonError('PERMISSION_DENIED', 'identity_required');
  if (identity.status !== 'verified') {
    const reason = identity.reason ?? 'rejected';
    throw reasonError(
      'PERMISSION_DENIED',
      'identity_failed',
      { identityReason: reason },
      `实名认证未通过：${IDENTITY_FAIL_REASONS[reason]}`,
    );
  }
  return { openid: caller.openid, verifiedAt: identity.submittedAt };
}
