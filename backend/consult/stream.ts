import { consultIdSchema } from '../../contract/consult/schemas';
import type { Ctx } from '../core/context';
import { invalid } from '../core/errors';
import { loadConsult, requireAccount } from './access';

/**
 * Who may open the local event stream (server/realtime.ts): the same trusted account every
 * consult action needs; with a consultId, only its two participants (NOT_FOUND otherwise,
 * as get answers). Answers the openid whose events the stream carries.
 */
export async function streamAccess(
  ctx: Ctx,
  consultId: string | null,
): Promise<{ openid: string; consultId: string | null }> {
  const { openid } = await requireAccount(ctx);
  if (consultId === null) return { openid, consultId: null };
  const parsed = consultIdSchema.safeParse(consultId);
  if (!parsed.success) throw invalid('consultId', '无效的咨询标识');
  await loadConsult(ctx, parsed.data, openid);
  return { openid, consultId: parsed.data };
}
