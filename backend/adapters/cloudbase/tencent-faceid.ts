import type { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/faceid/v20180301/faceid_client';
import { ageOn, checkIdNumber } from '../../../contract/user/id-number';
import { MIN_IDENTITY_AGE, type IdentityFailReason } from '../../../contract/user/items';
import type { Clock } from '../../ports/clock';
import type { Crypto } from '../../ports/crypto';
import { fileCryptoContext, type FileStore } from '../../ports/files';
import { chinaToday } from '../../patients/model';
import type {
  IdentityClaim,
  IdentityVerifier,
  VerificationResult,
} from '../../ports/identity-verifier';

/**
 * IDV in production (issue 11 point 9): Tencent Cloud 人脸核身 (faceid, API 2018-03-01), two
 * calls against the authoritative identity source:
 *   1. IdCardOCRVerification with the ID card photo: the card is read, its name and number are
 *      checked against the source, and copies, re-shoots and edited cards are flagged; what it
 *      read must be what the user typed.
 *   2. ImageRecognitionV2 with the face photo, name and number: the similarity of the face to
 *      the source's photo; Tencent recommends ≥ 70 (its fixed threshold, 1/10,000 false
 *      accepts), lower settings are refused.
 * Configured only by the environment:
 *   IDENTITY_VERIFIER=tencent-faceid   selects this verifier (otherwise the built-in one)
 *   TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY  a key allowed faceid:IdCardOCRVerification
 *                                      and faceid:ImageRecognitionV2 (the SMS key may be reused)
 *   TENCENT_FACEID_REGION              optional, default ap-guangzhou
 *   TENCENT_FACEID_MIN_SIMILARITY      optional, 70–100, default 70
 */
export interface TencentFaceIdConfig {
  secretId: string;
  secretKey: string;
  region: string;
  minSimilarity: number;
}

/** Tencent's recommended and lowest sensible threshold (ImageRecognitionV2 `Sim`). */
export const FACEID_MIN_SIMILARITY = 70;

/** The configuration when IDENTITY_VERIFIER=tencent-faceid, else null; a partial one throws. */
export function tencentFaceIdConfigFromEnv(env: NodeJS.ProcessEnv): TencentFaceIdConfig | null {
  const chosen = env.IDENTITY_VERIFIER?.trim();
  if (!chosen || chosen === 'builtin') return null;
  if (chosen !== 'tencent-faceid')
    throw new Error(`IDENTITY_VERIFIER must be tencent-faceid or builtin, not ${chosen}`);
  const missing = ['TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY'].filter((n) => !env[n]);
  if (missing.length > 0)
    throw new Error(`Tencent Cloud faceid is half configured: set ${missing.join(', ')}`);
  const raw = env.TENCENT_FACEID_MIN_SIMILARITY?.trim();
  const minSimilarity = raw ? Number(raw) : FACEID_MIN_SIMILARITY;
  if (!(minSimilarity >= FACEID_MIN_SIMILARITY && minSimilarity <= 100))
    throw new Error(`TENCENT_FACEID_MIN_SIMILARITY must be 70–100, not ${raw}`);
  return {
    secretId: String(env.TENCENTCLOUD_SECRET_ID),
    secretKey: String(env.TENCENTCLOUD_SECRET_KEY),
    region: env.TENCENT_FACEID_REGION?.trim() || 'ap-guangzhou',
    minSimilarity,
  };
}

/** IdCardOCRVerification `Result`: the answers that are the user's, not the service's. */
const OCR_RESULTS: Record<string, IdentityFailReason> = {
  '-1': 'identity_mismatch',
  '-2': 'format',
  '-3': 'name',
  '-5': 'identity_mismatch',
};

/**
 * faceid `FailedOperation.*` codes (ImageRecognitionV2 `Result`, or the code of the error the
 * SDK throws) that describe the claim or the photo. Any other code is the service's trouble
 * and rejects, so the user is not told that they failed.
 */
const FAILED_OPERATIONS: Record<string, IdentityFailReason> = {
  IdNameMisMatch: 'identity_mismatch',
  IdNoExistSystem: 'identity_mismatch',
  IdFormatError: 'format',
  NameFormatError: 'name',
  CompareLowSimilarity: 'face_mismatch',
  CompareFail: 'face_mismatch',
  ImageDecodeFailed: 'face_photo_unusable',
  ImageNoFace: 'face_photo_unusable',
  ImageBlur: 'face_photo_unusable',
  ImageSizeTooLarge: 'face_photo_unusable',
  LifePhotoDetectFaces: 'face_photo_unusable',
  LifePhotoDetectNoFaces: 'face_photo_unusable',
  LifePhotoPoorQuality: 'face_photo_unusable',
  LifePhotoSizeError: 'face_photo_unusable',
  IdPhotoNoExist: 'source_photo_unavailable',
  IdPhotoPoorQuality: 'source_photo_unavailable',
};

const failedOperation = (code: string | undefined): IdentityFailReason | undefined =>
  code ? FAILED_OPERATIONS[code.replace(/^FailedOperation\./, '')] : undefined;

/** Warnings asked for in Config: a copy, a re-shoot, an edited or a temporary card. */
const OCR_CONFIG = JSON.stringify({
  CopyWarn: true,
  BorderCheckWarn: true,
  ReshootWarn: true,
  DetectPsWarn: true,
  TempIdWarn: true,
});

/**
 * Only the faceid client module, loaded on the first verification: the package's index pulls
 * in every Tencent Cloud service, and the HTTP stack would otherwise be evaluated on every cold
 * start of the `user` function, most of which verify no one.
 */
const loadClient = async (): Promise<typeof Client> =>
  (await import('tencentcloud-sdk-nodejs/tencentcloud/services/faceid/v20180301/faceid_client'))
    .Client;

export function createTencentFaceIdVerifier(
  config: TencentFaceIdConfig,
  deps: { files: FileStore; crypto: Crypto; clock: Clock },
): IdentityVerifier {
  let client: Promise<Client> | null = null;
  // Two calls of at most 8 s each fit the user function's 20 s timeout (cloudbaserc.json).
  const clientOnce = () =>
    (client ??= loadClient().then(
      (FaceIdClient) =>
        new FaceIdClient({
          credential: { secretId: config.secretId, secretKey: config.secretKey },
          region: config.region,
          profile: { httpProfile: { endpoint: 'faceid.tencentcloudapi.com', reqTimeout: 8 } },
        }),
    ));
  const photo = async (key: string): Promise<string | null> => {
    const stored = await deps.files.get(key);
    if (!stored) return null;
    return deps.crypto.decryptBytes(stored.bytes, fileCryptoContext(key)).toString('base64');
  };
  /** A thrown FailedOperation that is about the claim is an answer, anything else an outage. */
  const answerOf = (err: unknown): VerificationResult => {
    const code = (err as { code?: unknown } | null)?.code;
    const reason = failedOperation(typeof code === 'string' ? code : undefined);
    if (reason) return { ok: false, reason };
    throw err;
  };

  async function verify(claim: IdentityClaim): Promise<VerificationResult> {
    // The account holder must be an adult, as with the built-in verifier; a minor costs no call.
    const id = checkIdNumber(claim.idNumber);
    if (!id.ok) return { ok: false, reason: id.reason };
    if (ageOn(id.birthDate, chinaToday(deps.clock.now())) < MIN_IDENTITY_AGE)
      return { ok: false, reason: 'underage' };
    const [idPhoto, facePhoto] = await Promise.all([
      photo(claim.idPhotoKey),
      photo(claim.facePhotoKey),
    ]);
    if (!idPhoto || !facePhoto) return { ok: false, reason: 'photo_missing' };
    const faceid = await clientOnce();

    const card = await faceid.IdCardOCRVerification({ ImageBase64: idPhoto, Config: OCR_CONFIG });
    if (card.Result !== '0') {
      const reason = OCR_RESULTS[card.Result ?? ''];
      if (reason) return { ok: false, reason };
      throw new Error(`Tencent faceid IdCardOCRVerification: ${card.Result} ${card.Description}`);
    }
    if (card.Warnings) return { ok: false, reason: 'id_photo_suspect' };
    if (card.IdCard?.toUpperCase() !== claim.idNumber || card.Name !== claim.name)
      return { ok: false, reason: 'id_photo_mismatch' };

    const face = await faceid.ImageRecognitionV2({
      IdCard: claim.idNumber,
      Name: claim.name,
      ImageBase64: facePhoto,
    });
    if (face.Result !== 'Success') {
      const reason = failedOperation(face.Result);
      if (reason) return { ok: false, reason };
      throw new Error(`Tencent faceid ImageRecognitionV2: ${face.Result} ${face.Description}`);
    }
    if ((face.Sim ?? 0) < config.minSimilarity) return { ok: false, reason: 'face_mismatch' };
    return { ok: true };
  }

  return {
    name: `tencent-faceid-v1(sim>=${config.minSimilarity})`,
    verify: (claim) => verify(claim).catch(answerOf),
  };
}
