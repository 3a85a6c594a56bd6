import { USERS } from '../collections';
import { requireCleanText } from '../content/check';
import type { Handler } from '../core/action';
import { profileOf, requireTrustedAccount } from './account';
import { avatarKey } from './files';
import { portOf } from './ports';

/**
 * CAM/ALB: nickname and avatar. The avatar's type was checked by its bytes in the contract;
 * the new file is stored before the account points at it, and the old one removed after,
 * so a failure half-way never leaves the account pointing at nothing.
 */
export const updateProfile: Handler<'user', 'updateProfile'> = async (ctx, input) => {
  const { caller, user } = await requireTrustedAccount(ctx);
  const files = portOf(ctx, 'files');
  if (input.nickname !== undefined)
    await requireCleanText(ctx, {
      openid: caller.openid,
      scene: 'profile',
      text: input.nickname,
      what: '昵称',
    });
  const set: Record<string, unknown> = { updatedAt: ctx.clock.now().toISOString() };
  if (input.nickname !== undefined) set.nickname = input.nickname;
  let newKey: string | null = null;
  if (input.avatar) {
    newKey = avatarKey(
      portOf(ctx, 'crypto'),
      portOf(ctx, 'random'),
      caller.openid,
      input.avatar.contentType,
    );
    await files.put(
      newKey,
      Buffer.from(input.avatar.contentBase64, 'base64'),
      input.avatar.contentType,
    );
    set.avatarKey = newKey;
  }
  await ctx.store.update(USERS.name, user._id, { set });
  if (newKey && user.avatarKey) {
    await files
      .remove(user.avatarKey)
      .catch((err: unknown) =>
        ctx.log.warn({ err: String(err) }, 'old avatar could not be removed'),
      );
  }
  return profileOf(ctx, {
    ...user,
    nickname: input.nickname ?? user.nickname,
    avatarKey: newKey ?? user.avatarKey,
  });
};
