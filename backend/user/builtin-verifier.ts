import { identityNameSchema } from '../../contract/user/schemas';
import { ageOn, checkIdNumber } from '../../contract/user/id-number';
import { MIN_IDENTITY_AGE } from '../../contract/user/items';
import { MIN_IDENTITY_PHOTO_PX, pixelSize } from '../../contract/user/image-size';
import type { Clock } from '../ports/clock';
import type { Crypto } from '../ports/crypto';
import { fileCryptoContext, type FileStore } from '../ports/files';
import type { IdentityVerifier } from '../ports/identity-verifier';
import { dayKey } from './rate-limit';

/**
 * IDV: the verifier that ships with the app, for the local server and until a real-name
 * service (公安部身份核验 via a licensed provider) is configured. It checks what can be
 * checked without one: the name's form, the ID number's format, region, birth date and
 * check digit, an age of at least MIN_IDENTITY_AGE (18) on the clock's day in China, and
 * that both photos were stored and decode as photos of at least MIN_IDENTITY_PHOTO_PX on each
 * side (issue 11 point 9). It cannot tell whether the person in the photos is real: it is
 * for local use and demonstrations only, and its name says so in every record it makes.
 */
export function createBuiltInVerifier(deps: {
  clock: Clock;
  files: FileStore;
  crypto: Crypto;
}): IdentityVerifier {
  const plausible = (key: string, data: Uint8Array) => {
    const size = pixelSize(deps.crypto.decryptBytes(data, fileCryptoContext(key)));
    return (
      size !== null && size.width >= MIN_IDENTITY_PHOTO_PX && size.height >= MIN_IDENTITY_PHOTO_PX
    );
  };
  return {
    name: 'builtin-local-only-v2',
    async verify(claim) {
      if (!identityNameSchema.safeParse(claim.name).success) return { ok: false, reason: 'name' };
      const id = checkIdNumber(claim.idNumber);
      if (!id.ok) return { ok: false, reason: id.reason };
      const d = dayKey(deps.clock.now());
      const age = ageOn(id.birthDate, `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`);
      if (age < 0) return { ok: false, reason: 'birth_date' };
      if (age < MIN_IDENTITY_AGE) return { ok: false, reason: 'underage' };
      const [idPhoto, facePhoto] = await Promise.all([
        deps.files.get(claim.idPhotoKey),
        deps.files.get(claim.facePhotoKey),
      ]);
      if (!idPhoto || !facePhoto) return { ok: false, reason: 'photo_missing' };
      if (
        !plausible(claim.idPhotoKey, idPhoto.bytes) ||
        !plausible(claim.facePhotoKey, facePhoto.bytes)
      )
        return { ok: false, reason: 'photo_implausible' };
      return { ok: true };
    },
  };
}
