import { POLICY_VERSION } from '../../../contract/privacy/policy';
/**
 * The user function through the local server: registration with the code read from
 * sms-outbox.jsonl, uploads larger than the default 1 MB body limit, and GET /files/<token>
 * (public avatar links); identity photos never stay on disk.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMS_OUTBOX_FILE } from '../../../backend/adapters/local/sms-outbox';
import { FUNCTIONS } from '../../../backend/functions';
import type { BackendFunction } from '../../../backend/core/action';
import { cookiePair, json, startHarness, type Harness } from '../server/support';
import { idNumber, imageBytes, upload } from './support';

const listFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();

let h: Harness;
let quiet: jest.SpyInstance;
beforeEach(async () => {
  // The local outbox announces each code on the console, for the developer.
  quiet = jest.spyOn(console, 'log').mockImplementation(() => {});
  h = await startHarness({ functions: FUNCTIONS as unknown as Record<string, BackendFunction> });
});
afterEach(async () => {
  await h.close();
  quiet.mockRestore();
});

async function call(cookie: string | null, action: string, data: unknown) {
  const res = await h.app.inject({
    url: '/api/user',
    ...json({ action, data }, cookie ? { cookie } : {}),
  });
  return {
    res,
    body: res.json() as { ok: boolean; data?: Record<string, unknown>; error?: { code: string } },
  };
}

async function newBrowser(): Promise<string> {
  const res = await h.app.inject({ url: '/api/user', ...json({ action: 'me', data: {} }) });
  return cookiePair(res.headers['set-cookie']);
}

async function register(cookie: string, phone: string) {
  const consent = await h.app.inject({
    url: '/api/privacy',
    ...json({ action: 'recordConsent', data: { policyVersion: POLICY_VERSION } }, { cookie }),
  });
  expect(consent.json()).toMatchObject({ ok: true });
  expect((await call(cookie, 'sendCode', { purpose: 'register', phone })).body.ok).toBe(true);
  const lines = readFileSync(join(h.dataDir, SMS_OUTBOX_FILE), 'utf8').trim().split('\n');
  const { code } = JSON.parse(lines.at(-1)!) as { code: string };
  const { body } = await call(cookie, 'register', { phone, code });
  expect(body).toMatchObject({
    ok: true,
    data: { profile: { phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}` } },
  });
}

it('registers with the code from the outbox and serves the avatar link', async () => {
  const alice = await newBrowser();
  await register(alice, '13812345678');
  const big = upload('jpeg', 1_500_000); // over the 1 MB default, under the user function's limit
  const { res, body } = await call(alice, 'updateProfile', { avatar: big });
  expect(res.statusCode).toBe(200);
  const url = body.data?.avatarUrl as string;
  const file = await h.app.inject({ url });
  expect(file.statusCode).toBe(200);
  expect(file.headers['content-type']).toBe('image/jpeg');
  expect(file.rawPayload.equals(imageBytes('jpeg', 1_500_000))).toBe(true);
  expect(file.headers['set-cookie']).toBeUndefined();
  // One character of the signature changed (never to itself) is a link nobody was given.
  const forged = `${url.slice(0, -1)}${url.endsWith('0') ? '1' : '0'}`;
  expect((await h.app.inject({ url: forged })).statusCode).toBe(404);
});

it('a body over the user function’s own limit is refused with that limit in the message', async () => {
  const alice = await newBrowser();
  const { res } = await call(alice, 'updateProfile', { pad: 'x'.repeat(7 * 1024 * 1024) });
  expect(res.statusCode).toBe(413);
  expect(res.json().error.message).toMatch(/6 MB/);
});

it('submitIdentity with two large photos goes through, and leaves no photo on disk', async () => {
  const alice = await newBrowser();
  await register(alice, '13812345678');
  const filesDir = join(h.dataDir, 'files');
  const before = existsSync(filesDir) ? listFiles(filesDir) : [];
  const { res, body } = await call(alice, 'submitIdentity', {
    name: '张三',
    idNumber: idNumber('310104', '19900307'),
    idPhoto: upload('png', 1_500_000, 0x33),
    facePhoto: upload('jpeg', 1_500_000, 0x44),
    consent: true,
  });
  expect(res.statusCode).toBe(200);
  expect(body.data).toMatchObject({ status: 'verified' });
  expect(body.data).not.toHaveProperty('photos');
  // IDV (issue 11 point 9): deleted as soon as the verifier answered.
  expect(existsSync(filesDir) ? listFiles(filesDir) : []).toEqual(before);
});

it('other functions keep the 1 MB body limit', async () => {
  const res = await h.app.inject({
    url: '/api/privacy',
    ...json({ action: 'getPolicy', data: { pad: 'x'.repeat(1_100_000) } }),
  });
  expect(res.statusCode).toBe(413);
});
