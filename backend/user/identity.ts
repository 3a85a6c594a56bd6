import { ageOn, checkIdNumber } from '../../contract/user/id-number';
import { IDENTITY_SUBMITS_PER_DAY } from '../../contract/user/items';
import { IDENTITIES } from '../collections';
import type { Handler } from '../core/action';
import { invalid } from '../core/errors';
import { fileCryptoContext } from '../ports/files';
import { requireTrustedAccount } from './account';
import { reasonError } from './errors';
import { identityPhotoKey } from './files';
import type { VerificationResult } from '../ports/identity-verifier';
import { adoptVerifiedSelf } from '../patients/self';
import {
  identityContext,
  identityView,
  LEGACY_PHOTO_FIELDS,
  loadIdentity,
  removeLegacyPhotos,
  type IdentityDoc,
} from './identity-doc';
import { portOf } from './ports';
import { dayKey, takeQuota } from './rate-limit';

/** `2026-11-30` in China, the day an ID's birth date is compared with. */
const today = (now: Date) => {
  const d = dayKey(now);
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
};

/**
 * IDV (issue 11 point 9): the photos exist only while the verifier looks at them. They are
 * stored encrypted for the verifier (the port reads FileStore keys), and removed as soon as it
 * has answered — verified, failed, or thrown. What remains is the result, the date, the
 * verifier's name and the encrypted name and ID number. A verified identity cannot be
 * replaced here; a failed one can be submitted again. A verified one becomes the account's
 * 本人 就诊人 (backend/patients/self.ts), so real-name booking needs no retyping.
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

  const keys: string[] = [];
  const store = async (photo: { contentBase64: string }) => {
    const key = identityPhotoKey(crypto, random, caller.openid);
    keys.push(key);
    const plain = Buffer.from(photo.contentBase64, 'base64');
    await files.put(
      key,
      crypto.encryptBytes(plain, fileCryptoContext(key)),
      'application/octet-stream',
    );
    return key;
  };
  const verifier = portOf(ctx, 'verifier');
  let result: VerificationResult;
  try {
    result = await verifier.verify({
      name: input.name,
      idNumber: input.idNumber,
      idPhotoKey: await store(input.idPhoto),
      facePhotoKey: await store(input.facePhoto),
    });
  } finally {
    // Whatever the verifier said (or threw), the photos have served their purpose.
    await Promise.all(keys.map((key) => files.remove(key)));
  }

  const at = now.toISOString();
  const doc: IdentityDoc = {
    _id: caller.openid,
    owner: caller.openid,
    status: result.ok ? 'verified' : 'failed',
    reason: result.ok ? null : result.reason,
    nameEnc: crypto.encrypt(input.name, identityContext(caller.openid, 'nameEnc')),
    idNumberEnc: crypto.encrypt(input.idNumber, identityContext(caller.openid, 'idNumberEnc')),
    verifier: verifier.name,
    consentAt: at,
    submittedAt: at,
  };
  const { _id, ...fields } = doc;
  if (previous) {
    await ctx.store.update(IDENTITIES.name, _id, { set: fields, unset: [...LEGACY_PHOTO_FIELDS] });
    await removeLegacyPhotos(ctx, previous);
  } else await ctx.store.insert(IDENTITIES.name, doc);
  ctx.log.info(
    { status: doc.status, reason: doc.reason, verifier: doc.verifier },
    'identity checked',
  );
  if (result.ok) {
    // The verification stands whatever happens here; 本人 can still be added from it by hand
    // (patients.add fromIdentity), so a failure is logged, not answered.
    await adoptVerifiedSelf(ctx, caller.openid).catch((err: unknown) =>
      ctx.log.warn({ err: String(err) }, 'verified identity not adopted as 本人'),
    );
  }
  return identityView(ctx, doc);
};

export const getIdentity: Handler<'user', 'getIdentity'> = async (ctx) => {
  const { caller } = await requireTrustedAccount(ctx);
  return identityView(ctx, await loadIdentity(ctx, caller.openid));
};
