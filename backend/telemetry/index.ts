import { telemetryActions } from '../../contract/telemetry';
import { ANALYTICS_EVENTS } from '../collections';
import type { BackendFunction, Handler } from '../core/action';
import { requireCaller } from '../core/auth';
import { ApiError } from '../core/errors';
import { hasConsent } from '../privacy/consents';

/**
 * SDK: the local stand-in for Umeng. Events are stored only for a caller whose current
 * consent includes 统计分析; anyone else is refused and nothing is kept.
 */
const track: Handler<'telemetry', 'track'> = async (ctx, { events }) => {
  const { openid } = requireCaller(ctx);
  if (!(await hasConsent(ctx.store, openid, 'analytics'))) {
    throw new ApiError('PERMISSION_DENIED', '未同意统计分析，事件未被记录');
  }
  const receivedAt = ctx.clock.now().toISOString();
  await ctx.store.insertMany(
    ANALYTICS_EVENTS.name,
    events.map((e) => ({
      owner: openid,
      name: e.name,
      at: e.at,
      props: e.props ?? {},
      receivedAt,
    })),
  );
  return { accepted: events.length };
};

export const telemetryFunction: BackendFunction<'telemetry'> = {
  name: 'telemetry',
  actions: telemetryActions,
  handlers: { track },
};
