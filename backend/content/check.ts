import { localContentSecurity } from './local';
import type { Ctx } from '../core/context';
import { ApiError } from '../core/errors';
import type { ContentScene } from '../ports/content-security';

/**
 * Holds back flagged text with a typed error its author sees (issue 15 §7): never a
 * silent drop, and the caller stores nothing. A runtime without the port uses the local
 * rule set, so no route goes unchecked.
 */
export async function requireCleanText(
  ctx: Ctx,
  input: { openid: string; scene: ContentScene; text: string; what: string },
): Promise<void> {
  const port = ctx.contentSecurity ?? localContentSecurity;
  const verdict = await port.checkText({
    openid: input.openid,
    scene: input.scene,
    text: input.text,
  });
  if (verdict.suggest === 'pass') return;
  throw new ApiError(
    'FAILED_PRECONDITION',
    `${input.what}未通过内容安全检查，未保存，请修改后重试（请勿留私人联系方式或发布广告）`,
    { reason: 'content_flagged' },
  );
}
