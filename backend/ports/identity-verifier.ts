import type { IdentityFailReason } from '../../contract/user/items';

/** IDV: checks that a person is who they say (built-in checks, or a real-name service). */
export interface IdentityClaim {
  name: string;
  /** Upper-case, 18 characters. */
  idNumber: string;
  /** FileStore keys of the encrypted photos. */
  idPhotoKey: string;
  facePhotoKey: string;
}

export type VerificationResult = { ok: true } | { ok: false; reason: IdentityFailReason };

export interface IdentityVerifier {
  /** Recorded with each result, so a later audit knows what checked it. */
  readonly name: string;
  verify(claim: IdentityClaim): Promise<VerificationResult>;
}
