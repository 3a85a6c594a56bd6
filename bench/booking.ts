/**
 * Booking benchmark (issue 13): 1,000 clients race for one slot of capacity 20 over HTTP on
 * the real local server (in a child process, SQLite). Successes must be exactly 20 and no
 * answer a 500; the race's p99 latency is printed beside uncontended bookings (one at a
 * time, on a quiet slot) measured in the same run against the same server. Run it alone
 * with `npm run bench -- booking`; it is never part of `npm test`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BookingChildArgs } from './lib/booking-server';
import { stopChild } from './lib/child-server';
import { type BenchReport, fmtInt, fmtMs, fmtRatio, log, summarize, verdict } from './lib/report';

const CLIENTS = 1000;
const CAPACITY = 20;
const UNCONTENDED = 50;

interface Child {
  child: ChildProcess;
  port: number;
  cookies: string[];
  hot: string;
  quiet: string;
}

function startChild(args: BookingChildArgs): Promise<Child> {
  const child = fork(join(__dirname, 'lib', 'booking-server.ts'), [JSON.stringify(args)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, ...(m as Omit<Child, 'child'>) }));
    child.once('exit', (code) =>
      reject(new Error(`booking bench server exited early (code ${code})`)),
    );
    child.once('error', reject);
  });
}

async function book(base: string, cookie: string, slotId: string, n: number) {
  const t = performance.now();
  const res = await fetch(`${base}/api/booking`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      action: 'book',
      data: { slotId, patientId: 'me', clientRequestId: `bench-${n}-req` },
    }),
  });
  const body = (await res.json()) as {
    ok: boolean;
    error?: { code: string; details?: { reason?: string } };
  };
  return {
    ms: performance.now() - t,
    status: res.status,
    ok: body.ok,
    reason: body.error?.details?.reason ?? body.error?.code,
  };
}

export async function runBookingBench(): Promise<BenchReport> {
  const report: BenchReport = { rows: [], problems: [] };
  const dataDir = mkdtempSync(join(tmpdir(), 'zhuyi-booking-'));
  const t0 = performance.now();
  const server = await startChild({ dataDir, people: CLIENTS + UNCONTENDED, capacity: CAPACITY });
  const base = `http://127.0.0.1:${server.port}`;
  log(
    `booking: ${fmtInt(CLIENTS + UNCONTENDED)} accounts, set up in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  try {
    // Uncontended first, one at a time, on the quiet slot (also warms the server up).
    const quiet = [];
    for (let i = 0; i < UNCONTENDED; i++)
      quiet.push(await book(base, server.cookies[CLIENTS + i], server.quiet, CLIENTS + i));
    // The race: every client fires at once at the hot slot.
    const race = await Promise.all(
      server.cookies.slice(0, CLIENTS).map((c, i) => book(base, c, server.hot, i)),
    );
    const ok = race.filter((r) => r.ok).length;
    const errors = race.filter((r) => r.status >= 500).length;
    const reasons = new Map<string, number>();
    for (const r of race)
      if (!r.ok) reasons.set(String(r.reason), (reasons.get(String(r.reason)) ?? 0) + 1);
    const raceT = summarize(race.map((r) => r.ms));
    const quietT = summarize(quiet.map((r) => r.ms));
    log(
      `booking: race ${ok}/${CLIENTS} booked (capacity ${CAPACITY}), ${errors} 5xx; refusals ${JSON.stringify(Object.fromEntries(reasons))}`,
    );
    log(
      `booking: race p50 ${fmtMs(raceT.p50)} p99 ${fmtMs(raceT.p99)}; uncontended p50 ${fmtMs(quietT.p50)} p99 ${fmtMs(quietT.p99)}`,
    );
    if (ok !== CAPACITY) report.problems.push(`${ok} bookings succeeded on a slot of ${CAPACITY}`);
    if (errors > 0) report.problems.push(`${errors} answers were 5xx`);
    if (quiet.some((r) => !r.ok)) report.problems.push('an uncontended booking failed');
    report.rows.push(
      {
        bench: 'booking',
        metric: `successes, ${fmtInt(CLIENTS)} clients on capacity ${CAPACITY}`,
        ours: String(ok),
        baseline: '',
        ratio: '',
        target: `= ${CAPACITY}`,
        status: verdict(ok === CAPACITY),
      },
      {
        bench: 'booking',
        metric: '5xx answers in the race',
        ours: String(errors),
        baseline: '',
        ratio: '',
        target: '0',
        status: verdict(errors === 0),
      },
      {
        bench: 'booking',
        metric: 'book p99 (race vs uncontended)',
        ours: fmtMs(raceT.p99),
        baseline: fmtMs(quietT.p99),
        ratio: fmtRatio(raceT.p99 / quietT.p99),
        target: '',
        status: '',
      },
      {
        bench: 'booking',
        metric: 'book p50 (race vs uncontended)',
        ours: fmtMs(raceT.p50),
        baseline: fmtMs(quietT.p50),
        ratio: fmtRatio(raceT.p50 / quietT.p50),
        target: '',
        status: '',
      },
    );
  } finally {
    await stopChild(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
  return report;
}
