import type { IdentityFailReason } from '../../contract/user/items';

/**
 * IDV: checks that a person is who they say — the built-in checks (user/builtin-verifier.ts,
 * local use) or Tencent Cloud 人脸核身 (adapters/cloudbase/tencent-faceid.ts).
 */
export interface IdentityClaim {
  name: string;
  /** Upper-case, 18 characters. */
  idNumber: string;
  /**
   * FileStore keys of the encrypted photos: there only for the length of verify(); the
   * handler removes them as soon as it returns or throws (issue 11 point 9), so a verifier
   * must not keep them or their keys.
   */
  idPhotoKey: string;
  facePhotoKey: string;
}

export type VerificationResult = { ok: true } | { ok: false; reason: IdentityFailReason };

export interface IdentityVerifier {
  /** Recorded with each result, so a later audit knows what checked it. */
  readonly name: string;
  verify(claim: IdentityClaim): Promise<VerificationResult>;
}
