import { CONSULT_UPLOADS } from '../collections';
import type { Handler } from '../core/action';
import type { Ctx } from '../core/context';
import type { DocumentStore } from '../ports/document-store';
import { fileCryptoContext } from '../ports/files';
import { ownerFilePrefix } from '../user/files';
import { portOf } from '../user/ports';
import { ApiError } from '../core/errors';
import { loadConsult, requireAccount } from './access';
import { consultFieldError } from './errors';
import type { UploadDoc } from './model';
import { pictureFor } from './views';

/**
 * CAM/ALB: a consult picture is uploaded on its own first (one call per picture, so each
 * has its own progress and retry), then named by its key in create or sendMessage. The
 * type was judged by its bytes in the contract. The file sits under the uploader's prefix;
 * the key handed out is a random handle, not the storage path. SEC/IDV: a consult picture is
 * health data, so it is stored encrypted like an identity photo (opaque `.bin`); links
 * decrypt it for the participant they are bound to.
 */
export const uploadAttachment: Handler<'consult', 'uploadAttachment'> = async (ctx, input) => {
  const { openid } = await requireAccount(ctx);
  const random = portOf(ctx, 'random');
  const id = random.hex(12);
  const type = input.image.contentType;
  const crypto = portOf(ctx, 'crypto');
  const fileKey = `${ownerFilePrefix(crypto, openid)}consult/${random.hex(12)}.bin`;
  const bytes = Buffer.from(input.image.contentBase64, 'base64');
  await portOf(ctx, 'files').put(
    fileKey,
    crypto.encryptBytes(bytes, fileCryptoContext(fileKey)),
    'application/octet-stream',
  );
  const doc: UploadDoc = {
    _id: id,
    owner: openid,
    key: fileKey,
    contentType: type,
    size: bytes.length,
    at: ctx.clock.now().toISOString(),
    attached: false,
    consultId: null,
    patientOpenid: null,
  };
  await ctx.store.insert(CONSULT_UPLOADS.name, doc);
  return pictureFor(ctx, id, fileKey, openid);
};

/** SEC: a picture of a consult the caller takes part in, decrypted; NOT_FOUND otherwise. */
export const getAttachment: Handler<'consult', 'getAttachment'> = async (ctx, input) => {
  const { openid } = await requireAccount(ctx);
  await loadConsult(ctx, input.consultId, openid);
  const upload = await ctx.store.get<UploadDoc>(CONSULT_UPLOADS.name, input.key);
  if (!upload || !upload.attached || upload.consultId !== input.consultId)
    throw new ApiError('NOT_FOUND', '图片不存在');
  const stored = await portOf(ctx, 'files').get(upload.key);
  if (!stored) throw new ApiError('NOT_FOUND', '图片不存在');
  const plain = portOf(ctx, 'crypto').decryptBytes(stored.bytes, fileCryptoContext(upload.key));
  return { contentType: upload.contentType, contentBase64: plain.toString('base64') };
};

/**
 * Attaches the uploader's unused uploads to a consult, inside the caller's transaction:
 * each must be theirs and not yet used, or the whole action is refused on that field.
 */
export async function claimUploads(
  tx: DocumentStore,
  keys: readonly string[],
  claim: {
    uploader: string;
    consultId: string;
    patientOpenid: string;
    path: (i: number) => string;
  },
): Promise<Array<{ key: string; fileKey: string }>> {
  const out: Array<{ key: string; fileKey: string }> = [];
  for (const [i, key] of keys.entries()) {
    const upload = await tx.get<UploadDoc>(CONSULT_UPLOADS.name, key);
    const ok =
      upload &&
      upload.owner === claim.uploader &&
      (await tx.updateIf(
        CONSULT_UPLOADS.name,
        key,
        { owner: claim.uploader, attached: false },
        {
          set: { attached: true, consultId: claim.consultId, patientOpenid: claim.patientOpenid },
        },
      ));
    if (!upload || !ok) throw consultFieldError(claim.path(i), 'upload_invalid');
    out.push({ key, fileKey: upload.key });
  }
  return out;
}

/** Removes uploads nobody attached within `olderThan` (the sweep); returns how many. */
export async function removeStaleUploads(
  ctx: Ctx,
  olderThan: string,
  limit = 100,
): Promise<number> {
  const stale = await ctx.store.find<UploadDoc>(
    CONSULT_UPLOADS.name,
    { attached: false, at: { $lt: olderThan } },
    { limit },
  );
  let removed = 0;
  for (const upload of stale) {
    // Claim the row first, so a create racing with the sweep either gets it or does not.
    if (
      !(await ctx.store.updateIf(
        CONSULT_UPLOADS.name,
        upload._id,
        { attached: false },
        { set: { attached: true } },
      ))
    )
      continue;
    await portOf(ctx, 'files').remove(upload.key);
    await ctx.store.remove(CONSULT_UPLOADS.name, upload._id);
    removed++;
  }
  return removed;
}
