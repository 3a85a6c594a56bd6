/** The CloudBase FileStore and WeChat phone adapters: the exact wx-server-sdk calls. */
import {
  createCloudbaseFileStore,
  type CloudStorage,
} from '../../../../backend/adapters/cloudbase/file-store';
import {
  createCloudWeChatPhone,
  type PhoneNumberOpenApi,
} from '../../../../backend/adapters/cloudbase/wechat-phone';
import { openSqliteStore } from '../../../../backend/adapters/sqlite';
import { COLLECTIONS, FILES } from '../../../../backend/collections';
import { silentLogger } from '../../../../backend/ports/logger';

function fakeCloud() {
  const blobs = new Map<string, Buffer>();
  const cloud = {
    uploadFile: jest.fn(
      async ({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) => {
        const fileID = `cloud://env-1.bucket/${cloudPath}`;
        blobs.set(fileID, fileContent);
        return { fileID, statusCode: 200, errMsg: 'uploadFile:ok' };
      },
    ),
    downloadFile: jest.fn(async ({ fileID }: { fileID: string }) => ({
      fileContent: blobs.get(fileID) ?? Buffer.alloc(0),
      statusCode: 200,
    })),
    getTempFileURL: jest.fn(
      async ({ fileList }: { fileList: Array<{ fileID: string; maxAge?: number }> }) => ({
        fileList: fileList.map((f) => ({
          fileID: f.fileID,
          tempFileURL: `https://env-1.tcb.qcloud.la/${f.fileID.split('/').slice(3).join('/')}?sign=x&t=${f.maxAge}`,
          maxAge: f.maxAge ?? 86400,
          status: 0,
          errMsg: 'ok',
        })),
      }),
    ),
    deleteFile: jest.fn(async ({ fileList }: { fileList: string[] }) => {
      fileList.forEach((id) => blobs.delete(id));
      return { fileList: fileList.map((fileID) => ({ fileID, status: 0, errMsg: 'ok' })) };
    }),
  };
  return { cloud: cloud satisfies CloudStorage, blobs };
}

describe('CloudBase FileStore', () => {
  const setup = () => {
    const store = openSqliteStore({ file: ':memory:', collections: COLLECTIONS });
    const { cloud, blobs } = fakeCloud();
    return { store, cloud, blobs, files: createCloudbaseFileStore(cloud, store) };
  };

  it('uploads by cloudPath = key, downloads by the fileID it was given, links with maxAge', async () => {
    const { store, cloud, files } = setup();
    await files.put('u/abc/avatar/1.png', Buffer.from('png-bytes'), 'image/png');
    expect(cloud.uploadFile).toHaveBeenCalledWith({
      cloudPath: 'u/abc/avatar/1.png',
      fileContent: Buffer.from('png-bytes'),
    });
    expect(await files.get('u/abc/avatar/1.png')).toEqual({
      bytes: Buffer.from('png-bytes'),
      contentType: 'image/png',
    });
    expect(cloud.downloadFile).toHaveBeenCalledWith({
      fileID: 'cloud://env-1.bucket/u/abc/avatar/1.png',
    });
    const url = await files.signedUrl('u/abc/avatar/1.png', { ttlSeconds: 3600 });
    expect(cloud.getTempFileURL).toHaveBeenCalledWith({
      fileList: [{ fileID: 'cloud://env-1.bucket/u/abc/avatar/1.png', maxAge: 3600 }],
    });
    expect(url).toBe('https://env-1.tcb.qcloud.la/u/abc/avatar/1.png?sign=x&t=3600');
    expect(await files.get('u/abc/avatar/none.png')).toBeNull();
    await store.close();
  });

  it('cannot serve decrypted links: null, and no temporary URL to the ciphertext is made', async () => {
    const { store, cloud, files } = setup();
    await files.put('u/abc/identity/2.bin', Buffer.from('enc'), 'application/octet-stream');
    expect(
      await files.signedUrl('u/abc/identity/2.bin', { ttlSeconds: 300, owner: 'o', decrypt: true }),
    ).toBeNull();
    expect(cloud.getTempFileURL).not.toHaveBeenCalled();
    await store.close();
  });

  it('removes one file or a whole prefix with deleteFile, and forgets their fileIDs', async () => {
    const { store, cloud, blobs, files } = setup();
    for (const key of ['u/abc/avatar/1.png', 'u/abc/identity/2.bin', 'u/abcd/avatar/3.png'])
      await files.put(
        key,
        Buffer.from(key),
        key.endsWith('.bin') ? 'application/octet-stream' : 'image/png',
      );
    await files.remove('u/abcd/avatar/3.png');
    expect(cloud.deleteFile).toHaveBeenLastCalledWith({
      fileList: ['cloud://env-1.bucket/u/abcd/avatar/3.png'],
    });
    expect(await files.removePrefix('u/abc/')).toBe(2);
    expect(cloud.deleteFile).toHaveBeenLastCalledWith({
      fileList: expect.arrayContaining([
        'cloud://env-1.bucket/u/abc/avatar/1.png',
        'cloud://env-1.bucket/u/abc/identity/2.bin',
      ]),
    });
    expect(blobs.size).toBe(0);
    expect(await store.count(FILES.name, {})).toBe(0);
    await files.remove('u/abc/avatar/1.png'); // already gone: no call
    expect(cloud.deleteFile).toHaveBeenCalledTimes(2);
    await store.close();
  });
});

describe('CloudBase WeChatPhone', () => {
  const openapi = (impl: PhoneNumberOpenApi['phonenumber']['getPhoneNumber']) => ({
    phonenumber: { getPhoneNumber: jest.fn(impl) },
  });

  it('exchanges the code through cloud.openapi.phonenumber.getPhoneNumber', async () => {
    const api = openapi(async () => ({
      errCode: 0,
      errMsg: 'openapi.phonenumber.getPhoneNumber:ok',
      phoneInfo: {
        phoneNumber: '+86 13812345678',
        purePhoneNumber: '13812345678',
        countryCode: 86,
      },
    }));
    const phone = createCloudWeChatPhone(api, silentLogger);
    expect(await phone.getPhoneNumber('code-1')).toEqual({
      phone: '13812345678',
      countryCode: '86',
    });
    expect(api.phonenumber.getPhoneNumber).toHaveBeenCalledWith({ code: 'code-1' });
  });

  it('a refusal or an exception is FAILED_PRECONDITION wechat_phone_failed', async () => {
    const refused = createCloudWeChatPhone(
      openapi(async () => ({ errCode: 40029, errMsg: 'invalid code' })),
      silentLogger,
    );
    await expect(refused.getPhoneNumber('c')).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      details: { reason: 'wechat_phone_failed' },
    });
    const thrown = createCloudWeChatPhone(
      openapi(async () => {
        throw new Error('errCode: -604101 no permission');
      }),
      silentLogger,
    );
    await expect(thrown.getPhoneNumber('c')).rejects.toMatchObject({
      details: { reason: 'wechat_phone_failed' },
    });
  });
});
