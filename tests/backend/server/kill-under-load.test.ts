/**
 * Issue 15 item 5: an acknowledged message survives the server being killed. Many concurrent
 * sendMessage calls go to `npm run serve` (server/main.ts, a child process) over HTTP; once
 * enough are acknowledged (answered ok) the server gets SIGKILL mid-load — no close, no
 * checkpoint. Restarted on the same DATA_DIR, every acknowledged message is there, with its
 * text, exactly once. (SIGKILL cannot tell synchronous=FULL from NORMAL — the pragma itself is
 * asserted in document-store.sqlite-schema.test.ts.) No fixed sleeps: every wait is for a
 * condition.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalPorts } from '../../../backend/adapters/local/ports';
import { SMS_OUTBOX_FILE } from '../../../backend/adapters/local/sms-outbox';
import { DOCTORS } from '../../../backend/collections';
import { createInvite } from '../../../backend/consult';
import { POLICY_VERSION } from '../../../contract/privacy/policy';
import { SENSITIVE_CONSENTS } from '../../../contract/privacy/sensitive-consents';
import { doctorDoc } from '../consult/support';
import { tempDir } from './support';

const ROOT = join(__dirname, '..', '..', '..');
const DOCTOR_ID = 'd-kill-test';
/** Acknowledged messages to wait for before the kill, and the senders keeping the load on. */
const ACKED_BEFORE_KILL = 150;
const SENDERS = 16;

jest.setTimeout(60_000);

interface Server {
  child: ChildProcess;
  base: string;
  exited: Promise<NodeJS.Signals | number | null>;
}

/** `npm run serve` on `dataDir`; resolves once it says where it runs. */
function serve(dataDir: string): Promise<Server> {
  // Node itself runs the server (tsx as a loader, not tsx's CLI, which would run it in a
  // grandchild that a SIGKILL of the CLI leaves alive).
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /上海助医 running at (http:\/\/\S+)/.exec(stdout);
      if (match) resolve({ child, base: match[1], exited });
    });
    void exited.then((code) => reject(new Error(`server exited ${String(code)}: ${stderr}`)));
  });
}

type Body = {
  ok: boolean;
  data?: Record<string, unknown>;
  error?: { code: string; message: string };
};

async function post(
  base: string,
  cookie: string | null,
  fn: string,
  action: string,
  data: unknown,
) {
  const res = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ action, data }),
  });
  return { res, body: (await res.json()) as Body };
}

async function ok(base: string, cookie: string, fn: string, action: string, data: unknown) {
  const { body } = await post(base, cookie, fn, action, data);
  if (!body.ok) throw new Error(`${fn}.${action}: ${body.error?.code} ${body.error?.message}`);
  return body.data!;
}

/** A browser that agrees to the policy and registers `phone` with the code from the SMS outbox. */
async function register(base: string, dataDir: string, phone: string): Promise<string> {
  const { res } = await post(base, null, 'user', 'me', {});
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  expect(cookie).toMatch(/^zy_sid=/);
  await ok(base, cookie, 'privacy', 'recordConsent', { policyVersion: POLICY_VERSION });
  await ok(base, cookie, 'user', 'sendCode', { purpose: 'register', phone });
  const lines = readFileSync(join(dataDir, SMS_OUTBOX_FILE), 'utf8').trim().split('\n');
  const sent = lines.map((l) => JSON.parse(l) as { phone?: string; code: string });
  const { code } = sent.filter((m) => m.phone === undefined || m.phone === phone).pop()!;
  await ok(base, cookie, 'user', 'register', { phone, code });
  return cookie;
}

/** Every message of the consult, page by page (by seq). */
async function allMessages(base: string, cookie: string, consultId: string) {
  const out: Array<{ clientMsgId: string | null; text: string | null; seq: number }> = [];
  for (let after = 0; ;) {
    const page = (await ok(base, cookie, 'consult', 'listMessages', {
      consultId,
      after,
      limit: 100,
    })) as {
      items: Array<{ clientMsgId: string | null; text: string | null; seq: number }>;
    };
    out.push(...page.items);
    if (page.items.length === 0) return out;
    after = page.items[page.items.length - 1].seq;
  }
}

let dataDir: string;
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

it('finds every acknowledged message after a SIGKILL under load and a restart', async () => {
  dataDir = tempDir('kill');
  // The doctor and an invite, written before the server starts (as `npm run doctor:invite` does).
  const ports = createLocalPorts({ dataDir, log: { info() {}, warn() {}, error() {} } as never });
  await ports.store.insert(DOCTORS.name, doctorDoc(DOCTOR_ID, '钱医生', 0));
  const { code: invite } = await createInvite(ports, DOCTOR_ID);
  ports.store.close();

  const first = await serve(dataDir);
  children.push(first.child);
  const patient = await register(first.base, dataDir, '13800000101');
  const doctor = await register(first.base, dataDir, '13800000102');
  await ok(first.base, doctor, 'consult', 'bindDoctor', { code: invite });
  const health = SENSITIVE_CONSENTS.health.version;
  await ok(first.base, patient, 'privacy', 'recordSensitiveConsent', {
    item: 'health',
    version: health,
  });
  const consult = await ok(first.base, patient, 'consult', 'create', {
    doctorId: DOCTOR_ID,
    patient: { kind: 'self' },
    description: '咽喉痛两天，想请医生看看。',
  });
  const consultId = consult.id as string;
  await ok(first.base, doctor, 'consult', 'accept', { consultId });

  // The load: senders on both sides, each sending one message after another until the kill.
  const acked = new Map<string, string>();
  let failed = 0;
  let killed = false;
  let reachedTarget: () => void;
  const target = new Promise<void>((resolve) => (reachedTarget = resolve));
  const sender = async (n: number) => {
    const cookie = n % 2 === 0 ? patient : doctor;
    for (let i = 0; !killed && Date.now() < giveUpAt; i++) {
      const clientMsgId = `kill-${n.toString().padStart(2, '0')}-${i.toString().padStart(5, '0')}`;
      const text = `第${i}条，来自发送者${n}`;
      try {
        const { body } = await post(first.base, cookie, 'consult', 'sendMessage', {
          consultId,
          clientMsgId,
          text,
        });
        if (body.ok) acked.set(clientMsgId, text);
        else failed++;
      } catch {
        failed++; // the connection died with the server: not acknowledged
      }
      if (acked.size >= ACKED_BEFORE_KILL) reachedTarget();
    }
  };
  // The senders give up after 30 s, so a server that never acknowledges fails instead of hanging.
  const giveUpAt = Date.now() + 30_000;
  const load = Promise.all(Array.from({ length: SENDERS }, (_, n) => sender(n)));
  await Promise.race([target, load]);
  expect(acked.size).toBeGreaterThanOrEqual(ACKED_BEFORE_KILL);
  first.child.kill('SIGKILL');
  expect(await first.exited).toBe('SIGKILL');
  killed = true;
  await load;
  expect(acked.size).toBeGreaterThanOrEqual(ACKED_BEFORE_KILL);

  const second = await serve(dataDir);
  children.push(second.child);
  const stored = await allMessages(second.base, patient, consultId);
  const byClientId = new Map<string, string | null>();
  for (const m of stored) if (m.clientMsgId) byClientId.set(m.clientMsgId, m.text);
  // The patient sees clientMsgId only on their own messages: check the doctor's from their side.
  for (const m of await allMessages(second.base, doctor, consultId))
    if (m.clientMsgId) byClientId.set(m.clientMsgId, m.text);
  const missing = [...acked].filter(([id, text]) => byClientId.get(id) !== text).map(([id]) => id);
  expect({ acknowledged: acked.size, missing }).toEqual({ acknowledged: acked.size, missing: [] });
  // Exactly once: seq numbers are distinct and dense.
  expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));

  second.child.kill('SIGTERM');
  await second.exited;
  console.info(
    `kill under load: ${acked.size} acknowledged, ${failed} not, all ${acked.size} found`,
  );
});
