import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { join } from 'node:path';
import { createLocalPorts } from '../backend/adapters/local/ports';
import type { BackendFunction } from '../backend/core/action';
import type { Caller, Ports } from '../backend/core/context';
import { FUNCTIONS } from '../backend/functions';
import { isApiPath, registerApi } from './api';
import { USER_REQUEST_MAX_BYTES } from '../contract/user/items';
import { CONSULT_REQUEST_MAX_BYTES } from '../contract/consult/items';
import { RECORDS_REQUEST_MAX_BYTES } from '../contract/records/items';
import { CALL_REQUEST_MAX_BYTES } from '../contract/call/items';
import { isLocalRealtime } from '../backend/adapters/local/realtime-hub';
import { BODY_LIMIT_BYTES, handleError, installFallbacks } from './fallbacks';
import { registerFiles } from './files';
import { NON_DOCUMENT_CSP, securityHeadersFor } from './headers';
import { registerLoadShedding } from './overload';
import { registerRealtime } from './realtime';
import { startConsultSweep } from './sweep';
import { createIdentityIssuer } from './identity';
import { loadOrCreateSecret } from './secret';
import { registerSite } from './site';

/** Ports the server closes when it closes (the store, if it can be closed). */
export type ServerPorts = Ports & { store: Ports['store'] & { close?: () => unknown } };

export interface BuildServerOptions {
  /** Holds secret.key and (unless `ports` is given) zhuyi.sqlite. */
  dataDir: string;
  /** Backend functions by wire name; defaults to every function in backend/functions.ts. */
  functions?: Readonly<Record<string, BackendFunction>>;
  /** pino settings; `false` for silence. Default: info level to stdout. */
  logger?: false | { level?: string; stream?: NodeJS.WritableStream };
  /** Already-open ports (e.g. after seeding); the server takes them over and closes the store. */
  ports?: ServerPorts;
  /** The Taro H5 build to serve; default `<repo>/dist-h5`. */
  distDir?: string;
  /** Believe X-Forwarded-For / X-Forwarded-Proto (TRUST_PROXY=1 behind a reverse proxy). */
  trustProxy?: boolean;
  /** Always mark identity cookies Secure (NODE_ENV=production). */
  production?: boolean;
  /** The consultation sweep's interval (server/sweep.ts); false: no sweep (tests, benches). */
  sweepIntervalMs?: number | false;
  /** SSE heartbeat interval for /api/consult/events (default 15 s). */
  sseHeartbeatMs?: number;
  /** Shed load (503 RATE_LIMITED) past this event-loop delay, ms; false: never (default 200). */
  maxEventLoopDelayMs?: number | false;
}

export const DEFAULT_DIST_DIR = join(__dirname, '..', 'dist-h5');

/** The local runtime: H5 app, `/api/<fn>` over the shared handlers, anonymous identity. */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const secret = loadOrCreateSecret(options.dataDir);
  const ports: ServerPorts = options.ports ?? createLocalPorts({ dataDir: options.dataDir });
  const functions =
    options.functions ?? (FUNCTIONS as unknown as Readonly<Record<string, BackendFunction>>);

  const production = options.production === true;
  const app = Fastify({
    logger: options.logger === false ? false : { level: 'info', ...options.logger },
    // Our own single line per API request replaces fastify's two (see api.ts).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    // SEC: fastify answers these (a malformed URL's 400) before any hook; set the headers here.
    frameworkErrors: (err, request, reply) => {
      reply.headers(securityHeadersFor('text/plain', () => NON_DOCUMENT_CSP, production));
      return handleError(err, request, reply);
    },
  });
  app.addHook('onClose', async () => {
    await ports.store.close?.();
  });
  // Node's server.close() waits for keep-alive sockets; answers sent while closing say
  // `Connection: close` so each socket ends with its in-flight request.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });

  try {
    // JSON only: a text/plain POST is what a cross-site form can send without a preflight.
    app.removeContentTypeParser('text/plain');

    const issuer = createIdentityIssuer(secret);
    const isSecure = (request: FastifyRequest) =>
      options.production === true || request.protocol === 'https';
    const callers = new WeakMap<FastifyRequest, Caller>();
    // Issue 11 point 3: no identifier before consent. Pages never set the identity cookie;
    // an API call sets it only when its handler reads the caller (api.ts), i.e. when an
    // identity is needed (privacy.recordConsent, a signed-in action) — never for catalog.
    const callerOf = (request: FastifyRequest, reply: FastifyReply): Caller => {
      const known = callers.get(request);
      if (known) return known;
      const identity = issuer.resolve(request.headers.cookie, isSecure(request));
      if (identity.setCookie) reply.header('set-cookie', identity.setCookie);
      const caller = { openid: identity.openid, clientIp: request.ip ?? null };
      callers.set(request, caller);
      return caller;
    };
    const replies = new WeakMap<FastifyRequest, FastifyReply>();
    app.addHook('onRequest', async (request, reply) => {
      if (isApiPath(request.url)) replies.set(request, reply);
    });

    if (options.maxEventLoopDelayMs !== false)
      registerLoadShedding(app, options.maxEventLoopDelayMs);
    const site = await registerSite(app, options.distDir ?? DEFAULT_DIST_DIR);
    app.addHook('onSend', async (request, reply, payload) => {
      const type = String(reply.getHeader('content-type') ?? '');
      reply.headers(securityHeadersFor(type, () => site.documentCsp(), production));
      if (isApiPath(request.url)) reply.header('cache-control', 'no-store');
      if (closing) reply.header('connection', 'close');
      return payload;
    });

    registerApi(app, {
      functions,
      ports,
      callerOf: (request) => {
        const reply = replies.get(request);
        return reply ? callerOf(request, reply) : null;
      },
      bodyLimits: {
        user: USER_REQUEST_MAX_BYTES,
        consult: CONSULT_REQUEST_MAX_BYTES,
        records: RECORDS_REQUEST_MAX_BYTES,
        // Signalling: one SDP at most; smaller than the 1 MB default (a relay, not a pipe).
        call: CALL_REQUEST_MAX_BYTES,
      },
    });
    // An existing, valid identity cookie only: file and event responses never set one.
    const existingOpenid = (request: FastifyRequest) => {
      const identity = issuer.resolve(request.headers.cookie, isSecure(request));
      return identity.setCookie ? null : identity.openid;
    };
    if (ports.files && ports.crypto) {
      registerFiles(app, {
        files: ports.files,
        crypto: ports.crypto,
        clock: ports.clock,
        openidOf: existingOpenid,
      });
    }
    if (isLocalRealtime(ports.realtime)) {
      registerRealtime(app, {
        hub: ports.realtime,
        ports,
        openidOf: existingOpenid,
        heartbeatMs: options.sseHeartbeatMs,
      });
    }
    if (options.sweepIntervalMs !== false && ports.payment) {
      startConsultSweep(app, ports, options.sweepIntervalMs);
    }
    installFallbacks(app, site);
    await app.ready();
    return app;
  } catch (err) {
    await app.close();
    throw err;
  }
}
