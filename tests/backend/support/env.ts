import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ctx, Caller } from '../../../backend/core/context';
import { dispatch, type DispatchOptions } from '../../../backend/core/dispatch';
import { findFunction } from '../../../backend/functions';
import { COLLECTIONS } from '../../../backend/collections';
import { openSqliteStore } from '../../../backend/adapters/sqlite';
import { createFileLinks } from '../../../backend/adapters/local/file-links';
import { createLocalFileStore } from '../../../backend/adapters/local/file-store';
import { fixedClock } from '../../../backend/ports/clock';
import { createAesGcmCrypto, type Crypto } from '../../../backend/ports/crypto';
import type { FileStore } from '../../../backend/ports/files';
import { silentLogger } from '../../../backend/ports/logger';
import type { Random } from '../../../backend/ports/random';
import type { SmsMessage } from '../../../backend/ports/sms';
import type { WeChatPhone, WeChatPhoneNumber } from '../../../backend/ports/wechat-phone';
import type { DocumentStore } from '../../../backend/ports/document-store';
import { createBuiltInVerifier } from '../../../backend/user/builtin-verifier';
import { emulatedCloudbaseStore, type CloudbaseEmulator } from '../../support/cloudbase-emulator';
import type { Envelope } from '../../../contract/envelope';

/** Every answer in tests is parsed by its contract output schema: a drift fails the test. */
export const CHECKED: DispatchOptions = { checkOutput: true };

/** A fixed test key: tests may decrypt what they stored, and runs are repeatable. */
export const TEST_MASTER_KEY = Buffer.alloc(32, 7);

/** A deterministic CSPRNG stand-in: queued values first, then a seeded sequence. */
export function testRandom(seed = 1): Random & { queue: number[] } {
  let state = seed >>> 0 || 1;
  const next = () => {
    // xorshift32: repeatable, good enough to make distinct codes and names.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  const queue: number[] = [];
  return {
    queue,
    int: (min, max) => queue.shift() ?? min + Math.floor(next() * (max - min)),
    hex: (bytes) =>
      Array.from({ length: bytes }, () =>
        Math.floor(next() * 256)
          .toString(16)
          .padStart(2, '0'),
      ).join(''),
  };
}

/** What the fake SMS sender received; `fail` makes the next sends reject. */
export interface SmsCapture {
  sent: SmsMessage[];
  fail: boolean;
}

/** The fake WeChat phone port: answers what the test queued. */
export interface WeChatCapture {
  codes: string[];
  answers: Array<WeChatPhoneNumber | Error>;
}

export interface TestEnv {
  store: DocumentStore & { close(): void };
  /** The emulated CloudBase behind `store` (null on SQLite): tests reach the platform side. */
  emulator: CloudbaseEmulator | null;
  clock: ReturnType<typeof fixedClock>;
  crypto: Crypto;
  random: ReturnType<typeof testRandom>;
  sms: SmsCapture;
  wechat: WeChatCapture;
  files: FileStore;
  /** Where `files` keeps its bytes. */
  filesDir: string;
  ctx(caller?: Caller | null): Ctx;
  /** Calls an action the way the wire does: the raw body goes through dispatch. */
  call(fn: string, body: unknown, caller?: Caller | null): Promise<Envelope<unknown>>;
  close(): void;
}

/**
 * The store the backend suite runs on: SQLite, or — in the `backend-cloudbase` jest project
 * (jest.config.js sets the ZHUYI_TEST_STORE global) or with ZHUYI_TEST_STORE=cloudbase — the
 * CloudBase adapter over the emulated platform, so every handler test runs on both.
 */
export const TEST_STORE: 'sqlite' | 'cloudbase' =
  ((globalThis as { ZHUYI_TEST_STORE?: string }).ZHUYI_TEST_STORE ??
    process.env.ZHUYI_TEST_STORE) === 'cloudbase'
    ? 'cloudbase'
    : 'sqlite';

// Every store call goes through the real SDK's serializers and the emulator: slower than
// SQLite in memory (the 10,000-message deletion takes ~7 s instead of ~2 s).
if (TEST_STORE === 'cloudbase') jest.setTimeout(30_000);

/**
 * On CloudBase a test world given a file keeps its documents there between close and the
 * next open (account tests copy a seeded world's file), as the SQLite file does.
 */
function openTestStore(
  file: string,
  kind: typeof TEST_STORE,
): { store: DocumentStore & { close(): void }; emulator: CloudbaseEmulator | null } {
  if (kind === 'sqlite')
    return { store: openSqliteStore({ file, collections: COLLECTIONS }), emulator: null };
  const { store, emulator } = emulatedCloudbaseStore(COLLECTIONS);
  const durable = file !== ':memory:';
  if (durable && existsSync(file)) emulator.store.load(readFileSync(file, 'utf8'));
  const close = () => {
    if (durable) writeFileSync(file, emulator.store.save());
  };
  return { store: Object.assign(store, { close }), emulator };
}

/**
 * A real store (SQLite in memory unless a file is given, or CloudBase: see TEST_STORE) with every collection, a fixed
 * clock, and the accounts ports: real AES-GCM with a test key, real files in a temp
 * folder, a deterministic Random, and capturing SMS / WeChat phone fakes.
 */
export function makeEnv(file = ':memory:', kind = TEST_STORE): TestEnv {
  const { store, emulator } = openTestStore(file, kind);
  const clock = fixedClock('2026-11-30T08:00:00Z');
  const crypto = createAesGcmCrypto({ current: TEST_MASTER_KEY });
  const random = testRandom();
  const filesDir = mkdtempSync(join(tmpdir(), 'zhuyi-files-'));
  const files = createLocalFileStore({ dir: filesDir, links: createFileLinks(crypto), clock });
  const sms: SmsCapture = { sent: [], fail: false };
  const wechat: WeChatCapture = { codes: [], answers: [] };
  const wechatPhone: WeChatPhone = {
    async getPhoneNumber(code) {
      wechat.codes.push(code);
      const answer = wechat.answers.shift();
      if (!answer) throw new Error('no WeChat phone answer queued');
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  const ports = {
    store,
    clock,
    log: silentLogger,
    crypto,
    random,
    files,
    verifier: createBuiltInVerifier({ clock, files, crypto: crypto }),
    wechatPhone,
    sms: {
      async send(message: SmsMessage) {
        if (sms.fail) throw new Error('provider down');
        sms.sent.push(message);
      },
    },
  };
  const ctx = (caller: Caller | null = null): Ctx => ({ ...ports, caller });
  return {
    store,
    emulator,
    clock,
    crypto,
    random,
    sms,
    wechat,
    files,
    filesDir,
    ctx,
    async call(fn, body, caller = null) {
      const f = findFunction(fn);
      if (!f) throw new Error(`no function ${fn}`);
      return dispatch(f, body, ctx(caller), CHECKED);
    },
    close: () => {
      store.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

export function expectOk<T = unknown>(env: Envelope<unknown>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.error.code}: ${env.error.message}`);
  return env.data as T;
}
