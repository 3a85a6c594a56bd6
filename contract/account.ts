import * as z from './zod';
import { smsCodeSchema } from './user/schemas';
import { DELETION_TYPED_WORD } from './account/items';

/**
 * The `account` function: account deletion (注销账号, clause DEL) and a copy of one's data
 * (导出我的数据, PIPL art. 45). Every action needs a caller (UNAUTHENTICATED otherwise).
 * A registered account must be logged in (UNAUTHENTICATED login_required); a caller who
 * never registered (consents and analytics only) may still preview, delete and export.
 * Reasons in `error.details.reason`: ACCOUNT_ERROR_REASONS below, and the user function's
 * code reasons (code_mismatch + attemptsLeft / code_expired / code_locked) on `data.code`.
 */

export * from './account/items';

const count = z.number().int().min(0);

/**
 * What deletion loses, counted from the personal data map: rows of the collections the
 * map files under each heading (0 where none exists yet), the files in storage, and paid
 * orders whose money has not gone back (their refund right is forfeited).
 */
export const deletionCountsSchema = z.object({
  consultations: count,
  messages: count,
  appointments: count,
  records: count,
  /** 就诊人 (the people the account consulted for). */
  patients: count,
  files: count,
  forfeitedOrders: count,
});
export type DeletionCounts = z.infer<typeof deletionCountsSchema>;

/** The receipt a finished deletion leaves: no personal data, only times and counts. */
export const deletionReceiptSchema = z.object({
  /** Quote it to customer service; derived from an HMAC of the identity, names nobody. */
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  counts: deletionCountsSchema,
  /** Rows removed, and rows kept without their link to the account (e.g. a doctor's consults). */
  rows: z.object({ deleted: count, anonymised: count }),
});
export type DeletionReceipt = z.infer<typeof deletionReceiptSchema>;

/**
 * Where the caller's deletion stands. 'running': poll deletionStatus (each call also does
 * a bounded part of the work) until 'done'. `progress` is null for 'none'.
 */
export const deletionStatusSchema = z.object({
  state: z.enum(['none', 'running', 'done']),
  progress: z.object({ stepsDone: count, stepsTotal: count }).nullable(),
  receipt: deletionReceiptSchema.optional(),
});
export type DeletionStatus = z.infer<typeof deletionStatusSchema>;

export const exportedCollectionSchema = z.object({
  collection: z.string(),
  /** What the rows are and why they are kept (the data map's descriptions and clauses). */
  descriptions: z.array(z.string()),
  clauses: z.array(z.string()),
  /**
   * The stored rows, with encrypted fields decrypted (`phoneEnc` → `phone`), file keys
   * replaced by `{ url, expiresAt }` (url null where storage cannot serve the plaintext, e.g.
   * encrypted files on CloudBase), and fields naming
   * another person (the doctor's account id) null.
   */
  rows: z.array(z.record(z.string(), z.unknown())),
});

export const accountActions = {
  /**
   * The 注销账号 screen: what will be lost, the consequences as the policy words them, and
   * how to confirm: 'sms' (bound phone: send user.sendCode {purpose:'verify'}, then delete
   * with `code`) or 'typed' (no bound phone: delete with typed '注销'). A registered
   * account's session must be trusted (PERMISSION_DENIED device_unverified otherwise).
   */
  deletionPreview: {
    input: z.object({}).strict(),
    output: z.object({
      counts: deletionCountsSchema,
      consequences: z.array(z.string()),
      verification: z.enum(['sms', 'typed']),
      /** The bound phone, masked, where the code goes; null for 'typed'. */
      phoneMasked: z.string().nullable(),
      deletion: z.enum(['none', 'running', 'done']),
    }),
  },
  /**
   * Deletes everything of the caller's (DEL), after the ticked confirmation and the
   * re-verification: `code` (fresh 'verify' SMS code to the bound phone) or `typed`.
   * Starts one job and works on it for a bounded time; call deletionStatus until 'done'.
   * While a job runs, delete only continues it (no second code needed). Afterwards the
   * same caller is a new user (user.me: registered false).
   */
  delete: {
    input: z
      .object({
        confirm: z.literal(true, { error: '请先勾选确认注销' }),
        code: smsCodeSchema.optional(),
        typed: z.literal(DELETION_TYPED_WORD, { error: '请输入“注销”确认' }).optional(),
      })
      .strict(),
    output: deletionStatusSchema,
  },
  /** The caller's own deletion; continues a running one by one bounded step. */
  deletionStatus: {
    input: z.object({}).strict(),
    output: deletionStatusSchema,
  },
  /**
   * All the caller's personal data, page by page: every collection of the personal data
   * map, decrypted for the owner, pictures as links valid EXPORT_LINK_TTL_SECONDS. Each
   * answer lists every collection with the rows of this page (at most EXPORT_PAGE_ROWS in
   * all); call again with `cursor: next` until `next` is null and concatenate the rows by
   * collection. A cursor only ever reads the caller's own rows. A registered account's
   * session must be trusted.
   */
  export: {
    input: z
      .object({
        cursor: z
          .string()
          .max(200)
          .regex(/^[A-Za-z0-9_-]+$/, '无效的导出游标')
          .optional(),
      })
      .strict(),
    output: z.object({
      exportedAt: z.string(),
      linksExpireAt: z.string(),
      collections: z.array(exportedCollectionSchema),
      /** The cursor of the next page, or null when this was the last. */
      next: z.string().nullable(),
    }),
  },
} as const;
