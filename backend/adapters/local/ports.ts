import { operatorFactsFrom } from '../../../contract/privacy/supplement';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS } from '../../collections';
import type { Ports } from '../../core/context';
import { systemClock } from '../../ports/clock';
import type { DocumentStore } from '../../ports/document-store';
import { consoleLogger, type Logger } from '../../ports/logger';
import { systemRandom } from '../../ports/random';
import type { SmsSender } from '../../ports/sms';
import { createBuiltInVerifier } from '../../user/builtin-verifier';
import { createStoreNotifier } from '../../consult/notices';
import { createPatientDirectory } from '../../patients/directory';
import { noPayments } from '../../ports/payment';
import {
  createTencentFaceIdVerifier,
  tencentFaceIdConfigFromEnv,
} from '../cloudbase/tencent-faceid';
import { createTencentSmsSender, tencentSmsConfigFromEnv } from '../cloudbase/tencent-sms';
import { openSqliteStore } from '../sqlite';
import { createLocalCrypto } from './crypto';
import { createFileDeletionLedger } from './deletion-ledger';
import { createFileLinks } from './file-links';
import { createLocalFileStore, FILES_DIR } from './file-store';
import { createLocalRealtime } from './realtime-hub';
import { createSandboxPayment } from './sandbox-payment';
import { localVideoRoomsFromEnv } from './webrtc-rooms';
import { createOutboxSmsSender } from './sms-outbox';
import { localWeChatPhone } from './wechat-phone';
import { localContentSecurity } from '../../content/local';

export const DATABASE_FILE = 'zhuyi.sqlite';

/** Every port; videoRooms only while VIDEO_ENABLED is on (the default locally). */
export interface LocalPorts extends Required<Omit<Ports, 'videoRooms'>>, Pick<Ports, 'videoRooms'> {
  store: DocumentStore & { close(): void };
}

/**
 * The ports for one local process (`npm start`, `npm run serve`, scripts): the SQLite
 * database `<dataDir>/zhuyi.sqlite` with every collection, the system clock, a logger, and
 * the accounts ports: Crypto with `<dataDir>/master.key`, files under `<dataDir>/files`,
 * SMS through Tencent Cloud when TENCENT_SMS_* is set or else the development outbox
 * `<dataDir>/sms-outbox.jsonl` (refused in production), Tencent Cloud faceid when
 * IDENTITY_VERIFIER=tencent-faceid or else the built-in identity verifier (local use only);
 * for consultations the payment sandbox (none in production: free consults only), the
 * in-app notice list and the in-process realtime hub the SSE route reads; 视频咨询 over
 * WebRTC unless VIDEO_ENABLED=0, with ICE_SERVERS (backend/adapters/local/webrtc-rooms.ts);
 * finished deletions appended to `<dataDir>/deletion-ledger.jsonl` (restore replays it).
 * Creates `dataDir` if needed. Whoever calls this closes `store` when done.
 */
export function createLocalPorts(options: {
  dataDir: string;
  log?: Logger;
  env?: NodeJS.ProcessEnv;
}): LocalPorts {
  const env = options.env ?? process.env;
  const log = options.log ?? consoleLogger;
  mkdirSync(options.dataDir, { recursive: true });
  const clock = systemClock;
  const crypto = createLocalCrypto(options.dataDir, env);
  const sms = localSmsSender(options.dataDir, log, env);
  const files = createLocalFileStore({
    dir: join(options.dataDir, FILES_DIR),
    links: createFileLinks(crypto),
    clock,
  });
  const faceid = tencentFaceIdConfigFromEnv(env);
  const store = openSqliteStore({
    file: join(options.dataDir, DATABASE_FILE),
    collections: COLLECTIONS,
  });
  return {
    store,
    clock,
    log,
    crypto,
    random: systemRandom,
    sms,
    files,
    verifier: faceid
      ? createTencentFaceIdVerifier(faceid, { files, crypto, clock })
      : createBuiltInVerifier({ clock, files, crypto: crypto }),
    wechatPhone: localWeChatPhone,
    contentSecurity: localContentSecurity,
    payment:
      env.NODE_ENV === 'production'
        ? noPayments
        : createSandboxPayment({ store, clock, random: systemRandom }),
    notifier: createStoreNotifier({ store, random: systemRandom }),
    realtime: createLocalRealtime((err) =>
      log.error({ err: String(err) }, 'realtime listener failed'),
    ),
    // Booking reads 就诊人 from the patients function; `self` still means the account holder.
    patients: createPatientDirectory({ store, crypto }),
    hisFetch: globalThis.fetch,
    videoRooms: localVideoRoomsFromEnv(env),
    operator: operatorFactsFrom(env),
    deletionLedger: createFileDeletionLedger(options.dataDir),
  };
}

function localSmsSender(dataDir: string, log: Logger, env: NodeJS.ProcessEnv): SmsSender {
  const tencent = tencentSmsConfigFromEnv(env);
  if (tencent) return createTencentSmsSender(tencent);
  return createOutboxSmsSender({ dataDir, log, clock: systemClock, env });
}
