import type { IdentityView } from '../../contract/user';
import { maskIdNumber, maskName } from '../../contract/user/id-number';
import {
  LINK_TTL_SECONDS,
  type IdentityFailReason,
  type ImageType,
} from '../../contract/user/items';
import { IDENTITIES } from '../collections';
import type { Ctx } from '../core/context';
import type { StoredDoc } from '../ports/document-store';
import { portOf } from './ports';

/**
 * IDV: one verification per account, `_id` = owner. Name and ID number are AES-GCM bound
 * to the owner and field; the photos are encrypted files whose keys are kept here.
 */
export interface IdentityDoc extends StoredDoc {
  owner: string;
  status: 'verified' | 'failed';
  reason: IdentityFailReason | null;
  nameEnc: string;
  idNumberEnc: string;
  idPhotoKey: string;
  idPhotoType: ImageType;
  facePhotoKey: string;
  facePhotoType: ImageType;
  /** Which IdentityVerifier decided, for the record. */
  verifier: string;
  /** The separate sensitive-information consent (PIPL art. 29), given with this submission. */
  consentAt: string;
  submittedAt: string;
}

export const identityContext = (owner: string, field: 'nameEnc' | 'idNumberEnc') =>
  `identities.${field}:${owner}`;

export function loadIdentity(ctx: Ctx, owner: string): Promise<IdentityDoc | null> {
  return ctx.store.get<IdentityDoc>(IDENTITIES.name, owner);
}

/** Masked fields and owner-only links; the plaintext never leaves this function. */
export async function identityView(ctx: Ctx, doc: IdentityDoc | null): Promise<IdentityView> {
  if (!doc) {
    return {
      status: 'none',
      nameMasked: null,
      idMasked: null,
      photos: null,
      submittedAt: null,
      consentAt: null,
    };
  }
  const crypto = portOf(ctx, 'crypto');
  const files = portOf(ctx, 'files');
  const link = (key: string) =>
    files.signedUrl(key, {
      ttlSeconds: LINK_TTL_SECONDS.identityPhoto,
      owner: doc.owner,
      decrypt: true,
    });
  return {
    status: doc.status,
    ...(doc.reason ? { reason: doc.reason } : {}),
    nameMasked: maskName(crypto.decrypt(doc.nameEnc, identityContext(doc.owner, 'nameEnc'))),
    idMasked: maskIdNumber(
      crypto.decrypt(doc.idNumberEnc, identityContext(doc.owner, 'idNumberEnc')),
    ),
    photos: { idPhoto: await link(doc.idPhotoKey), facePhoto: await link(doc.facePhotoKey) },
    submittedAt: doc.submittedAt,
    consentAt: doc.consentAt,
  };
}
