import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { CONSULT_EVENTS_PATH, SSE_HEARTBEAT_SECONDS } from '../contract/consult/items';
import type { LocalRealtime } from '../backend/adapters/local/realtime-hub';
import type { Ports } from '../backend/core/context';
import { ApiError } from '../backend/core/errors';
import { streamAccess } from '../backend/consult';
import { failure, sendEnvelope } from './api';
import { NON_DOCUMENT_CSP, SECURITY_HEADERS } from './headers';

/**
 * `GET /api/consult/events[?consultId=…]`: the local twin of the weapp database watch — a
 * Server-Sent Events stream of consult events (contract/consult/events.ts) for the identity
 * of the session cookie (an existing one only: a request without one is UNAUTHENTICATED,
 * never given a fresh identity). With consultId, only that consult's events and only for its
 * participants (NOT_FOUND otherwise); without, everything for this identity (咨询 tab,
 * workbench). Events come from the in-process hub, which delivers per openid, so a stream
 * never carries anyone else's; access is checked again before every event and heartbeat,
 * so a stream ends once its account logs out or goes. Heartbeat comments keep proxies from
 * closing an idle stream; a closed connection unsubscribes at once; closing the server ends
 * every stream.
 */
export interface RealtimeRouteOptions {
  hub: LocalRealtime;
  ports: Ports;
  /** The openid of an existing, valid identity cookie, or null. */
  openidOf(request: FastifyRequest): string | null;
  heartbeatMs?: number;
  /** Open streams one identity may hold (tabs, devices); more is RATE_LIMITED. */
  maxStreamsPerIdentity?: number;
}

export function registerRealtime(app: FastifyInstance, options: RealtimeRouteOptions): void {
  const heartbeatMs = options.heartbeatMs ?? SSE_HEARTBEAT_SECONDS * 1000;
  const maxStreams = options.maxStreamsPerIdentity ?? 20;
  const open = new Map<string, number>();
  const enders = new Set<() => void>();

  app.get<{ Querystring: { consultId?: unknown } }>(CONSULT_EVENTS_PATH, async (request, reply) => {
    const openid = options.openidOf(request);
    const consultId = typeof request.query.consultId === 'string' ? request.query.consultId : null;
    const check = () =>
      streamAccess(
        {
          ...options.ports,
          log: request.log,
          caller: openid ? { openid, clientIp: request.ip ?? null } : null,
        },
        consultId,
      );
    let access: { openid: string; consultId: string | null };
    try {
      access = await check();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return sendEnvelope(reply, {
        ok: false,
        error: {
          code: err.code,
          message: err.message,
          ...(err.details ? { details: err.details } : {}),
        },
      });
    }
    if ((open.get(access.openid) ?? 0) >= maxStreams)
      return sendEnvelope(
        reply,
        failure('RATE_LIMITED', '打开的实时连接过多，请关闭其他页面后重试'),
      );

    reply.hijack();
    const res: ServerResponse = reply.raw;
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-security-policy': NON_DOCUMENT_CSP,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      // nginx and friends must pass each event on as it comes.
      'x-accel-buffering': 'no',
    });
    request.raw.socket?.setNoDelay(true);
    res.write(`retry: 3000\n: connected\n\n`);
    open.set(access.openid, (open.get(access.openid) ?? 0) + 1);

    let ended = false;
    // Writes wait for the access check before them, so events keep their order.
    let queue: Promise<void> = Promise.resolve();
    /**
     * The stream outlives the request that opened it: after 退出登录, 注销账号 or losing
     * the consult, the next event or heartbeat finds the access gone and ends the stream
     * instead of delivering (a shared browser must not keep showing the chat). Any failure
     * to check ends it too; EventSource reconnects and is asked again from the start.
     */
    const deliver = (text: string) => {
      queue = queue.then(async () => {
        if (ended) return;
        const allowed = await check().then(
          () => true,
          () => false,
        );
        if (!allowed) return end();
        if (!ended) res.write(text);
      });
    };
    let id = 0;
    const unsubscribe = options.hub.subscribe(access.openid, (event) => {
      if (access.consultId !== null && event.consultId !== access.consultId) return;
      deliver(`id: ${++id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => deliver(': ping\n\n'), heartbeatMs);
    heartbeat.unref();
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      unsubscribe();
      enders.delete(end);
      const left = (open.get(access.openid) ?? 1) - 1;
      if (left > 0) open.set(access.openid, left);
      else open.delete(access.openid);
      if (!res.writableEnded) res.end();
    };
    enders.add(end);
    res.on('close', end);
    res.on('error', end);
    request.raw.on('close', end);
  });

  // Streams never finish on their own: end them, or server.close() would wait forever.
  app.addHook('preClose', async () => {
    for (const end of [...enders]) end();
  });
}
