import { POLICY_VERSION } from '../../../contract/privacy/policy';
import { SENSITIVE_CONSENTS } from '../../../contract/privacy/sensitive-consents';
/**
 * Live updates over the real local server: SSE streams authenticated by the session
 * cookie. Both participants get a message pushed without polling; a third identity gets
 * nothing, and cannot open that consult's stream.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createLocalPorts, type LocalPorts } from '../../../backend/adapters/local/ports';
import type { LocalRealtime } from '../../../backend/adapters/local/realtime-hub';
import { SMS_OUTBOX_FILE } from '../../../backend/adapters/local/sms-outbox';
import { DOCTORS } from '../../../backend/collections';
import { createInvite } from '../../../backend/consult';
import type { BackendFunction } from '../../../backend/core/action';
import { FUNCTIONS } from '../../../backend/functions';
import { silentLogger } from '../../../backend/ports/logger';
import { systemRandom } from '../../../backend/ports/random';
import { cookiePair, json, startHarness, tempDir, until, type Harness } from '../server/support';
import { openSse, type SseClient } from './sse-client';
import { doctorDoc } from './support';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

let h: Harness;
let ports: LocalPorts;
let base: string;
let quiet: jest.SpyInstance;
const streams: SseClient[] = [];

beforeEach(async () => {
  quiet = jest.spyOn(console, 'log').mockImplementation(() => {});
  const dataDir = tempDir('consult-sse');
  ports = createLocalPorts({ dataDir, log: silentLogger });
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

async function call(cookie: string, fn: string, action: string, data: unknown) {
  const res = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ action, data }),
  });
  const body = (await res.json()) as { ok: boolean; data: Record<string, unknown> };
  if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body)}`);
  return body.data;
}

/** A new browser, registered with the code from the SMS outbox. */
async function person(phone: string): Promise<string> {
  const res = await h.app.inject({ url: '/api/user', ...json({ action: 'me', data: {} }) });
  const cookie = cookiePair(res.headers['set-cookie']);
  await call(cookie, 'privacy', 'recordConsent', { policyVersion: POLICY_VERSION });
  await call(cookie, 'user', 'sendCode', { purpose: 'register', phone });
  const lines = readFileSync(join(h.dataDir, SMS_OUTBOX_FILE), 'utf8').trim().split('\n');
  const { code } = JSON.parse(lines.at(-1)!) as { code: string };
  await call(cookie, 'user', 'register', { phone, code });
  return cookie;
}

/** `doctor` becomes 赵医生 (d-free) and `patient` writes to them: the consult's id, waiting. */
async function consultBetween(patient: string, doctor: string): Promise<string> {
  const { code } = await createInvite({ ...ports, random: systemRandom }, 'd-free');
  await call(doctor, 'consult', 'bindDoctor', { code });
  const version = SENSITIVE_CONSENTS.health.version;
  await call(patient, 'privacy', 'recordSensitiveConsent', { item: 'health', version });
  const consult = await call(patient, 'consult', 'create', {
    doctorId: 'd-free',
    patient: { kind: 'self' },
    description: '孩子咳嗽两天，夜里加重，体温正常。',
  });
  return consult.id as string;
}

async function stream(cookie: string | undefined, query = ''): Promise<SseClient> {
  const s = await openSse(`${base}/api/consult/events${query}`, cookie);
  streams.push(s);
  return s;
}

it('pushes a message to both participants only, without polling', async () => {
  const patient = await person('13900000001');
  const doctor = await person('13900000002');
  const stranger = await person('13900000003');
  const id = await consultBetween(patient, doctor);

  const doctorAll = await stream(doctor);
  const strangerAll = await stream(stranger);
  await call(doctor, 'consult', 'accept', { consultId: id });
  const patientOne = await stream(patient, `?consultId=${id}`);
  expect(patientOne.status).toBe(200);

  await call(doctor, 'consult', 'sendMessage', {
    consultId: id,
    clientMsgId: 'doc-msg-0001',
    text: '多喝水，观察体温。',
  });
  const isReply = (e: { event: string; data: unknown }) =>
    e.event === 'message' &&
    (e.data as { message: { text: string } }).message.text === '多喝水，观察体温。';
  const [forPatient, forDoctor] = await Promise.all([
    patientOne.next(isReply),
    doctorAll.next(isReply),
  ]);
  expect(forPatient.data).toMatchObject({
    type: 'message',
    consultId: id,
    message: { seq: 1, sender: 'doctor', mine: false, clientMsgId: null },
  });
  expect(forDoctor.data).toMatchObject({ message: { mine: true, clientMsgId: 'doc-msg-0001' } });
  expect(doctorAll.events.map((e) => e.event)).toEqual(['status', 'message']);

  // Positive signal that anything misrouted would have arrived: the stranger's stream
  // writes in order (events and heartbeats share one queue), and two heartbeats arrive
  // after both participants had the reply — at least the second was queued after the
  // reply was published. Only then: the stranger saw nothing at all.
  const pingsBefore = strangerAll.comments.filter((c) => c === 'ping').length;
  await until(
    () => strangerAll.comments.filter((c) => c === 'ping').length >= pingsBefore + 2,
    'two more heartbeats on the stranger’s stream',
  );
  expect(strangerAll.events).toEqual([]);
  expect(strangerAll.comments).toContain('ping');
  expect(strangerAll.body).not.toContain('多喝水');

  // A picture in the consult: served to the participants, the same 404 for anyone else.
  const photo = (await call(doctor, 'consult', 'uploadAttachment', {
    image: { contentBase64: PNG.toString('base64'), contentType: 'image/png' },
  })) as { key: string };
  const sent = await call(doctor, 'consult', 'sendMessage', {
    consultId: id,
    clientMsgId: 'doc-pic-0001',
    imageKey: photo.key,
  });
  const forPatientPic = (
    await patientOne.next(
      (e) =>
        e.event === 'message' && (e.data as { message: { id: string } }).message.id === sent.id,
    )
  ).data as {
    message: { image: { url: string } };
  };
  const url = forPatientPic.message.image.url;
  const fetchAs = (cookie?: string) =>
    fetch(`${base}${url}`, { headers: cookie ? { cookie } : {} }).then((r) => r.status);
  expect(await fetchAs(patient)).toBe(200);
  expect(await fetchAs(stranger)).toBe(404);
  expect(await fetchAs()).toBe(404);
  expect(strangerAll.events).toEqual([]);

  const refused = await stream(stranger, `?consultId=${id}`);
  expect(refused.status).toBe(404);
  const anonymous = await stream(undefined);
  expect(anonymous.status).toBe(401);
});

it('unsubscribes a stream when its connection closes, and closing the server ends the rest', async () => {
  const hub = ports.realtime as LocalRealtime;
  const patient = await person('13900000011');
  const a = await stream(patient);
  const b = await stream(patient);
  expect(hub.size()).toBe(2);
  a.close();
  await until(() => hub.size() <= 1, 'the closed stream to unsubscribe');
  expect(hub.size()).toBe(1);
  await h.app.close();
  expect(hub.size()).toBe(0);
  expect(b.status).toBe(200);
});

it('a stream ends once its account logs out: nothing more reaches that page', async () => {
  const patient = await person('13900000021');
  const doctor = await person('13900000022');
  const id = await consultBetween(patient, doctor);
  await call(doctor, 'consult', 'accept', { consultId: id });
  const chat = await stream(patient, `?consultId=${id}`);
  const tab = await stream(patient);
  const say = (n: number) =>
    call(doctor, 'consult', 'sendMessage', {
      consultId: id,
      clientMsgId: `doc-msg-${String(n).padStart(4, '0')}`,
      text: `第${n}条回复`,
    });
  await say(1);
  await chat.next((e) => e.event === 'message');

  // 退出登录 on this browser; the doctor writes again.
  await call(patient, 'user', 'logout', {});
  await say(2);
  await Promise.all([chat.ended, tab.ended]);
  expect(chat.body).toContain('第1条回复');
  expect(chat.body + tab.body).not.toContain('第2条回复');
  expect((await stream(patient, `?consultId=${id}`)).status).toBe(401);
});

it('an idle stream ends at the next heartbeat after the account goes', async () => {
  const patient = await person('13900000031');
  const idle = await stream(patient);
  await idle.next(() => false, 150).catch(() => undefined); // a heartbeat or two pass
  expect(idle.comments).toContain('ping');
  await call(patient, 'user', 'logout', {});
  await idle.ended;
  expect((await stream(patient)).status).toBe(401);
});
