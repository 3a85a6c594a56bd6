import type { ApiErrorBody } from '../../contract/envelope';
import { ApiError } from './errors';
import {
  needsOf,
  reasonFor,
  REQUIREMENT_REASONS,
  type Requirement,
} from '../../contract/privacy/requirements';
import type { ConsentState } from '../../contract/privacy/consent';
import { currentConsent, hasSensitive } from '../privacy/consents';
import { loadIdentity } from '../user/identity-doc';
import type { Ctx } from './context';

/** Whether one need is met by the caller's current consent state (and identity). */
async function met(
  ctx: Ctx,
  openid: string,
  need: Requirement,
  state: ConsentState | null,
): Promise<boolean> {
  if (need === 'identity') return (await loadIdentity(ctx, openid))?.status === 'verified';
  if (!state?.policy) return false;
  if (need === 'policy') return true;
  if (need.startsWith('thirdParty.')) {
    return state.thirdParty[need.slice('thirdParty.'.length)] === true;
  }
  if (need === 'health' || need === 'guardian') return hasSensitive(state, need);
  return false;
}

/** The refusal dispatch answers for an unmet need: FAILED_PRECONDITION with the reason. */
function refusal(need: Requirement): ApiErrorBody {
  const reason = reasonFor(need);
  return {
    code: 'FAILED_PRECONDITION',
    message: REQUIREMENT_REASONS[reason],
    details: { reason, requirement: need },
  };
}

/**
 * A need the table cannot see from the input alone (a 就诊人's age is in the store, not the
 * request): the handler asks here once it knows, and is refused exactly as dispatch would.
 */
export async function requireNeed(ctx: Ctx, openid: string, need: Requirement): Promise<void> {
  if (await met(ctx, openid, need, await currentConsent(ctx.store, openid))) return;
  const body = refusal(need);
  throw new ApiError(body.code, body.message, body.details);
}

/**
 * Issue 11 point 11: the first unmet need of the action's row in
 * contract/privacy/requirements.ts, as FAILED_PRECONDITION with a reason the app explains.
 * A caller-less request passes: the handler answers UNAUTHENTICATED, as before.
 */
export async function unmetRequirement(
  ctx: Ctx,
  fn: string,
  action: string,
  input: unknown,
): Promise<ApiErrorBody | null> {
  const needs = needsOf(fn, action, input);
  // An action with no row never reads the caller: on H5 reading it issues the identity cookie.
  if (needs.length === 0) return null;
  const openid = ctx.caller?.openid;
  if (!openid) return null;
  const state = await currentConsent(ctx.store, openid);
  for (const need of needs) {
    if (await met(ctx, openid, need, state)) continue;
    return refusal(need);
  }
  return null;
}
