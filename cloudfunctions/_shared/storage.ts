import type * as Sdk from 'wx-server-sdk';
import type { ConsultCloud } from '../../backend/adapters/cloudbase/consult-ports';
import type { CloudStorage } from '../../backend/adapters/cloudbase/file-store';

/**
 * The SDK pieces the CloudBase adapters take, bound to a function's initialised SDK. Only
 * types come from wx-server-sdk here (each function passes its own `cloud` in), so this file
 * bundles into every function that uses it.
 */
type WxSdk = typeof Sdk;

/** Cloud storage (FileStore on CloudBase). */
export function cloudStorageOf(cloud: WxSdk): CloudStorage {
  return {
    uploadFile: (param) => cloud.uploadFile(param),
    downloadFile: (param) => cloud.downloadFile(param),
    getTempFileURL: (param) => cloud.getTempFileURL(param),
    deleteFile: (param) => cloud.deleteFile(param),
  };
}

/** Storage plus WeChat Pay and subscribe messages, for the consult functions. */
export function consultCloudOf(cloud: WxSdk): ConsultCloud {
  return {
    ...cloudStorageOf(cloud),
    // cloudPay is missing from the SDK's types; it exists at run time (SDK ≥ 2.0.2).
    cloudPay: (cloud as unknown as Pick<ConsultCloud, 'cloudPay'>).cloudPay,
    // The SDK types openapi as Record<string, any>; config.json grants subscribeMessage.send.
    openapi: cloud.openapi as unknown as ConsultCloud['openapi'],
  };
}
