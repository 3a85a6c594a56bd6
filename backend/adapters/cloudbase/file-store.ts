import { createHash } from 'node:crypto';
import { FILES } from '../../collections';
import type { DocumentStore, StoredDoc } from '../../ports/document-store';
import { assertFileKey, assertFilePrefix, type FileStore } from '../../ports/files';
import { settle } from './docs';
import type { SdkResult } from './types';

/**
 * The part of wx-server-sdk's storage API the FileStore uses, shaped so the SDK's `cloud`
 * object is assignable to it (getTempFileURL and deleteFile are declared callback-or-promise).
 */
export interface CloudStorage {
  uploadFile(param: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  downloadFile(param: { fileID: string }): Promise<{ fileContent: Buffer }>;
  getTempFileURL(param: { fileList: Array<{ fileID: string; maxAge?: number }> }): SdkResult<{
    fileList: Array<{ fileID: string; tempFileURL: string; status: number; errMsg: string }>;
  }>;
  deleteFile(param: {
    fileList: string[];
  }): SdkResult<{ fileList: Array<{ fileID: string; status: number; errMsg: string }> }>;
}

interface FileDoc extends StoredDoc {
  key: string;
  fileID: string;
  contentType: string;
  size: number;
}

/** deleteFile and getTempFileURL take at most 50 files per call. */
const BATCH = 50;
/** Just above every character a key may hold, for a prefix range query. */
const PREFIX_END = '\u007f';

const docId = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 40);

/**
 * FileStore on CloudBase cloud storage. `cloudPath` is the key; the fileID CloudBase
 * answers with is kept in the `files` collection, because storage cannot be listed or
 * addressed by path from a function. Links are temporary URLs (getTempFileURL with maxAge);
 * they cannot be bound to a caller nor decrypt, so for encrypted files signedUrl is null.
 */
export function createCloudbaseFileStore(cloud: CloudStorage, store: DocumentStore): FileStore {
  const find = (key: string) => store.get<FileDoc>(FILES.name, docId(assertFileKey(key)));

  const deleteAll = async (docs: FileDoc[]) => {
    for (let i = 0; i < docs.length; i += BATCH) {
      const batch = docs.slice(i, i + BATCH);
      const { fileList } = await settle(cloud.deleteFile({ fileList: batch.map((d) => d.fileID) }));
      // status -1 / "not exist" means already gone; anything else keeps the index row for a retry.
      const failed = new Set(
        fileList
          .filter((f) => f.status !== 0 && !/not.?exist/i.test(f.errMsg))
          .map((f) => f.fileID),
      );
      for (const doc of batch) if (!failed.has(doc.fileID)) await store.remove(FILES.name, doc._id);
      if (failed.size > 0)
        throw new Error(`cloud storage kept ${failed.size} file(s) it was asked to delete`);
    }
  };

  return {
    async put(key, bytes, contentType) {
      const { fileID } = await cloud.uploadFile({
        cloudPath: assertFileKey(key),
        fileContent: bytes,
      });
      const fields = { key, fileID, contentType, size: bytes.length };
      if (!(await store.update(FILES.name, docId(key), { set: fields })))
        await store.insert(FILES.name, { _id: docId(key), ...fields });
    },
    async get(key) {
      const doc = await find(key);
      if (!doc) return null;
      const { fileContent } = await cloud.downloadFile({ fileID: doc.fileID });
      return { bytes: Buffer.from(fileContent), contentType: doc.contentType };
    },
    async remove(key) {
      const doc = await find(key);
      if (doc) await deleteAll([doc]);
    },
    async removePrefix(prefix) {
      assertFilePrefix(prefix);
      let removed = 0;
      for (;;) {
        const docs = await store.find<FileDoc>(
          FILES.name,
          { key: { $gte: prefix, $lt: prefix + PREFIX_END } },
          { limit: 200 },
        );
        if (docs.length === 0) return removed;
        await deleteAll(docs);
        removed += docs.length;
      }
    },
    async signedUrl(key, options) {
      if (options.decrypt) return null;
      const doc = await find(key);
      if (!doc) return null;
      const { fileList } = await settle(
        cloud.getTempFileURL({ fileList: [{ fileID: doc.fileID, maxAge: options.ttlSeconds }] }),
      );
      const entry = fileList[0];
      if (!entry || entry.status !== 0)
        throw new Error(`getTempFileURL failed: ${entry?.errMsg ?? 'no answer'}`);
      return entry.tempFileURL;
    },
  };
}
