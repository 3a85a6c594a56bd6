import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sniffAttachmentType } from '../contract/records/file-type';
import { createFileLinks } from '../backend/adapters/local/file-links';
import type { Clock } from '../backend/ports/clock';
import type { Crypto } from '../backend/ports/crypto';
import { fileCryptoContext, type FileStore } from '../backend/ports/files';

/**
 * `GET /files/<token>`: the local twin of a cloud storage temporary URL, for the links the
 * local FileStore signs (backend/adapters/local/file-links.ts). A link bound to an owner
 * works only with that browser's identity cookie; an encrypted file is decrypted here and
 * only here. Every failure — bad signature, expired, someone else's, missing — is the same
 * 404, so a link reveals nothing by how it fails.
 */
export interface FilesRouteOptions {
  files: FileStore;
  crypto: Crypto;
  clock: Clock;
  /** The caller's openid from an existing identity cookie, or null (never issues one). */
  openidOf(request: FastifyRequest): string | null;
}

export function registerFiles(app: FastifyInstance, options: FilesRouteOptions): void {
  const links = createFileLinks(options.crypto);
  // A wildcard, not '/files/:token': tokens are longer than a path parameter may be (100).
  app.get<{ Params: { '*': string } }>('/files/*', async (request, reply) => {
    const notFound = () => reply.code(404).type('text/plain; charset=utf-8').send('Not Found');
    const now = options.clock.now();
    const claims = links.verify(request.params['*'], now);
    if (!claims) return notFound();
    if (claims.ownerHash !== null) {
      const openid = options.openidOf(request);
      if (!openid || !options.crypto.equal(links.ownerHash(openid), claims.ownerHash))
        return notFound();
    }
    const stored = await options.files.get(claims.key);
    if (!stored) return notFound();
    let bytes = stored.bytes;
    let type = stored.contentType;
    if (claims.decrypt) {
      bytes = options.crypto.decryptBytes(bytes, fileCryptoContext(claims.key));
      type = sniffAttachmentType(bytes.subarray(0, 12)) ?? 'application/octet-stream';
    }
    const maxAge = Math.max(0, claims.expiresAt - Math.floor(now.getTime() / 1000));
    return reply
      .type(type)
      .header(
        'cache-control',
        claims.ownerHash !== null || claims.decrypt
          ? 'private, no-store'
          : `private, max-age=${maxAge}`,
      )
      .header('content-disposition', 'inline')
      .send(bytes);
  });
}
