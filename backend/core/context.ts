import type { Clock } from '../ports/clock';
import type { ContentSecurity } from '../ports/content-security';
import type { Crypto } from '../ports/crypto';
import type { DeletionLedger } from '../ports/deletion-ledger';
import type { DocumentStore } from '../ports/document-store';
import type { FileStore } from '../ports/files';
import type { OperatorFacts } from '../../contract/privacy/supplement';
import type { IdentityVerifier } from '../ports/identity-verifier';
import type { Logger } from '../ports/logger';
import type { Notifier } from '../ports/notifier';
import type { PatientDirectory } from '../ports/patient-directory';
import type { PaymentProvider } from '../ports/payment';
import type { Random } from '../ports/random';
import type { Realtime } from '../ports/realtime';
import type { SmsSender } from '../ports/sms';
import type { VideoRooms } from '../ports/video-rooms';
import type { WeChatPhone } from '../ports/wechat-phone';

/**
 * Who is calling. `openid` comes from getWXContext() on CloudBase and from the session
 * cookie locally — never from the request body (docs/ARCHITECTURE.md "The wire").
 */
export interface Caller {
  openid: string;
  /** CLIENTIP on CloudBase, the socket address locally; for rate limits. */
  clientIp: string | null;
}

/** The ports a handler may use. Later features add theirs here. */
export interface Ports {
  store: DocumentStore;
  clock: Clock;
  log: Logger;
  /**
   * The accounts ports (REG, DEV, IDV). Optional because functions that hold no personal
   * data (catalog) run without them, e.g. a CloudBase function with no master key. A
   * handler that needs one takes it with `portOf` (backend/user/ports.ts).
   */
  crypto?: Crypto;
  random?: Random;
  sms?: SmsSender;
  files?: FileStore;
  verifier?: IdentityVerifier;
  wechatPhone?: WeChatPhone;
  /** Issue 15 §7: text and image checks; absent = the local rule set (backend/content). */
  contentSecurity?: ContentSecurity;
  /** The consultation ports (backend/consult). */
  payment?: PaymentProvider;
  notifier?: Notifier;
  realtime?: Realtime;
  /** Booking: the 就诊人 (the patients function's directory), and the HTTP client HIS adapters use. */
  patients?: PatientDirectory;
  hisFetch?: typeof fetch;
  /** 视频咨询 (backend/call): absent = the operator has video off (VIDEO_ENABLED). */
  videoRooms?: VideoRooms;
  /** The operator's facts from configuration (ZY_OPERATOR_*, ZY_PI_OFFICER*); never invented. */
  operator?: OperatorFacts;
  /** DEL: finished deletions recorded outside the database (local only; restore replays it). */
  deletionLedger?: DeletionLedger;
}

export interface Ctx extends Ports {
  caller: Caller | null;
}
