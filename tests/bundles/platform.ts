import { EventEmitter } from 'node:events';
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { PassThrough } from 'node:stream';
import type * as Sdk from 'wx-server-sdk';

/**
 * The platform around a built cloud function, for tests that load the bundles as CloudBase
 * does: cloud storage answered from memory, and the only outside service the bundles call
 * over HTTPS (Tencent Cloud SMS) answered in process. Nothing here touches the network: any
 * other HTTPS request fails the call that made it.
 */

/** Cloud storage: what `cloud.uploadFile` kept, by fileID. */
export interface EmulatedStorage {
  files: Map<string, Buffer>;
  restore(): void;
}

const STORAGE_METHODS = ['uploadFile', 'downloadFile', 'getTempFileURL', 'deleteFile'] as const;

/**
 * Replaces the four storage calls of the shared wx-server-sdk module (the bundles keep it
 * external and call it at call time), keyed the way CloudBase answers: `cloud://env/path`.
 */
export function emulateStorage(env: string): EmulatedStorage {
  const files = new Map<string, Buffer>();
  // The module object itself (an `import * as` copy would not reach the bundles).
  const sdk = jest.requireActual<typeof Sdk>('wx-server-sdk') as unknown as Record<
    (typeof STORAGE_METHODS)[number],
    unknown
  >;
  const saved = STORAGE_METHODS.map((name) => [name, sdk[name]] as const);
  const missing = (fileID: string) => ({ fileID, status: -1, errMsg: 'storage file not exist' });
  sdk.uploadFile = async (p: { cloudPath: string; fileContent: Buffer }) => {
    const fileID = `cloud://${env}.bucket/${p.cloudPath}`;
    files.set(fileID, Buffer.from(p.fileContent));
    return { fileID, statusCode: 204, errMsg: 'uploadFile:ok' };
  };
  sdk.downloadFile = async (p: { fileID: string }) => {
    const bytes = files.get(p.fileID);
    if (!bytes) throw new Error(`downloadFile:fail ${p.fileID} not exist`);
    return { fileContent: bytes, statusCode: 200, errMsg: 'downloadFile:ok' };
  };
  sdk.getTempFileURL = async (p: { fileList: Array<{ fileID: string; maxAge?: number }> }) => ({
    fileList: p.fileList.map(({ fileID, maxAge }) =>
      files.has(fileID)
        ? {
            fileID,
            tempFileURL: `https://${env}.tcb.qcloud.la/${fileID.split('/').slice(3).join('/')}?t=${maxAge ?? 0}`,
            status: 0,
            errMsg: 'ok',
          }
        : { ...missing(fileID), tempFileURL: '' },
    ),
  });
  sdk.deleteFile = async (p: { fileList: string[] }) => ({
    fileList: p.fileList.map((fileID) =>
      files.delete(fileID) ? { fileID, status: 0, errMsg: 'ok' } : missing(fileID),
    ),
  });
  return {
    files,
    restore: () => saved.forEach(([name, fn]) => (sdk[name] = fn)),
  };
}

/** One SendSms call as Tencent Cloud received it. */
export interface SentSms {
  phone: string;
  templateId: string;
  params: string[];
}

const SMS_HOST = 'sms.tencentcloudapi.com';

/**
 * Node's own `https` module object, the one the bundles' `require('https')` returns (an
 * `import * as` would hand jest.spyOn a copy made by the interop helper).
 */
const https = jest.requireActual<typeof import('node:https')>('node:https');

function sendSmsAnswer(body: string, sent: SentSms[]): string {
  const request = JSON.parse(body) as {
    PhoneNumberSet: string[];
    TemplateId: string;
    TemplateParamSet: string[];
  };
  for (const phone of request.PhoneNumberSet)
    sent.push({
      phone: phone.replace(/^\+86/, ''),
      templateId: request.TemplateId,
      params: request.TemplateParamSet,
    });
  const SendStatusSet = request.PhoneNumberSet.map((PhoneNumber) => ({
    PhoneNumber,
    Code: 'Ok',
    Message: 'send success',
    SerialNo: 'emulated',
    Fee: 1,
  }));
  return JSON.stringify({ Response: { SendStatusSet, RequestId: 'emulated-request' } });
}

/**
 * Tencent Cloud SMS answered in process: the bundled Tencent SDK (node-fetch) reaches
 * `https.request` of Node's shared module at call time, so replacing it here catches the real
 * SendSms request — signed and serialized by the shipped client — without a socket. A request
 * to any other host fails: the bundles must not reach the network in tests.
 */
export function emulateTencentSms(): { sent: SentSms[]; restore(): void } {
  const sent: SentSms[] = [];
  const spy = jest.spyOn(https, 'request').mockImplementation(((options: RequestOptions) => {
    const req = Object.assign(new EventEmitter(), {
      chunks: [] as Buffer[],
      write(chunk: string | Buffer) {
        req.chunks.push(Buffer.from(chunk));
        return true;
      },
      end(chunk?: string | Buffer) {
        if (chunk) req.write(chunk);
        setImmediate(() => {
          if (options.hostname !== SMS_HOST && options.host !== SMS_HOST) {
            req.emit('error', new Error(`tests reach no network: ${options.hostname}`));
            return;
          }
          const res = Object.assign(new PassThrough(), {
            statusCode: 200,
            statusMessage: 'OK',
            headers: { 'content-type': 'application/json' },
          });
          req.emit('response', res as unknown as IncomingMessage);
          res.end(sendSmsAnswer(Buffer.concat(req.chunks).toString('utf8'), sent));
        });
        return req;
      },
      abort: () => undefined,
      destroy: () => undefined,
      setTimeout: () => req,
    });
    return req as unknown as ClientRequest;
  }) as typeof https.request);
  return { sent, restore: () => spy.mockRestore() };
}
