import { identityNameSchema } from '../../contract/user/schemas';
import { ageOn, checkIdNumber } from '../../contract/user/id-number';
import { MIN_IDENTITY_AGE } from '../../contract/user/items';
import type { Clock } from '../ports/clock';
import type { FileStore } from '../ports/files';
import type { IdentityVerifier } from '../ports/identity-verifier';
import { dayKey } from './rate-limit';

/**
 * IDV: the verifier that ships with the app, for the local server and until a real-name
 * service (公安部身份核验 via a licensed provider) is configured. It checks what can be
 * checked without one: the name's form, the ID number's format, region, birth date and
 * check digit, an age of at least MIN_IDENTITY_AGE (18) on the clock's day in China, and
 * that both photos were stored. It cannot tell whether the person in the photos is real.
 */
export function createBuiltInVerifier(deps: { clock: Clock; files: FileStore }): IdentityVerifier {
  return {
    name: 'builtin-v1',
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
      return { ok: true };
    },
  };
}
