/**
 * Chat benchmark: 1,000 clients subscribed to live consult events over SSE on the real local
 * server (in a child process), doctors sending messages; send→delivery latency p50/p99 and
 * sends/s, printed beside the same clients polling listMessages every 3 seconds, measured in
 * the same run against the same server. Target: p99 ≤ 50 ms. Run it alone with
 * `npm run bench -- chat`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchPerson, ChatChildArgs } from './lib/chat-server';
import { type BenchReport, fmtInt, fmtMs, fmtRatio, log, summarize, verdict } from './lib/report';
import { openStream, type SseStream } from './lib/sse';
import { stopChild } from './lib/child-server';

const SCALE = { doctors: 10, patients: 990 };
/** Open-loop send rate for the latency phases, and how long. */
const RATE = 100;
const LATENCY_SECONDS = 10;
/** Closed-loop throughput: this many senders back to back. */
const SENDERS = 16;
const THROUGHPUT_SECONDS = 5;
const POLL_MS = 3000;
const TARGET_P99_MS = 50;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function startChild(
  args: ChatChildArgs,
): Promise<{ child: ChildProcess; port: number; people: BenchPerson[] }> {
  const child = fork(join(__dirname, 'lib', 'chat-server.ts'), [JSON.stringify(args)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) =>
      resolve({ child, ...(m as { port: number; people: BenchPerson[] }) }),
    );
    child.once('exit', (code) =>
      reject(new Error(`chat bench server exited early (code ${code})`)),
    );
    child.once('error', reject);
  });
}

export async function runChatBench(): Promise<BenchReport> {
  const report: BenchReport = { rows: [], problems: [] };
  const dataDir = mkdtempSync(join(tmpdir(), 'zhuyi-chat-'));
  let t = performance.now();
  const { child, port, people } = await startChild({ dataDir, ...SCALE });
  const base = `http://127.0.0.1:${port}`;
  const doctors = people.filter((p) => p.role === 'doctor');
  const patients = people.filter((p) => p.role === 'patient');
  log(
    `chat: ${fmtInt(patients.length)} patients with one active consult each, ${doctors.length} doctors; set up in ${seconds(t)}`,
  );

  let n = 0;
  const sentAt = new Map<number, number>();
  let failures = 0;
  const api = async (cookie: string, action: string, data: unknown) => {
    const res = await fetch(`${base}/api/consult`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ action, data }),
    });
    const body = (await res.json()) as { ok: boolean; data?: Record<string, unknown> };
    if (!body.ok) failures++;
    return body.data;
  };
  /** A doctor replies in a random patient's consult; the text carries the send number. */
  const send = () => {
    const p = patients[Math.floor(Math.random() * patients.length)];
    const id = ++n;
    sentAt.set(id, performance.now());
    return api(doctors[p.doctor].cookie, 'sendMessage', {
      consultId: p.consults[0],
      clientMsgId: `bench-${String(id).padStart(8, '0')}`,
      text: `bench ${id}`,
    });
  };
  const numberOf = (text: unknown) =>
    typeof text === 'string' && text.startsWith('bench ') ? Number(text.slice(6)) : 0;

  /** RATE sends per second for `secs`, not waiting for answers (open loop); answers the numbers sent. */
  const openLoop = async (secs: number) => {
    const first = n + 1;
    const start = performance.now();
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < RATE * secs; i++) {
      const due = start + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      pending.push(send());
    }
    await Promise.all(pending);
    return { first, last: n };
  };
  const closedLoop = async () => {
    let done = 0;
    const end = performance.now() + THROUGHPUT_SECONDS * 1000;
    await Promise.all(
      Array.from({ length: SENDERS }, async () => {
        while (performance.now() < end) {
          await send();
          done++;
        }
      }),
    );
    return done / THROUGHPUT_SECONDS;
  };

  try {
    // Push: every patient subscribed to their consult, every doctor to all of theirs.
    t = performance.now();
    const pushLatency = new Map<number, number>();
    const streams: SseStream[] = [];
    const opening = people.map((p) => async () => {
      const query = p.role === 'patient' ? `?consultId=${p.consults[0]}` : '';
      streams.push(
        await openStream(`${base}/api/consult/events${query}`, p.cookie, (type, data, at) => {
          if (type !== 'message' || p.role !== 'patient') return;
          const id = numberOf((data as { message: { text: unknown } }).message.text);
          const t0 = sentAt.get(id);
          if (t0 !== undefined && !pushLatency.has(id)) pushLatency.set(id, at - t0);
        }),
      );
    });
    for (let i = 0; i < opening.length; i += 100)
      await Promise.all(opening.slice(i, i + 100).map((f) => f()));
    log(`  ${fmtInt(streams.length)} SSE streams open in ${seconds(t)}`);

    await openLoop(1); // warm-up
    const pushed = await openLoop(LATENCY_SECONDS);
    const inRange = () =>
      [...pushLatency].filter(([id]) => id >= pushed.first && id <= pushed.last);
    for (let i = 0; i < 50 && inRange().length < pushed.last - pushed.first + 1; i++)
      await sleep(100);
    const pushSamples = inRange().map(([, ms]) => ms);
    const lost = pushed.last - pushed.first + 1 - pushSamples.length;
    if (lost > 0) report.problems.push(`${lost} pushed messages never reached their patient`);
    const push = summarize(pushSamples);
    const pushRate = await closedLoop();
    log(
      `  push: ${fmtInt(push.calls)} deliveries at ${RATE}/s, p50 ${fmtMs(push.p50)}, p99 ${fmtMs(push.p99)}; ${fmtInt(pushRate)} sends/s with ${SENDERS} senders`,
    );
    streams.forEach((s) => s.close());
    await sleep(500);

    // Poll: the same people, every 3 s, staggered; patients listMessages after the last seq.
    const pollLatency = new Map<number, number>();
    const after = new Map<string, number>();
    for (let i = 0; i < patients.length; i += 100)
      await Promise.all(
        patients.slice(i, i + 100).map(async (p) => {
          const view = await api(p.cookie, 'get', { consultId: p.consults[0] });
          after.set(p.consults[0], Number(view?.lastSeq ?? 0));
        }),
      );
    let polls = 0;
    let polling = true;
    const pollStart = performance.now();
    const pollers = people.map(async (p) => {
      await sleep(Math.random() * POLL_MS);
      while (polling) {
        const next = performance.now() + POLL_MS;
        polls++;
        if (p.role === 'doctor') await api(p.cookie, 'list', { as: 'doctor', limit: 20 });
        else {
          const consultId = p.consults[0];
          const page = await api(p.cookie, 'listMessages', {
            consultId,
            after: after.get(consultId),
            limit: 100,
          });
          const at = performance.now();
          for (const m of (page?.items ?? []) as Array<{ text: unknown }>) {
            const id = numberOf(m.text);
            const t0 = sentAt.get(id);
            if (t0 !== undefined && !pollLatency.has(id)) pollLatency.set(id, at - t0);
          }
          after.set(consultId, Number(page?.nextAfter ?? after.get(consultId)));
        }
        await sleep(Math.max(0, next - performance.now()));
      }
    });
    await sleep(POLL_MS);
    const polled = await openLoop(LATENCY_SECONDS);
    await sleep(POLL_MS + 500);
    const pollSamples = [...pollLatency]
      .filter(([id]) => id >= polled.first && id <= polled.last)
      .map(([, ms]) => ms);
    const poll = summarize(pollSamples);
    const pollRate = await closedLoop();
    polling = false;
    const pollSeconds = (performance.now() - pollStart) / 1000;
    await Promise.all(pollers);
    log(
      `  poll: ${fmtInt(poll.calls)} deliveries, p50 ${fmtMs(poll.p50)}, p99 ${fmtMs(poll.p99)}; ${fmtInt(pollRate)} sends/s; ${fmtInt(polls / pollSeconds)} polls/s`,
    );
    if (failures > 0) report.problems.push(`${failures} requests were refused`);

    const clients = fmtInt(people.length);
    report.rows.push(
      {
        bench: 'chat',
        metric: `send→delivery p50, ${clients} clients (SSE vs 3 s poll)`,
        ours: fmtMs(push.p50),
        baseline: fmtMs(poll.p50),
        ratio: fmtRatio(poll.p50 / push.p50),
        target: '',
        status: '',
      },
      {
        bench: 'chat',
        metric: `send→delivery p99, ${clients} clients`,
        ours: fmtMs(push.p99),
        baseline: fmtMs(poll.p99),
        ratio: fmtRatio(poll.p99 / push.p99),
        target: `≤ ${TARGET_P99_MS} ms`,
        status: verdict(push.p99 <= TARGET_P99_MS),
      },
      {
        bench: 'chat',
        metric: `sends/s, ${SENDERS} senders, ${clients} clients listening`,
        ours: fmtInt(pushRate),
        baseline: fmtInt(pollRate),
        ratio: fmtRatio(pushRate / pollRate),
        target: '',
        status: '',
      },
      {
        bench: 'chat',
        metric: `requests/s while ${clients} clients wait`,
        ours: '0 (heartbeats)',
        baseline: fmtInt(polls / pollSeconds),
        ratio: '',
        target: '',
        status: '',
      },
    );
  } finally {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
  return report;
}
