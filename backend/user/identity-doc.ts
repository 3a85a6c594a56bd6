import type { IdentityView } from '../../contract/user';
import { maskIdNumber, maskName } from '../../contract/user/id-number';
import type { IdentityFailReason } from '../../contract/user/items';
import { IDENTITIES } from '../collections';
import type { Ctx } from '../core/context';
import type { StoredDoc } from '../ports/document-store';
import { portOf } from './ports';

/**
 * IDV: one verification per account, `_id` = owner. Name and ID number are AES-GCM bound
 * to the owner and field. No photo: they are deleted once the verifier has answered
 * (issue 11 point 9), so nothing here points at one.
 */
export interface IdentityDoc extends StoredDoc {
  owner: string;
  status: 'verified' | 'failed';
  reason: IdentityFailReason | null;
  nameEnc: string;
  idNumberEnc: string;
  /** Which IdentityVerifier decided, for the record. */
  verifier: string;
  /** The separate sensitive-information consent (PIPL art. 29), given with this submission. */
  consentAt: string;
  submittedAt: string;
}

export const identityContext = (owner: string, field: 'nameEnc' | 'idNumberEnc') =>
  `identities.${field}:${owner}`;

/** Fields a record made before photos were deleted may still carry (see removeLegacyPhotos). */
export const LEGACY_PHOTO_FIELDS = ['idPhotoKey', 'idPhotoType', 'facePhotoKey', 'facePhotoType'];

/** The photo files of a record made when photos were still kept; removed on its next write. */
export async function removeLegacyPhotos(ctx: Ctx, doc: IdentityDoc): Promise<void> {
  const legacy = doc as IdentityDoc & { idPhotoKey?: unknown; facePhotoKey?: unknown };
  const keys = [legacy.idPhotoKey, legacy.facePhotoKey].filter(
    (k): k is string => typeof k === 'string',
  );
  const files = portOf(ctx, 'files');
  await Promise.all(keys.map((key) => files.remove(key)));
}

export function loadIdentity(ctx: Ctx, owner: string): Promise<IdentityDoc | null> {
  return ctx.store.get<IdentityDoc>(IDENTITIES.name, owner);
}

/** Masked fields only; the plaintext never leaves this function. */
export function identityView(ctx: Ctx, doc: IdentityDoc | null): IdentityView {
  if (!doc) {
    return {
      status: 'none',
      nameMasked: null,
      idMasked: null,
      verifier: null,
      submittedAt: null,
      consentAt: null,
    };
  }
  const crypto = portOf(ctx, 'crypto');
  return {
    status: doc.status,
    ...(doc.reason ? { reason: doc.reason } : {}),
    nameMasked: maskName(crypto.decrypt(doc.nameEnc, identityContext(doc.owner, 'nameEnc'))),
    idMasked: maskIdNumber(
      crypto.decrypt(doc.idNumberEnc, identityContext(doc.owner, 'idNumberEnc')),
    ),
    verifier: doc.verifier,
    submittedAt: doc.submittedAt,
    consentAt: doc.consentAt,
  };
}
