import { privacyActions } from '../../contract/privacy/consent';
import { CURRENT_POLICY, POLICY_VERSION } from '../../contract/privacy/policy';
import { renderSupplement } from '../../contract/privacy/supplement';
import { CONSENTS } from '../collections';
import type { BackendFunction, Handler } from '../core/action';
import { requireCaller } from '../core/auth';
import { ApiError } from '../core/errors';
import { applyChoices, changeConsent, type ConsentDoc, emptyState } from './consents';
import { personalInfoLists } from './lists';
import { recordSensitiveConsent } from './sensitive';

const getPolicy: Handler<'privacy', 'getPolicy'> = async () => ({
  version: CURRENT_POLICY.version,
  updatedAt: CURRENT_POLICY.updatedAt,
  effectiveAt: CURRENT_POLICY.effectiveAt,
  title: CURRENT_POLICY.title,
});

/**
 * Issue 11 point 10: the supplement filled from the operator's configuration. A fact not
 * configured stays a visible 【待运营者填写】 gap (a production start refuses until it is
 * filled and approved: backend/privacy/supplement-approval.ts).
 */
const getSupplement: Handler<'privacy', 'getSupplement'> = async (ctx) => {
  const { version, text } = renderSupplement(ctx.operator ?? {});
  return { version, text };
};

/** POL: agreeing records what the user read (its version) and each optional choice. */
const recordConsent: Handler<'privacy', 'recordConsent'> = async (ctx, input) => {
  const { openid } = requireCaller(ctx);
  if (input.policyVersion !== POLICY_VERSION) {
    throw new ApiError('FAILED_PRECONDITION', '隐私政策已更新，请阅读新版本后再同意', {
      currentVersion: POLICY_VERSION,
    });
  }
  const at = ctx.clock.now().toISOString();
  return changeConsent(ctx.store, openid, (previous) => ({
    change: previous?.state.policy ? 'update' : 'agree',
    state: applyChoices(previous?.state.policy ? previous.state : emptyState(at), input.items, at),
  }));
};

const listConsents: Handler<'privacy', 'listConsents'> = async (ctx) => {
  const { openid } = requireCaller(ctx);
  const docs = await ctx.store.find<ConsentDoc>(
    CONSENTS.name,
    { owner: openid },
    { sort: [['seq', 'desc']], limit: 200 },
  );
  const current = docs.find((d) => d.policyVersion === POLICY_VERSION)?.state ?? null;
  return {
    current,
    records: docs.map((d) => ({
      id: d._id,
      policyVersion: d.policyVersion,
      change: d.change,
      state: d.state,
      at: d.at,
    })),
  };
};

/** Withdrawing is as easy as giving and takes effect at once; withdrawing the policy withdraws all. */
const withdrawConsent: Handler<'privacy', 'withdrawConsent'> = async (ctx, { item }) => {
  const { openid } = requireCaller(ctx);
  const at = ctx.clock.now().toISOString();
  return changeConsent(ctx.store, openid, (previous: ConsentDoc | null) => {
    const base = previous?.state ?? emptyState(at);
    let next = { ...base, thirdParty: { ...base.thirdParty }, at };
    if (item === 'policy') next = emptyState(at);
    else if (item.startsWith('thirdParty.'))
      next.thirdParty[item.slice('thirdParty.'.length)] = false;
    else next = { ...next, [item]: false };
    return { change: 'withdraw', state: next };
  });
};

export const privacyFunction: BackendFunction<'privacy'> = {
  name: 'privacy',
  actions: privacyActions,
  handlers: {
    getPolicy,
    getSupplement,
    recordConsent,
    listConsents,
    withdrawConsent,
    recordSensitiveConsent,
    personalInfoLists,
  },
};
