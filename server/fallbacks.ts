import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Envelope } from '../contract/envelope';
import { failure, isApiPath, sendEnvelope } from './api';
import { isPagePath, type Site } from './site';

/**
 * What the client sees when no handler answered: errors raised by fastify itself (body too
 * large, not JSON, bad URL), unknown routes, and page paths for the single-page app. Under
 * /api everything is an envelope; nowhere does a stack trace or internal message leave.
 */

export const BODY_LIMIT_BYTES = 1024 * 1024;

function messageFor(err: FastifyError): string {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return '请求必须是 JSON（Content-Type: application/json）';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return '请求体为空，应为 JSON 对象 { action, data }';
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return '请求体长度与 Content-Length 不符';
    case 'FST_ERR_BAD_URL':
      return '请求地址无效';
    default:
      return err instanceof SyntaxError || /JSON/i.test(err.code ?? '')
        ? '请求体不是合法的 JSON'
        : '请求无效';
  }
}

/** The envelope and HTTP status for an error fastify (or a plugin) raised. */
export function envelopeForError(
  err: FastifyError,
  limitBytes = BODY_LIMIT_BYTES,
): { status: number; envelope: Envelope<never> } {
  const status = err.statusCode ?? 500;
  if (status === 413) {
    // The limit of the route that refused it (/api/user takes photos, the rest 1 MB).
    const mb = `${Math.round((limitBytes / (1024 * 1024)) * 10) / 10} MB`;
    return {
      status: 413,
      envelope: failure(
        'INVALID_ARGUMENT',
        `请求体超过 ${mb} 上限 (request body exceeds ${mb})`,
        'body',
      ),
    };
  }
  if (status >= 400 && status < 500) {
    const where = err.code === 'FST_ERR_BAD_URL' ? 'url' : 'body';
    return { status: 400, envelope: failure('INVALID_ARGUMENT', messageFor(err), where) };
  }
  return { status: 500, envelope: failure('INTERNAL', '服务暂时不可用，请稍后重试') };
}

export function handleError(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { status, envelope } = envelopeForError(err, request.routeOptions?.bodyLimit);
  if (status >= 500) request.log.error({ err }, 'request failed');
  if (isApiPath(request.url)) return sendEnvelope(reply, envelope, status);
  const text =
    status === 413 ? 'Payload Too Large' : status >= 500 ? 'Internal Server Error' : 'Bad Request';
  return reply.code(status).type('text/plain; charset=utf-8').send(text);
}

export function installFallbacks(app: FastifyInstance, site: Site): void {
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0];
    if (isApiPath(request.url)) {
      return sendEnvelope(
        reply,
        failure(
          'NOT_FOUND',
          `接口不存在：请用 POST /api/<云函数名> 调用 (${request.method} ${path.slice(0, 80)})`,
        ),
      );
    }
    if ((request.method === 'GET' || request.method === 'HEAD') && isPagePath(path)) {
      return site.sendPage(reply);
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('Not Found');
  });
}
