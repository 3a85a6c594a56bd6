/**
 * Every retention promise the manifest makes, and what keeps it (issue 11 point 8). A rule
 * names a collection, the timestamp field it ages by, and how long past that timestamp a
 * row may live; backend/privacy/retention.ts deletes what is older, from the local server's
 * sweep (server/sweep.ts) and the CloudBase timer (cloudfunctions/account-sweep). Zod-free
 * plain data, so the manifest, the guide and the two lists can cite it.
 */
export interface RetentionRule {
  /** The collection's wire name (backend/collections.ts). */
  collection: string;
  /** An ISO timestamp field; a row is due when `field + keepMinutes` is past. */
  field: string;
  keepMinutes: number;
  /** Only rows matching this too (e.g. invites never used). */
  only?: Record<string, string | number | boolean>;
  /** The promise as the user reads it. */
  promise: string;
}

const DAY = 24 * 60;

export const RETENTION_RULES = {
  'analytics-180d': {
    collection: 'analyticsEvents',
    field: 'receivedAt',
    keepMinutes: 180 * DAY,
    promise: '统计事件保留 180 天，到期自动删除',
  },
  'sms-codes': {
    collection: 'smsCodes',
    field: 'expiresAt',
    keepMinutes: 0,
    promise: '短信验证码 5 分钟后失效，失效即删除（仅保存 HMAC）',
  },
  'rate-counters': {
    collection: 'rateCounters',
    field: 'expiresAt',
    keepMinutes: 0,
    promise: '防刷计数（手机号、IP 的 HMAC）到期即删除',
  },
  'expired-invites': {
    collection: 'doctorInvites',
    field: 'expiresAt',
    keepMinutes: 0,
    only: { used: false },
    promise: '未使用的医生邀请码 7 天后失效，失效即删除',
  },
} as const satisfies Record<string, RetentionRule>;

export type RetentionRuleId = keyof typeof RETENTION_RULES;

/**
 * What keeps a manifest category's promise: a rule above, the consultation sweep's removal
 * of unattached uploads, account deletion (DEL, backend/account), the identity photos'
 * deletion once the verifier has answered (IDV, backend/user/identity.ts;
 * tests/backend/user/identity-photos.test.ts), or nothing to keep because it is never stored.
 */
export type RetentionEnforcer =
  | RetentionRuleId
  | 'unattached-uploads'
  | 'account-deletion'
  | 'consent-withdrawal'
  | 'after-verification'
  | 'not-stored';
