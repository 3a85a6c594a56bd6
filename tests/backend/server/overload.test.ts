/**
 * Overload (issue 15): when the event loop falls behind, the server sheds load at once with
 * 503 RATE_LIMITED and Retry-After (with the security headers), instead of letting a patient
 * wait 10 s; and it serves again as soon as it has caught up.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { BackendFunction } from '../../../backend/core/action';
import { SECURITY_HEADERS } from '../../../server/headers';
import { json, probeFunction, startHarness, type Harness } from './support';

/** Holds the event loop, as a burst of heavy synchronous SQLite work would. */
const spinFunction = {
  name: 'spin',
  actions: {
    spin: { input: z.object({ ms: z.number().int().max(2000) }).strict(), output: z.unknown() },
  },
  handlers: {
    spin: async (_ctx: unknown, input: { ms: number }) => {
      const until = performance.now() + input.ms;
      while (performance.now() < until);
      return { spun: input.ms };
    },
  },
} as unknown as BackendFunction;

/** A built site with one content-hashed script, served by @fastify/static. */
const site = mkdtempSync(join(tmpdir(), 'zy-site-'));
mkdirSync(join(site, 'js'));
writeFileSync(join(site, 'js', 'app.0123abcd.js'), 'console.log(1);\n'.repeat(2000));

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    functions: { probe: probeFunction, spin: spinFunction },
    distDir: site,
    maxEventLoopDelayMs: 200,
  });
});
afterAll(async () => {
  await h.close();
  rmSync(site, { recursive: true, force: true });
});

const whoami = () => h.app.inject({ url: '/api/probe', ...json({ action: 'whoami', data: {} }) });
const nextTick = () => new Promise((resolve) => setTimeout(resolve, 20));

async function until(status: number, tries = 200) {
  for (let i = 0; i < tries; i++) {
    const res = await whoami();
    if (res.statusCode === status) return res;
    await nextTick();
  }
  throw new Error(`never answered ${status}`);
}

it('answers 503 RATE_LIMITED with Retry-After while the loop lags, then serves again', async () => {
  expect((await whoami()).statusCode).toBe(200);
  let shed = null;
  for (let round = 0; round < 10 && !shed; round++) {
    await h.app.inject({ url: '/api/spin', ...json({ action: 'spin', data: { ms: 600 } }) });
    const res = await whoami();
    if (res.statusCode === 503) shed = res;
  }
  expect(shed).not.toBeNull();
  expect(shed?.json()).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  expect(Number(shed?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect(shed?.headers[name]).toBe(value);
  expect((await until(200)).json()).toMatchObject({ ok: true });
});

it('while the API is shed, the site’s files are still served whole (a page needs its script to say 服务繁忙)', async () => {
  await until(200);
  let seen = 0;
  for (let round = 0; round < 10 && seen === 0; round++) {
    await h.app.inject({ url: '/api/spin', ...json({ action: 'spin', data: { ms: 600 } }) });
    const [api, file] = [await whoami(), await h.app.inject({ url: '/js/app.0123abcd.js' })];
    if (api.statusCode !== 503) continue;
    seen += 1;
    expect(file.statusCode).toBe(200);
    expect(file.body).toHaveLength('console.log(1);\n'.length * 2000);
  }
  expect(seen).toBe(1);
  expect((await until(200)).json()).toMatchObject({ ok: true });
});
