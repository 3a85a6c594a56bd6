/** The production IdentityVerifier: the exact Tencent Cloud faceid calls, never the network. */
import {
  createTencentFaceIdVerifier,
  tencentFaceIdConfigFromEnv,
} from '../../../../backend/adapters/cloudbase/tencent-faceid';
import {
  createCloudUserPorts,
  readCloudUserConfig,
  type UserCloud,
} from '../../../../backend/adapters/cloudbase/user-ports';
import { fileCryptoContext } from '../../../../backend/ports/files';
import { silentLogger } from '../../../../backend/ports/logger';
import { makeEnv, type TestEnv } from '../../support/env';
import { idNumber } from '../support';

const mockOcr = jest.fn();
const mockRecognition = jest.fn();
const mockClient = jest.fn().mockImplementation(() => ({
  IdCardOCRVerification: mockOcr,
  ImageRecognitionV2: mockRecognition,
}));
// The factory runs before the consts above exist, so it reaches them only when called.
jest.mock('tencentcloud-sdk-nodejs/tencentcloud/services/faceid/v20180301/faceid_client', () => ({
  Client: jest.fn((config: unknown) => mockClient(config)),
}));

const ENV = {
  IDENTITY_VERIFIER: 'tencent-faceid',
  TENCENTCLOUD_SECRET_ID: 'AKIDtest',
  TENCENTCLOUD_SECRET_KEY: 'secret-test',
};
const ID = idNumber('310104', '19900307', '123');
const NAME = '张三丰';
const ID_PHOTO = Buffer.from('id-card-photo-bytes');
const FACE_PHOTO = Buffer.from('face-photo-bytes');

let env: TestEnv;
beforeEach(() => {
  env = makeEnv();
  mockOcr.mockReset();
  mockRecognition.mockReset();
  mockClient.mockClear();
});
afterEach(() => env.close());

/** Both photos stored as submitIdentity stores them: encrypted, keyed. */
async function claim(over: { idNumber?: string; name?: string } = {}) {
  const put = async (key: string, plain: Buffer) => {
    await env.files.put(
      key,
      env.crypto.encryptBytes(plain, fileCryptoContext(key)),
      'application/octet-stream',
    );
    return key;
  };
  return {
    name: over.name ?? NAME,
    idNumber: over.idNumber ?? ID,
    idPhotoKey: await put('u/t/identity/a.bin', ID_PHOTO),
    facePhotoKey: await put('u/t/identity/b.bin', FACE_PHOTO),
  };
}

const verifier = (env_: NodeJS.ProcessEnv = ENV) =>
  createTencentFaceIdVerifier(tencentFaceIdConfigFromEnv(env_)!, {
    files: env.files,
    crypto: env.crypto,
    clock: env.clock,
  });

const cardOk = { Result: '0', Description: '成功', Name: NAME, IdCard: ID, Warnings: '' };
const faceOk = { Result: 'Success', Sim: 88.5, Description: '成功' };

describe('configuration from the environment only', () => {
  it('reads the choice and credentials; region ap-guangzhou and similarity 70 by default', () => {
    expect(tencentFaceIdConfigFromEnv(ENV)).toEqual({
      secretId: 'AKIDtest',
      secretKey: 'secret-test',
      region: 'ap-guangzhou',
      minSimilarity: 70,
    });
    expect(
      tencentFaceIdConfigFromEnv({
        ...ENV,
        TENCENT_FACEID_REGION: 'ap-shanghai',
        TENCENT_FACEID_MIN_SIMILARITY: '80',
      }),
    ).toMatchObject({ region: 'ap-shanghai', minSimilarity: 80 });
  });

  it('unset or builtin → null (the built-in verifier); anything half set throws', () => {
    expect(tencentFaceIdConfigFromEnv({})).toBeNull();
    expect(tencentFaceIdConfigFromEnv({ IDENTITY_VERIFIER: 'builtin' })).toBeNull();
    expect(() => tencentFaceIdConfigFromEnv({ IDENTITY_VERIFIER: 'faceid' })).toThrow(
      /tencent-faceid or builtin/,
    );
    expect(() => tencentFaceIdConfigFromEnv({ ...ENV, TENCENTCLOUD_SECRET_KEY: '' })).toThrow(
      /half configured: set TENCENTCLOUD_SECRET_KEY/,
    );
    // Below Tencent's recommended threshold, a false accept is more likely than 1/10,000.
    expect(() =>
      tencentFaceIdConfigFromEnv({ ...ENV, TENCENT_FACEID_MIN_SIMILARITY: '60' }),
    ).toThrow(/70–100/);
  });
});

describe('verifying', () => {
  it('builds the client, reads the card photo, then compares the face with the source', async () => {
    mockOcr.mockResolvedValue(cardOk);
    mockRecognition.mockResolvedValue(faceOk);
    const v = verifier();
    expect(await v.verify(await claim())).toEqual({ ok: true });
    expect(v.name).toBe('tencent-faceid-v1(sim>=70)');
    expect(mockClient).toHaveBeenCalledWith({
      credential: { secretId: 'AKIDtest', secretKey: 'secret-test' },
      region: 'ap-guangzhou',
      profile: { httpProfile: { endpoint: 'faceid.tencentcloudapi.com', reqTimeout: 8 } },
    });
    expect(mockOcr).toHaveBeenCalledTimes(1);
    expect(mockOcr).toHaveBeenCalledWith({
      ImageBase64: ID_PHOTO.toString('base64'),
      Config: JSON.stringify({
        CopyWarn: true,
        BorderCheckWarn: true,
        ReshootWarn: true,
        DetectPsWarn: true,
        TempIdWarn: true,
      }),
    });
    expect(mockRecognition).toHaveBeenCalledTimes(1);
    expect(mockRecognition).toHaveBeenCalledWith({
      IdCard: ID,
      Name: NAME,
      ImageBase64: FACE_PHOTO.toString('base64'),
    });
  });

  it('one client for every verification (the SDK module loads once)', async () => {
    mockOcr.mockResolvedValue(cardOk);
    mockRecognition.mockResolvedValue(faceOk);
    const v = verifier();
    await v.verify(await claim());
    await v.verify(await claim());
    expect(mockClient).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['similarity below 70', cardOk, { ...faceOk, Sim: 69.99 }, 'face_mismatch'],
    [
      'CompareLowSimilarity',
      cardOk,
      { Result: 'FailedOperation.CompareLowSimilarity' },
      'face_mismatch',
    ],
    [
      'no face in the photo',
      cardOk,
      { Result: 'FailedOperation.ImageNoFace' },
      'face_photo_unusable',
    ],
    [
      'no photo at the source',
      cardOk,
      { Result: 'FailedOperation.IdPhotoNoExist' },
      'source_photo_unavailable',
    ],
    [
      'name and number do not match',
      cardOk,
      { Result: 'FailedOperation.IdNameMisMatch' },
      'identity_mismatch',
    ],
    ['the card: name and number do not match', { Result: '-1' }, faceOk, 'identity_mismatch'],
    ['the card: no such card', { Result: '-5' }, faceOk, 'identity_mismatch'],
    ['the card: a copy', { ...cardOk, Warnings: '-9102' }, faceOk, 'id_photo_suspect'],
    [
      'the card reads another number',
      { ...cardOk, IdCard: idNumber('310104', '19900307', '456') },
      faceOk,
      'id_photo_mismatch',
    ],
    ['the card reads another name', { ...cardOk, Name: '张三' }, faceOk, 'id_photo_mismatch'],
  ])('%s', async (_what, card, face, reason) => {
    mockOcr.mockResolvedValue(card);
    mockRecognition.mockResolvedValue(face);
    expect(await verifier().verify(await claim())).toEqual({ ok: false, reason });
  });

  it('a stricter threshold from the environment is applied', async () => {
    mockOcr.mockResolvedValue(cardOk);
    mockRecognition.mockResolvedValue({ ...faceOk, Sim: 85 });
    const strict = verifier({ ...ENV, TENCENT_FACEID_MIN_SIMILARITY: '90' });
    expect(await strict.verify(await claim())).toEqual({ ok: false, reason: 'face_mismatch' });
  });

  it('a thrown FailedOperation about the face is an answer', async () => {
    mockOcr.mockResolvedValue(cardOk);
    mockRecognition.mockRejectedValue(
      Object.assign(new Error('low'), { code: 'FailedOperation.CompareLowSimilarity' }),
    );
    expect(await verifier().verify(await claim())).toEqual({
      ok: false,
      reason: 'face_mismatch',
    });
  });

  it('the service’s own trouble rejects: the user is not told they failed', async () => {
    mockOcr.mockResolvedValue({ Result: '-4', Description: '证件库服务异常' });
    await expect(verifier().verify(await claim())).rejects.toThrow(/-4/);
    mockOcr.mockResolvedValue(cardOk);
    mockRecognition.mockRejectedValue(
      Object.assign(new Error('AuthFailure.SecretIdNotFound'), { code: 'AuthFailure' }),
    );
    await expect(verifier().verify(await claim())).rejects.toThrow(/AuthFailure/);
    mockRecognition.mockResolvedValue({ Result: 'FailedOperation.UnKnown' });
    await expect(verifier().verify(await claim())).rejects.toThrow(/UnKnown/);
  });

  it('a minor or a missing photo costs no call', async () => {
    expect(
      await verifier().verify(await claim({ idNumber: idNumber('310104', '20100101') })),
    ).toEqual({
      ok: false,
      reason: 'underage',
    });
    const c = await claim();
    await env.files.remove(c.facePhotoKey);
    expect(await verifier().verify(c)).toEqual({ ok: false, reason: 'photo_missing' });
    expect(mockOcr).not.toHaveBeenCalled();
    expect(mockRecognition).not.toHaveBeenCalled();
  });
});

it('the installed SDK has the faceid client and both actions this adapter calls', () => {
  const { Client } = jest.requireActual<{
    Client: new (config: object) => Record<string, unknown>;
  }>('tencentcloud-sdk-nodejs/tencentcloud/services/faceid/v20180301/faceid_client');
  // Constructing a client sends nothing; only a call would.
  const real = new Client({
    credential: { secretId: 'a', secretKey: 'b' },
    region: 'ap-guangzhou',
  });
  expect(typeof real.IdCardOCRVerification).toBe('function');
  expect(typeof real.ImageRecognitionV2).toBe('function');
});

describe('the CloudBase wiring', () => {
  const SECRETS = {
    ZHUYI_MASTER_KEY: Buffer.alloc(32, 5).toString('base64'),
    TENCENT_SMS_SDK_APP_ID: '1400000001',
    TENCENT_SMS_SIGN_NAME: '上海助医',
    TENCENT_SMS_TEMPLATE_ID: '2000001',
    TENCENTCLOUD_SECRET_ID: 'AKIDtest',
    TENCENTCLOUD_SECRET_KEY: 'secret-test',
  };
  const portsFor = (vars: NodeJS.ProcessEnv) =>
    createCloudUserPorts(
      {} as unknown as UserCloud,
      env.store,
      silentLogger,
      readCloudUserConfig(vars),
    );

  it('selects faceid with IDENTITY_VERIFIER=tencent-faceid, the built-in one otherwise', () => {
    expect(portsFor({ ...SECRETS, IDENTITY_VERIFIER: 'tencent-faceid' }).verifier?.name).toBe(
      'tencent-faceid-v1(sim>=70)',
    );
    expect(portsFor(SECRETS).verifier?.name).toBe('builtin-local-only-v2');
    expect(() => portsFor({ ...SECRETS, IDENTITY_VERIFIER: 'other' })).toThrow(/IDENTITY_VERIFIER/);
  });
});
