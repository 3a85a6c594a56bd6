/**
 * A local WebRTC signalling round trip through the real server (issue 14): two browsers
 * (cookies), a free 视频咨询, SSE down and POST /api/call up. The doctor is rung over SSE,
 * answers, and offer → answer → candidates travel between them unchanged; a stranger's
 * stream sees none of it; an oversized body is 413 before any handler runs.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createLocalPorts, type LocalPorts } from '../../../backend/adapters/local/ports';
import { SMS_OUTBOX_FILE } from '../../../backend/adapters/local/sms-outbox';
import { DOCTORS } from '../../../backend/collections';
import { createInvite } from '../../../backend/consult';
import type { BackendFunction } from '../../../backend/core/action';
import { FUNCTIONS } from '../../../backend/functions';
import { silentLogger } from '../../../backend/ports/logger';
import { systemRandom } from '../../../backend/ports/random';
import { CALL_REQUEST_MAX_BYTES } from '../../../contract/call/items';
import { POLICY_VERSION } from '../../../contract/privacy/policy';
import { SENSITIVE_CONSENTS } from '../../../contract/privacy/sensitive-consents';
import { cookiePair, json, startHarness, tempDir, type Harness } from '../server/support';
import { openSse, type SseClient } from '../consult/sse-client';
import { doctorDoc } from '../consult/support';
import { ALL_WEEK, CANDIDATE, SDP } from './support';

let h: Harness;
let ports: LocalPorts;
let base: string;
let quiet: jest.SpyInstance;
const streams: SseClient[] = [];

beforeEach(async () => {
  quiet = jest.spyOn(console, 'log').mockImplementation(() => {});
  const dataDir = tempDir('call-sse');
  ports = createLocalPorts({ dataDir, log: silentLogger, env: { ICE_SERVERS: '' } });
  await ports.store.insert(DOCTORS.name, doctorDoc('d-free', '赵医生', 0));
  h = await startHarness({
    dataDir,
    ports,
    functions: FUNCTIONS as unknown as Record<string, BackendFunction>,
    sweepIntervalMs: false,
    sseHeartbeatMs: 100,
  });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  streams.splice(0).forEach((s) => s.close());
  await h.close();
  quiet.mockRestore();
});

async function post(cookie: string, fn: string, action: string, data: unknown) {
  const res = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ action, data }),
  });
  const body = (await res.json()) as { ok: boolean; data: Record<string, unknown> };
  if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body)}`);
  return body.data;
}

async function person(phone: string): Promise<string> {
  const res = await h.app.inject({ url: '/api/user', ...json({ action: 'me', data: {} }) });
  const cookie = cookiePair(res.headers['set-cookie']);
  // POL first, as the app does; the consult needs the health-information consent (PIPL art. 29).
  await post(cookie, 'privacy', 'recordConsent', { policyVersion: POLICY_VERSION, items: {} });
  await post(cookie, 'privacy', 'recordSensitiveConsent', {
    item: 'health',
    version: SENSITIVE_CONSENTS.health.version,
  });
  await post(cookie, 'user', 'sendCode', { purpose: 'register', phone });
  const lines = readFileSync(join(h.dataDir, SMS_OUTBOX_FILE), 'utf8').trim().split('\n');
  const { code } = JSON.parse(lines.at(-1)!) as { code: string };
  await post(cookie, 'user', 'register', { phone, code });
  return cookie;
}

async function stream(cookie: string, query = ''): Promise<SseClient> {
  const s = await openSse(`${base}/api/consult/events${query}`, cookie);
  streams.push(s);
  return s;
}

it('rings over SSE and relays offer, answer and candidates between the two browsers only', async () => {
  const patient = await person('13900000011');
  const doctor = await person('13900000012');
  const stranger = await person('13900000013');
  const { code } = await createInvite({ ...ports, random: systemRandom }, 'd-free');
  await post(doctor, 'consult', 'bindDoctor', { code });
  await post(doctor, 'consult', 'setVideoOffer', { offer: { price: 0, hours: ALL_WEEK } });
  const step = 30 * 60_000;
  const slot = new Date(Math.ceil((Date.now() + 2 * 3_600_000) / step) * step).toISOString();
  const consult = await post(patient, 'consult', 'create', {
    doctorId: 'd-free',
    patient: { kind: 'self' },
    description: '孩子呼吸有点急促，想让医生看看。',
    type: 'video',
    slot,
  });
  const consultId = consult.id as string;
  await post(doctor, 'consult', 'accept', { consultId });

  const doctorAll = await stream(doctor);
  const patientOne = await stream(patient, `?consultId=${consultId}`);
  const strangerAll = await stream(stranger);

  const call = await post(patient, 'call', 'start', { consultId });
  const callId = call.id as string;
  expect(call).toMatchObject({ state: 'ringing', transport: 'webrtc', iceServers: [] });
  const ring = await doctorAll.next((e) => e.event === 'call');
  expect(ring.data).toMatchObject({
    consultId,
    call: { id: callId, role: 'doctor', state: 'ringing' },
  });

  await post(doctor, 'call', 'accept', { callId });
  await patientOne.next(
    (e) => e.event === 'call' && (e.data as { call: { state: string } }).call.state === 'connected',
  );
  await post(patient, 'call', 'signal', { callId, kind: 'offer', payload: { sdp: SDP } });
  const offer = await doctorAll.next((e) => e.event === 'signal');
  expect(offer.data).toEqual({
    type: 'signal',
    consultId,
    callId,
    from: 'patient',
    seq: 1,
    kind: 'offer',
    payload: { sdp: SDP },
  });
  await post(doctor, 'call', 'signal', { callId, kind: 'answer', payload: { sdp: SDP } });
  await post(doctor, 'call', 'signal', { callId, kind: 'candidate', payload: CANDIDATE });
  const answer = await patientOne.next((e) => e.event === 'signal');
  expect(answer.data).toMatchObject({ from: 'doctor', kind: 'answer', payload: { sdp: SDP } });
  const candidate = await patientOne.next(
    (e) => e.event === 'signal' && (e.data as { seq: number }).seq === 2,
  );
  expect((candidate.data as { payload: unknown }).payload).toEqual(CANDIDATE);

  await post(doctor, 'call', 'hangup', { callId });
  await patientOne.next(
    (e) => e.event === 'call' && (e.data as { call: { state: string } }).call.state === 'ended',
  );
  // Each side saw only the other's signals; a stranger's stream carried none of it.
  expect(patientOne.events.filter((e) => e.event === 'signal')).toHaveLength(2);
  expect(doctorAll.events.filter((e) => e.event === 'signal')).toHaveLength(1);
  expect(strangerAll.events).toEqual([]);
});

it('refuses a call request over the signalling size limit with 413, before any handler', async () => {
  const patient = await person('13900000021');
  const res = await fetch(`${base}/api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: patient },
    body: JSON.stringify({
      action: 'signal',
      data: { callId: 'v1', kind: 'offer', payload: { sdp: 'a'.repeat(CALL_REQUEST_MAX_BYTES) } },
    }),
  });
  expect(res.status).toBe(413);
});
