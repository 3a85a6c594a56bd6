/**
 * The reference fake HIS (docs/his-contract.md): an HTTP server on 127.0.0.1 holding slots
 * and bookings in memory, answering exactly as the contract says. Tests start it, point a
 * hospital's booking configuration at it, and can take it down (`down`: every call 503).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSlot {
  doctorId: string;
  date: string;
  period: 'am' | 'pm' | 'eve';
  feeFen: number;
  capacity: number;
  remaining: number;
  stopped: boolean;
}

export interface FakeHis {
  baseUrl: string;
  token: string;
  slots: FakeSlot[];
  bookings: Map<
    string,
    { slotKey: string; patient: unknown; checkedIn: boolean; cancelled: boolean }
  >;
  calls: string[];
  down: boolean;
  close(): Promise<void>;
}

const key = (s: { doctorId: string; date: string; period: string }) =>
  `${s.doctorId}|${s.date}|${s.period}`;

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return chunks.length
    ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
    : {};
}

export async function startFakeHis(token = 'his-test-token'): Promise<FakeHis> {
  const his: Omit<FakeHis, 'baseUrl' | 'close'> = {
    token,
    slots: [],
    bookings: new Map(),
    calls: [],
    down: false,
  };
  const send = (res: ServerResponse, status: number, json?: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(json === undefined ? '' : JSON.stringify(json));
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      his.calls.push(`${req.method} ${url.pathname}`);
      if (his.down) return send(res, 503, { error: 'maintenance' });
      if (req.headers.authorization !== `Bearer ${token}`)
        return send(res, 401, { error: 'token' });
      const path = url.pathname.replace(/^\/his/, '');
      if (req.method === 'GET' && path === '/slots') {
        const q = url.searchParams;
        const list = his.slots.filter(
          (s) =>
            s.doctorId === q.get('doctorId') && s.date >= q.get('from')! && s.date <= q.get('to')!,
        );
        return send(res, 200, { slots: list });
      }
      if (req.method === 'POST' && path === '/bookings') {
        const b = await body(req);
        const id = String(b.bookingId);
        const existing = his.bookings.get(id);
        if (existing && !existing.cancelled) return send(res, 200, { status: 'taken' });
        const slot = his.slots.find((s) => key(s) === key(b as unknown as FakeSlot));
        if (!slot) return send(res, 404, { error: 'no such slot' });
        if (slot.stopped) return send(res, 409, { status: 'stopped' });
        if (slot.remaining <= 0) return send(res, 409, { status: 'full' });
        slot.remaining--;
        his.bookings.set(id, {
          slotKey: key(slot),
          patient: b.patient,
          checkedIn: false,
          cancelled: false,
        });
        return send(res, 201, { status: 'taken' });
      }
      const m = /^\/bookings\/([A-Za-z0-9_-]+)(\/check-in)?$/.exec(path);
      const booking = m && his.bookings.get(m[1]);
      if (m && req.method === 'DELETE') {
        if (!booking || booking.cancelled) return send(res, 404, { error: 'no such booking' });
        booking.cancelled = true;
        const slot = his.slots.find((s) => key(s) === booking.slotKey);
        if (slot) slot.remaining++;
        return send(res, 204);
      }
      if (m && m[2] && req.method === 'POST') {
        if (!booking || booking.cancelled) return send(res, 404, { error: 'no such booking' });
        booking.checkedIn = true;
        return send(res, 204);
      }
      return send(res, 404, { error: 'not found' });
    })().catch(() => send(res, 500, { error: 'fake HIS failed' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(his, {
    baseUrl: `http://127.0.0.1:${port}/his`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
