import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { z } from 'zod';
import type { BackendFunction } from '../../../backend/core/action';
import type { Ctx } from '../../../backend/core/context';
import { ApiError } from '../../../backend/core/errors';
import { ERROR_CODES } from '../../../contract/envelope';
import { buildServer, type BuildServerOptions } from '../../../server/app';

// fastify's inject (light-my-request) requires cookie@2, which is ESM-only, and jest cannot
// require ESM on Node 20. It uses the module only for `inject({ cookies })`; these tests send
// a Cookie header instead.
jest.mock('cookie', () => ({
  stringifySetCookie: () => {
    throw new Error('inject({ cookies }) is unavailable in jest on Node 20: send a Cookie header');
  },
}));

/**
 * A fake backend function, so the server is tested on its own: which caller a handler
 * sees, each error code, a crash, a slow action.
 */
export const probeFunction = {
  name: 'probe',
  actions: {
    whoami: {
      input: z.object({ openid: z.string().optional() }).strict(),
      output: z.unknown(),
    },
    fail: { input: z.object({ code: z.enum(ERROR_CODES) }).strict(), output: z.unknown() },
    crash: { input: z.object({}).strict(), output: z.unknown() },
    slow: { input: z.object({ ms: z.number().int().max(5000) }).strict(), output: z.unknown() },
    hold: { input: z.object({}).strict(), output: z.unknown() },
  },
  handlers: {
    whoami: async (ctx: Ctx) => ({ caller: ctx.caller }),
    fail: async (_ctx: Ctx, input: { code: (typeof ERROR_CODES)[number] }) => {
      throw new ApiError(
        input.code,
        `失败：${input.code}`,
        input.code === 'RATE_LIMITED' ? { retryAfterSeconds: 30 } : undefined,
      );
    },
    crash: async () => {
      throw new Error('db password is hunter2 at /srv/secret');
    },
    slow: async (_ctx: Ctx, input: { ms: number }) => {
      await new Promise((resolve) => setTimeout(resolve, input.ms));
      return { waited: input.ms };
    },
    hold: async () => {
      const hold = holds.shift();
      if (!hold) throw new Error('probe.hold called without holdNextRequest()');
      hold.started();
      await hold.released;
      return { held: true };
    },
  },
} as unknown as BackendFunction;

const holds: Array<{ started: () => void; released: Promise<void> }> = [];

/**
 * Arms the probe's `hold` action: the next call to it tells the test it is running
 * (`started`) and answers only once the test calls `release` — an in-flight request
 * whose timing the test controls instead of guessing with a sleep.
 */
export function holdNextRequest(): { started: Promise<void>; release: () => void } {
  let started!: () => void;
  let release!: () => void;
  const startedP = new Promise<void>((resolve) => (started = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  holds.push({ started, released });
  return { started: startedP, release };
}

/**
 * Polls `condition` (sync or async) until it holds; fails with `what` after `timeoutMs`.
 * The wait between polls is only the polling interval, not a guess at how long things take.
 */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5000,
  intervalMs = 5,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `zhuyi-${prefix}-`));
}

/** Collects pino's JSON lines. */
export function logSink() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { lines, stream };
}

export interface Harness {
  app: FastifyInstance;
  dataDir: string;
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** A server on a fresh temp DATA_DIR (real SQLite store) with the probe function. */
export async function startHarness(options: Partial<BuildServerOptions> = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? tempDir('server');
  const sink = logSink();
  const app = await buildServer({
    functions: { probe: probeFunction },
    distDir: join(dataDir, 'no-build-here'),
    logger: { stream: sink.stream },
    // A busy test machine must not shed a test's requests; overload.test.ts turns it on.
    maxEventLoopDelayMs: false,
    ...options,
    dataDir,
  });
  return {
    app,
    dataDir,
    logs: sink.lines,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST' as const,
  headers: { 'content-type': 'application/json', ...headers },
  payload: JSON.stringify(body),
});

/** The `name=value` part of a Set-Cookie header, ready for a Cookie header. */
export function cookiePair(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  if (!header) throw new Error('no Set-Cookie');
  return header.split(';')[0];
}
