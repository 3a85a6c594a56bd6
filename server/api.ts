import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HTTP_STATUS, type ApiErrorBody, type Envelope } from '../contract/envelope';
import type { BackendFunction } from '../backend/core/action';
import type { Caller, Ctx, Ports } from '../backend/core/context';
import { dispatch } from '../backend/core/dispatch';

/** `POST /api/<fn>` with `{ action, data }`: the local twin of `wx.cloud.callFunction`. */

const MAX_LOGGED_NAME = 64;

export function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

/** Sends an envelope with the HTTP status its error code maps to (or `status`, for 413). */
export function sendEnvelope(
  reply: FastifyReply,
  envelope: Envelope<unknown>,
  status?: number,
): FastifyReply {
  if (!envelope.ok) {
    const retry = envelope.error.details?.retryAfterSeconds;
    if (typeof retry === 'number' && retry > 0)
      reply.header('retry-after', String(Math.ceil(retry)));
  }
  const code = status ?? (envelope.ok ? 200 : (HTTP_STATUS[envelope.error.code] ?? 500));
  return reply.code(code).type('application/json; charset=utf-8').send(envelope);
}

export function failure(
  code: ApiErrorBody['code'],
  message: string,
  path?: string,
): Envelope<never> {
  return {
    ok: false,
    error: { code, message, ...(path ? { details: { issues: [{ path, message }] } } : {}) },
  };
}

/** The function name in an API URL, for the log line (also for URLs no route matched). */
function fnFromUrl(url: string): string | null {
  const path = url.split('?')[0];
  const name = path.startsWith('/api/') ? path.slice(5).split('/')[0] : '';
  return name ? name.slice(0, MAX_LOGGED_NAME) : null;
}

export interface ApiOptions {
  functions: Readonly<Record<string, BackendFunction>>;
  ports: Ports;
  /**
   * The caller, read only when a handler (or the requirements table) needs one: on H5 the
   * first read issues the identity cookie, so browse-only calls never set it (issue 11 point 3).
   */
  callerOf(request: FastifyRequest): Caller | null;
  /** Larger body limits (bytes) for functions that take uploads, by function name. */
  bodyLimits?: Readonly<Record<string, number>>;
}

export function registerApi(app: FastifyInstance, options: ApiOptions): void {
  const { functions, ports, callerOf } = options;
  const actions = new WeakMap<FastifyRequest, string>();

  const handle = async (name: string, request: FastifyRequest, reply: FastifyReply) => {
    const body = request.body as { action?: unknown } | null | undefined;
    if (typeof body?.action === 'string')
      actions.set(request, body.action.slice(0, MAX_LOGGED_NAME));

    const fn = Object.hasOwn(functions, name) ? functions[name] : undefined;
    if (!fn) {
      return sendEnvelope(
        reply,
        failure('NOT_FOUND', `没有云函数 ${name.slice(0, MAX_LOGGED_NAME)}`),
      );
    }
    // Identity comes from the session cookie only; a body claiming an openid is just data.
    let caller: Caller | null | undefined;
    const ctx = Object.defineProperty(
      { ...ports, log: request.log, caller: null } as Ctx,
      'caller',
      {
        enumerable: true,
        get: () => (caller === undefined ? (caller = callerOf(request)) : caller),
      },
    );
    return sendEnvelope(reply, await dispatch(fn, request.body, ctx));
  };
  app.post<{ Params: { fn: string } }>('/api/:fn', (request, reply) =>
    handle(request.params.fn, request, reply),
  );
  // A static route wins over '/api/:fn', so a function that takes uploads gets its own limit.
  for (const [name, bodyLimit] of Object.entries(options.bodyLimits ?? {})) {
    app.post(`/api/${name}`, { bodyLimit }, (request, reply) => handle(name, request, reply));
  }

  // Exactly one line per API request, whatever answered it (handler, 404, parse error, 413).
  app.addHook('onResponse', async (request, reply) => {
    if (!isApiPath(request.url)) return;
    request.log.info(
      {
        fn: fnFromUrl(request.url),
        action: actions.get(request) ?? null,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 100) / 100,
      },
      'api',
    );
  });
}
