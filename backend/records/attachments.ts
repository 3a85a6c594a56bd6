import { ATTACHMENT_LINK_TTL_SECONDS } from '../../contract/consult/items';
import { MAX_RECORD_ATTACHMENTS, type AttachmentType } from '../../contract/records/items';
import { MEDICAL_RECORDS } from '../collections';
import type { Handler } from '../core/action';
import type { Ctx } from '../core/context';
import { ApiError } from '../core/errors';
import { fileCryptoContext } from '../ports/files';
import { requireTrustedAccount } from '../user/account';
import { ownerFilePrefix } from '../user/files';
import { portOf } from '../user/ports';
import { recordError, recordNotFound } from './errors';
import { loadOwnRecord, type AttachmentDoc, type RecordDoc } from './model';

/**
 * CAM/ALB: one photo or PDF onto a record. The contract judged the type by its magic bytes.
 * The file is stored encrypted (like identity photos) under the owner's prefix, so account
 * deletion's removePrefix takes it too; then the record takes it by compare-and-set on
 * `version` with fewer than MAX_RECORD_ATTACHMENTS files. A lost race removes the file.
 */
export const uploadAttachment: Handler<'records', 'uploadAttachment'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  const owner = caller.openid;
  const doc = await loadOwnRecord(ctx, owner, input.recordId);
  if (!doc) throw recordNotFound();
  if (doc.attachments.length >= MAX_RECORD_ATTACHMENTS)
    throw recordError('FAILED_PRECONDITION', 'attachment_limit', { max: MAX_RECORD_ATTACHMENTS });
  const crypto = portOf(ctx, 'crypto');
  const random = portOf(ctx, 'random');
  const files = portOf(ctx, 'files');
  const key = `${ownerFilePrefix(crypto, owner)}records/${random.hex(12)}.bin`;
  const plain = Buffer.from(input.file.contentBase64, 'base64');
  await files.put(
    key,
    crypto.encryptBytes(plain, fileCryptoContext(key)),
    'application/octet-stream',
  );
  const attachment: AttachmentDoc = {
    id: `a${random.hex(12)}`,
    key,
    contentType: input.file.contentType,
    size: plain.length,
    at: ctx.clock.now().toISOString(),
  };
  const won = await ctx.store.updateIf(
    MEDICAL_RECORDS.name,
    doc._id,
    { version: doc.version },
    {
      set: {
        attachments: [...doc.attachments, attachment],
        updatedAt: attachment.at,
        version: doc.version + 1,
      },
    },
  );
  if (!won) {
    await files.remove(key);
    throw recordError('CONFLICT', 'record_changed');
  }
  const url = await files
    .signedUrl(key, { ttlSeconds: ATTACHMENT_LINK_TTL_SECONDS, owner, decrypt: true })
    .catch(() => null);
  return { id: attachment.id, contentType: attachment.contentType, size: attachment.size, url };
};

/** The decrypted bytes of one attachment of `doc` (to whoever the caller already admitted). */
export async function readAttachment(
  ctx: Ctx,
  doc: RecordDoc,
  attachmentId: string,
): Promise<{ contentType: AttachmentType; contentBase64: string }> {
  const attachment = doc.attachments.find((a) => a.id === attachmentId);
  if (!attachment) throw new ApiError('NOT_FOUND', '附件不存在');
  const stored = await portOf(ctx, 'files').get(attachment.key);
  if (!stored) throw new ApiError('NOT_FOUND', '附件不存在');
  const plain = portOf(ctx, 'crypto').decryptBytes(stored.bytes, fileCryptoContext(attachment.key));
  return { contentType: attachment.contentType, contentBase64: plain.toString('base64') };
}

export const getAttachment: Handler<'records', 'getAttachment'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  const doc = await loadOwnRecord(ctx, caller.openid, input.recordId);
  if (!doc) throw recordNotFound();
  return readAttachment(ctx, doc, input.attachmentId);
};
