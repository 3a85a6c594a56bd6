/**
 * Call benchmark (issue 14): over loopback on the real local server (in this process, one
 * patient and one doctor browser as cookies), 10 video calls from `start` until the caller
 * holds the callee's SDP answer — ring over SSE, accept, offer up, answer down: the whole
 * WebRTC signalling round trip — p50 and p95, beside a plain consult chat message round trip
 * (sendMessage → SSE delivery) measured in the same run. Connected media (start → frames
 * decoded) needs the H5 call page and Chromium with fake devices: not measured yet.
 * Run it with `npm run bench -- call`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalPorts } from '../backend/adapters/local/ports';
import { SMS_OUTBOX_FILE } from '../backend/adapters/local/sms-outbox';
import { DOCTORS } from '../backend/collections';
import { createInvite } from '../backend/consult';
import { silentLogger } from '../backend/ports/logger';
import { systemRandom } from '../backend/ports/random';
import { buildServer } from '../server/app';
import { doctorAt } from '../backend/catalog/model';
import { type BenchReport, fmtMs, fmtRatio, log, percentile } from './lib/report';
import { openStream } from './lib/sse';

const CALLS = 10;
const SDP =
  'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n' +
  'c=IN IP4 0.0.0.0\r\na=mid:0\r\na=rtpmap:96 VP8/90000\r\n';
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  start: '00:00',
  end: '24:00',
}));

type Waiter = { test: (type: string, data: Record<string, unknown>) => boolean; done: () => void };

export async function runCallBench(): Promise<BenchReport> {
  const report: BenchReport = { rows: [], problems: [] };
  const dataDir = mkdtempSync(join(tmpdir(), 'zhuyi-call-'));
  const ports = createLocalPorts({ dataDir, log: silentLogger, env: { ICE_SERVERS: '' } });
  const hospital = {
    _id: 'h-bench',
    name: '基准医院',
    gradeRank: 0,
    location: { lat: 31.2, lng: 121.4 },
  };
  await ports.store.insert(DOCTORS.name, {
    ...doctorAt(hospital as Parameters<typeof doctorAt>[0], {
      _id: 'd-bench',
      name: '基准医生',
      title: '主治医师',
      department: '皮肤科',
      specialties: [],
      consultPrice: 0,
      rating: 5,
      consultCount: 0,
      synthetic: true,
      bio: '',
    }),
  });
  const app = await buildServer({
    dataDir,
    ports,
    logger: false,
    sweepIntervalMs: false,
    distDir: join(dataDir, 'no-build-here'),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const streams: Array<{ close(): void }> = [];
  try {
    const post = async (cookie: string, fn: string, action: string, data: unknown) => {
      const res = await fetch(`${base}/api/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ action, data }),
      });
      const body = (await res.json()) as { ok: boolean; data: Record<string, unknown> };
      if (!body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(body)}`);
      return { data: body.data, setCookie: res.headers.get('set-cookie') };
    };
    const person = async (phone: string) => {
      const first = await post('', 'user', 'me', {});
      const cookie = (first.setCookie ?? '').split(';')[0];
      await post(cookie, 'user', 'sendCode', { purpose: 'register', phone });
      const lines = readFileSync(join(dataDir, SMS_OUTBOX_FILE), 'utf8').trim().split('\n');
      const { code } = JSON.parse(lines.at(-1)!) as { code: string };
      await post(cookie, 'user', 'register', { phone, code });
      return cookie;
    };
    const patient = await person('13900000101');
    const doctor = await person('13900000102');
    const { code } = await createInvite({ ...ports, random: systemRandom }, 'd-bench');
    await post(doctor, 'consult', 'bindDoctor', { code });
    await post(doctor, 'consult', 'setVideoOffer', { offer: { price: 0, hours: ALL_WEEK } });
    const step = 30 * 60_000;
    const slot = new Date(Math.ceil((Date.now() + 2 * 3_600_000) / step) * step).toISOString();
    const consult = await post(patient, 'consult', 'create', {
      doctorId: 'd-bench',
      patient: { kind: 'self' },
      description: '基准测试：视频咨询信令往返。',
      type: 'video',
      slot,
    });
    const consultId = consult.data.id as string;
    await post(doctor, 'consult', 'accept', { consultId });

    const waiters = new Map<string, Waiter[]>();
    const listen = async (name: string, cookie: string) => {
      waiters.set(name, []);
      streams.push(
        await openStream(
          `${base}/api/consult/events?consultId=${consultId}`,
          cookie,
          (type, data) => {
            const list = waiters.get(name)!;
            const i = list.findIndex((w) => w.test(type, data as Record<string, unknown>));
            if (i >= 0) list.splice(i, 1)[0].done();
          },
        ),
      );
    };
    const until = (name: string, test: Waiter['test']) =>
      new Promise<void>((done) => waiters.get(name)!.push({ test, done }));
    await listen('patient', patient);
    await listen('doctor', doctor);

    const signalling: number[] = [];
    const chat: number[] = [];
    for (let i = 0; i < CALLS + 1; i++) {
      const t0 = performance.now();
      const rung = until('doctor', (type) => type === 'call');
      const call = await post(patient, 'call', 'start', { consultId });
      const callId = call.data.id as string;
      await rung;
      await post(doctor, 'call', 'accept', { callId });
      const offered = until('doctor', (type, d) => type === 'signal' && d.kind === 'offer');
      await post(patient, 'call', 'signal', { callId, kind: 'offer', payload: { sdp: SDP } });
      await offered;
      const answered = until('patient', (type, d) => type === 'signal' && d.kind === 'answer');
      await post(doctor, 'call', 'signal', { callId, kind: 'answer', payload: { sdp: SDP } });
      await answered;
      if (i > 0) signalling.push(performance.now() - t0);
      await post(patient, 'call', 'hangup', { callId });

      const t1 = performance.now();
      const delivered = until('doctor', (type) => type === 'message');
      await post(patient, 'consult', 'sendMessage', {
        consultId,
        clientMsgId: `bench-call-${i.toString().padStart(4, '0')}`,
        text: '能听到吗？',
      });
      await delivered;
      if (i > 0) chat.push(performance.now() - t1);
    }
    const p = (xs: number[], q: number) =>
      percentile(
        [...xs].sort((a, b) => a - b),
        q,
      );
    log(
      `call: ${CALLS} calls, start → answer held: p50 ${fmtMs(p(signalling, 50))}, p95 ${fmtMs(p(signalling, 95))}; ` +
        `chat message round trip p50 ${fmtMs(p(chat, 50))}`,
    );
    log('call: media (start → frames decoded) needs the H5 call page: not measured yet');
    for (const q of [50, 95])
      report.rows.push({
        bench: 'call',
        metric: `start → SDP answer held (ring, accept, offer, answer), p${q}`,
        ours: fmtMs(p(signalling, q)),
        baseline: `${fmtMs(p(chat, q))} (one chat message)`,
        ratio: fmtRatio(p(signalling, q) / Math.max(0.001, p(chat, q))),
        target: '',
        status: '',
      });
    report.rows.push({
      bench: 'call',
      metric: 'start → connected media',
      ours: 'not measured (needs the H5 call page)',
      baseline: '',
      ratio: '',
      target: '',
      status: '',
    });
  } finally {
    streams.forEach((s) => s.close());
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return report;
}
