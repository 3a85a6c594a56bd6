import { MESSAGES_PAGE } from '../../contract/consult/items';
import type { ConsultRole, MessageView } from '../../contract/consult/views';
import { CONSULT_MESSAGES, CONSULTS } from '../collections';
import { requireCleanText } from '../content/check';
import type { Handler } from '../core/action';
import type { Ctx } from '../core/context';
import { portOf } from '../user/ports';
import { loadConsult, requireAccount } from './access';
import { announceMessage, noticeForMessage } from './announce';
import { consultError, statusChanged, wrongStatus } from './errors';
import {
  contexts,
  messageIdOf,
  otherRole,
  sortKeyOf,
  type ConsultDoc,
  type MessageDoc,
} from './model';
import { checkLinks, recordRiskyUrls } from './risk';
import { claimUploads } from './uploads';
import { toMessageView } from './views';

/** What was sent, as an HMAC: a resend must carry the same thing to count as the same message. */
const bodyHashOf = (ctx: Ctx, input: { text?: string; imageKey?: string }) =>
  portOf(ctx, 'crypto').hmac(
    'consult-message',
    input.text !== undefined ? `t:${input.text}` : `i:${input.imageKey ?? ''}`,
  );

async function resent(
  ctx: Ctx,
  existing: MessageDoc,
  bodyHash: string,
  role: ConsultRole,
  openid: string,
): Promise<MessageView> {
  if (!portOf(ctx, 'crypto').equal(existing.bodyHash, bodyHash))
    throw consultError('CONFLICT', 'client_msg_id_reused');
  return toMessageView(ctx, existing, role, openid);
}

/**
 * Either participant, while active. The message id is derived from (consult, sender,
 * clientMsgId), so a resend finds the first one instead of adding a copy. The sequence
 * number comes from the consult document, incremented by compare-and-set in the same
 * transaction as the insert: no gaps, no duplicates, one order for both sides.
 */
export const sendMessage: Handler<'consult', 'sendMessage'> = async (ctx, input) => {
  const { openid } = await requireAccount(ctx);
  const { consult, role } = await loadConsult(ctx, input.consultId, openid);
  const id = messageIdOf(consult._id, role, input.clientMsgId);
  const bodyHash = bodyHashOf(ctx, input);
  const existing = await ctx.store.get<MessageDoc>(CONSULT_MESSAGES.name, id);
  if (existing) return resent(ctx, existing, bodyHash, role, openid);
  if (consult.status !== 'active') throw wrongStatus(consult.status);

  if (input.text !== undefined)
    await requireCleanText(ctx, { openid, scene: 'comment', text: input.text, what: '消息' });
  const crypto = portOf(ctx, 'crypto');
  const checked = input.text !== undefined ? checkLinks(input.text) : { links: [], risky: [] };
  const at = ctx.clock.now().toISOString();
  const other = otherRole(role);
  const outcome = await ctx.store.transaction(async (tx) => {
    const again = await tx.get<MessageDoc>(CONSULT_MESSAGES.name, id);
    if (again) return { message: again, fresh: false, turn: false };
    const current = await tx.get<ConsultDoc>(CONSULTS.name, consult._id);
    if (!current || current.status !== 'active')
      throw wrongStatus(current?.status ?? consult.status);
    const image = input.imageKey
      ? (
          await claimUploads(tx, [input.imageKey], {
            uploader: openid,
            consultId: consult._id,
            patientOpenid: current.patientOpenid,
            path: () => 'data.imageKey',
          })
        )[0]
      : null;
    const message: MessageDoc = {
      _id: id,
      consultId: consult._id,
      seq: current.seq + 1,
      sender: role,
      patientOpenid: current.patientOpenid,
      doctorOpenid: current.doctorOpenid ?? '',
      clientMsgId: input.clientMsgId,
      bodyHash,
      kind: image ? 'image' : 'text',
      textEnc: input.text !== undefined ? crypto.encrypt(input.text, contexts.message(id)) : null,
      image,
      links: checked.links,
      risky: checked.risky.length > 0,
      at,
    };
    const last = {
      sender: role,
      kind: message.kind,
      textEnc:
        input.text !== undefined ? crypto.encrypt(input.text, contexts.last(consult._id)) : null,
      at,
    };
    const moved = await tx.updateIf(
      CONSULTS.name,
      consult._id,
      { status: 'active', seq: current.seq },
      {
        // Replying means having read the other side: the sender's unread count clears.
        set: {
          seq: message.seq,
          last,
          updatedAt: at,
          sortKey: sortKeyOf(at, consult._id),
          [`seen.${role}`]: current.counts[other],
        },
        inc: { [`counts.${role}`]: 1 },
      },
    );
    if (!moved) throw statusChanged();
    await tx.insert(CONSULT_MESSAGES.name, message);
    return { message, fresh: true, turn: current.last?.sender !== role, consult: current };
  });
  if (!outcome.fresh) return resent(ctx, outcome.message, bodyHash, role, openid);

  if (checked.risky.length > 0)
    await recordRiskyUrls(
      ctx,
      { consultId: consult._id, messageId: id, sender: role, senderOpenid: openid },
      checked.risky,
    );
  await announceMessage(ctx, outcome.message, input.text);
  if (outcome.turn && outcome.consult) await noticeForMessage(ctx, outcome.consult, role);
  return toMessageView(ctx, outcome.message, role, openid, input.text);
};

/** Pages by sequence number; the newest page marks the other side's messages read. */
export const listMessages: Handler<'consult', 'listMessages'> = async (ctx, input) => {
  const { openid } = await requireAccount(ctx);
  const { consult, role } = await loadConsult(ctx, input.consultId, openid);
  const after = input.after ?? 0;
  const limit = input.limit ?? MESSAGES_PAGE.default;
  const docs = await ctx.store.find<MessageDoc>(
    CONSULT_MESSAGES.name,
    { consultId: consult._id, seq: { $gt: after } },
    { sort: [['seq', 'asc']], limit: limit + 1 },
  );
  const hasMore = docs.length > limit;
  const page = docs.slice(0, limit);
  const items = await Promise.all(page.map((m) => toMessageView(ctx, m, role, openid)));
  const seenNow = consult.counts[otherRole(role)];
  if (!hasMore && consult.seen[role] !== seenNow)
    await ctx.store.update(CONSULTS.name, consult._id, { set: { [`seen.${role}`]: seenNow } });
  return { items, nextAfter: page.length > 0 ? page[page.length - 1].seq : after, hasMore };
};
