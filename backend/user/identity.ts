import { ageOn, checkIdNumber } from '../../contract/user/id-number';
import { IDENTITY_SUBMITS_PER_DAY, type ImageType } from '../../contract/user/items';
import { IDENTITIES } from '../collections';
import type { Handler } from '../core/action';
import { ApiError, invalid } from '../core/errors';
import { fileCryptoContext } from '../ports/files';
import { requireTrustedAccount } from './account';
import { reasonError } from './errors';
import { identityPhotoKey } from './files';
import { identityContext, identityView, loadIdentity, type IdentityDoc } from './identity-doc';
import { portOf } from './ports';
import { dayKey, takeQuota } from './rate-limit';

/** `2026-11-30` in China, the day an ID's birth date is compared with. */
const today = (now: Date) => {
  const d = dayKey(now);
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
};

/**
 * IDV: stores the claim encrypted (fields and photo files), runs the IdentityVerifier and
 * records its result with the consent time. A verified identity cannot be replaced here;
 * a failed one can be submitted again (the old photos are removed).
 */
export const submitIdentity: Handler<'user', 'submitIdentity'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  const crypto = portOf(ctx, 'crypto');
  const random = portOf(ctx, 'random');
  const files = portOf(ctx, 'files');
  const now = ctx.clock.now();
  // The contract checked format, region, calendar date and check digit; "today" is ours.
  const check = checkIdNumber(input.idNumber);
  if (check.ok && ageOn(check.birthDate, today(now)) < 0)
    throw invalid('data.idNumber', '出生日期不能晚于今天');

  const previous = await loadIdentity(ctx, caller.openid);
  if (previous?.status === 'verified') throw reasonError('FAILED_PRECONDITION', 'already_verified');
  await takeQuota(ctx, {
    daily: [{ kind: 'identity_daily', subject: caller.openid, max: IDENTITY_SUBMITS_PER_DAY }],
  });

  const store = async (photo: { contentBase64: string; contentType: ImageType }) => {
    const key = identityPhotoKey(crypto, random, caller.openid);
    const plain = Buffer.from(photo.contentBase64, 'base64');
    await files.put(
      key,
      crypto.encryptBytes(plain, fileCryptoContext(key)),
      'application/octet-stream',
    );
    return key;
  };
  const idPhotoKey = await store(input.idPhoto);
  const facePhotoKey = await store(input.facePhoto);
  try {
    const verifier = portOf(ctx, 'verifier');
    const result = await verifier.verify({
      name: input.name,
      idNumber: input.idNumber,
      idPhotoKey,
      facePhotoKey,
    });
    const at = now.toISOString();
    const doc: IdentityDoc = {
      _id: caller.openid,
      owner: caller.openid,
      status: result.ok ? 'verified' : 'failed',
      reason: result.ok ? null : result.reason,
      nameEnc: crypto.encrypt(input.name, identityContext(caller.openid, 'nameEnc')),
      idNumberEnc: crypto.encrypt(input.idNumber, identityContext(caller.openid, 'idNumberEnc')),
      idPhotoKey,
      idPhotoType: input.idPhoto.contentType,
      facePhotoKey,
      facePhotoType: input.facePhoto.contentType,
      verifier: verifier.name,
      consentAt: at,
      submittedAt: at,
    };
    const { _id, ...fields } = doc;
    if (previous) await ctx.store.update(IDENTITIES.name, _id, { set: fields });
    else await ctx.store.insert(IDENTITIES.name, doc);
    if (previous) {
      await Promise.all([files.remove(previous.idPhotoKey), files.remove(previous.facePhotoKey)]);
    }
    ctx.log.info(
      { status: doc.status, reason: doc.reason, verifier: doc.verifier },
      'identity checked',
    );
    return identityView(ctx, doc);
  } catch (err) {
    await Promise.all([files.remove(idPhotoKey), files.remove(facePhotoKey)]).catch(() => {});
    throw err;
  }
};

export const getIdentity: Handler<'user', 'getIdentity'> = async (ctx) => {
  const { caller } = await requireTrustedAccount(ctx);
  return identityView(ctx, await loadIdentity(ctx, caller.openid));
};

/** IDV: one photo, decrypted, to its owner only (the way to show it on CloudBase). */
export const getIdentityPhoto: Handler<'user', 'getIdentityPhoto'> = async (ctx, { which }) => {
  const { caller } = await requireTrustedAccount(ctx);
  const doc = await loadIdentity(ctx, caller.openid);
  if (!doc) throw new ApiError('NOT_FOUND', '尚未提交实名认证');
  const key = which === 'idPhoto' ? doc.idPhotoKey : doc.facePhotoKey;
  const stored = await portOf(ctx, 'files').get(key);
  if (!stored) throw new ApiError('NOT_FOUND', '照片不存在');
  const plain = portOf(ctx, 'crypto').decryptBytes(stored.bytes, fileCryptoContext(key));
  return {
    contentType: which === 'idPhoto' ? doc.idPhotoType : doc.facePhotoType,
    contentBase64: plain.toString('base64'),
  };
};
