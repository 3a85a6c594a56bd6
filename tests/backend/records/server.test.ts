/**
 * 就诊人 and 个人病历 through the local server: /api/patients and /api/records are served
 * from backend/functions.ts, a PDF over the 1 MB default body limit is accepted, and its
 * link serves the decrypted file to its owner only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMS_OUTBOX_FILE } from '../../../backend/adapters/local/sms-outbox';
import type { BackendFunction } from '../../../backend/core/action';
import { FUNCTIONS } from '../../../backend/functions';
import { cookiePair, json, startHarness, type Harness } from '../server/support';
import { idNumber } from '../user/support';
import { POLICY_VERSION } from '../../../contract/privacy/policy';
import { SENSITIVE_CONSENTS } from '../../../contract/privacy/sensitive-consents';

let h: Harness;
let quiet: jest.SpyInstance;
beforeEach(async () => {
  quiet = jest.spyOn(console, 'log').mockImplementation(() => {});
  h = await startHarness({ functions: FUNCTIONS as unknown as Record<string, BackendFunction> });
});
afterEach(async () => {
  await h.close();
  quiet.mockRestore();
});

type Body = { ok: boolean; data?: Record<string, unknown>; error?: { code: string } };

async function call(cookie: string, fn: string, action: string, data: unknown): Promise<Body> {
  const res = await h.app.inject({ url: `/api/${fn}`, ...json({ action, data }, { cookie }) });
  return res.json() as Body;
}

async function newBrowser(phone: string): Promise<string> {
  const res = await h.app.inject({ url: '/api/user', ...json({ action: 'me', data: {} }) });
  const cookie = cookiePair(res.headers['set-cookie']);
  // POL first, as the app does; records are health information (PIPL art. 29).
  const policy = { policyVersion: POLICY_VERSION, items: {} };
  expect((await call(cookie, 'privacy', 'recordConsent', policy)).ok).toBe(true);
  const health = { item: 'health', version: SENSITIVE_CONSENTS.health.version };
  expect((await call(cookie, 'privacy', 'recordSensitiveConsent', health)).ok).toBe(true);
  expect((await call(cookie, 'user', 'sendCode', { purpose: 'register', phone })).ok).toBe(true);
  const lines = readFileSync(join(h.dataDir, SMS_OUTBOX_FILE), 'utf8').trim().split('\n');
  const { code } = JSON.parse(lines[lines.length - 1]) as { code: string };
  expect((await call(cookie, 'user', 'register', { phone, code })).ok).toBe(true);
  return cookie;
}

it('a 1.5 MB PDF report of a 就诊人, its link decrypted for its owner only', async () => {
  const alice = await newBrowser('13812345678');
  const bob = await newBrowser('15900001111');
  const father = await call(alice, 'patients', 'add', {
    relation: '父母',
    name: '张建国',
    document: { idType: 'id_card', idNumber: idNumber('310115', '19580301', '013') },
    declaration: { agreed: true },
  });
  expect(father).toMatchObject({ ok: true, data: { nameMasked: '张**' } });
  const record = await call(alice, 'records', 'create', {
    patientId: father.data?.id,
    kind: '检查报告',
    date: '2026-01-05',
    hospital: { name: '华山医院' },
  });
  const pdf = Buffer.alloc(1_500_000, 0x20);
  Buffer.from('%PDF-1.7\n').copy(pdf);
  const uploaded = await call(alice, 'records', 'uploadAttachment', {
    recordId: record.data?.id,
    file: { contentBase64: pdf.toString('base64'), contentType: 'application/pdf' },
  });
  expect(uploaded).toMatchObject({ ok: true, data: { contentType: 'application/pdf' } });
  const url = uploaded.data?.url as string;
  const mine = await h.app.inject({ url, headers: { cookie: alice } });
  expect(mine.statusCode).toBe(200);
  expect(mine.headers['content-type']).toBe('application/pdf');
  expect(mine.rawPayload.equals(pdf)).toBe(true);
  expect((await h.app.inject({ url, headers: { cookie: bob } })).statusCode).toBe(404);
  expect(await call(bob, 'records', 'get', { recordId: record.data?.id })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
});
