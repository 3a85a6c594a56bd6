import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Clock } from '../../ports/clock';
import { assertFileKey, assertFilePrefix, type FileStore } from '../../ports/files';
import type { FileLinks } from './file-links';

export const FILES_DIR = 'files';
export const FILE_ROUTE_PREFIX = '/files/';

/** The type follows from the key's extension, which the server chose when it built the key. */
const TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  bin: 'application/octet-stream',
};

function typeOf(key: string): string {
  const type = TYPES[key.slice(key.lastIndexOf('.') + 1)];
  if (!type) throw new Error(`no content type for file key ${key}`);
  return type;
}

async function countFiles(dir: string): Promise<number> {
  let n = 0;
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    n += entry.isDirectory() ? await countFiles(join(dir, entry.name)) : 1;
  }
  return n;
}

/**
 * FileStore over a folder (`<dataDir>/files`). Paths come only from server-built keys
 * (assertFileKey), files are written whole (temp file + rename) with mode 0600, and links
 * go through the server's signed /files/<token> route.
 */
export function createLocalFileStore(options: {
  dir: string;
  links: FileLinks;
  clock: Clock;
}): FileStore {
  const pathOf = (key: string) => join(options.dir, ...assertFileKey(key).split('/'));
  return {
    async put(key, bytes, contentType) {
      if (typeOf(key) !== contentType)
        throw new Error(`file key ${key} does not match content type ${contentType}`);
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, bytes, { mode: 0o600 });
      await rename(temp, path);
    },
    async get(key) {
      try {
        return { bytes: await readFile(pathOf(key)), contentType: typeOf(key) };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
    async removePrefix(prefix) {
      const dir = join(options.dir, ...assertFilePrefix(prefix).split('/').filter(Boolean));
      const n = await countFiles(dir);
      await rm(dir, { recursive: true, force: true });
      return n;
    },
    async signedUrl(key, linkOptions) {
      return FILE_ROUTE_PREFIX + options.links.sign(key, linkOptions, options.clock.now());
    },
  };
}
