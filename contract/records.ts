import * as z from './zod';
import { idSchema } from './common';
import { cursorSchema } from './consult/schemas';
import { patientIdSchema, calendarDateSchema } from './patients/schemas';
import {
  ACCESS_LOG_PAGE,
  ATTACHMENT_TYPES,
  MAX_RECORD_ATTACHMENTS,
  MAX_SHARE_RECORDS,
  RECORDS_PAGE,
} from './records/items';
import {
  attachmentIdSchema,
  attachmentUploadSchema,
  departmentSchema,
  diagnosisSchema,
  hospitalInputSchema,
  notesSchema,
  recordIdSchema,
  recordKindSchema,
} from './records/schemas';

export * from './records/items';
export * from './records/schemas';
export * from './records/file-type';

/**
 * The `records` function: 个人病历 of the account's 就诊人, and sharing chosen records with
 * the doctor of a consult (PI, SEC; PIPL art. 28/29 — health information). Every action
 * needs a registered, logged-in, trusted account. Another account's record, 就诊人 or
 * consult is NOT_FOUND, the same as one that does not exist. Department, diagnosis, notes
 * and the files are encrypted at rest. Reasons: contract/records/items.ts.
 */

export const attachmentViewSchema = z.object({
  id: z.string(),
  contentType: z.enum(ATTACHMENT_TYPES),
  size: z.number().int(),
  /** A short-lived link bound to the caller (decrypted locally); null where the store cannot serve one — use getAttachment. */
  url: z.string().nullable(),
});

export const recordSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }),
  /** The doctor's summary of a closed consult, written here when it closed. */
  z.object({ kind: z.literal('consult'), consultId: z.string(), doctorName: z.string() }),
]);

export const recordSummarySchema = z.object({
  id: z.string(),
  patientId: z.string(),
  kind: recordKindSchema,
  date: z.string(),
  hospital: z.object({ id: z.string().nullable(), name: z.string() }),
  department: z.string().nullable(),
  diagnosis: z.string().nullable(),
  attachmentCount: z.number().int(),
  source: recordSourceSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RecordSummary = z.infer<typeof recordSummarySchema>;

export const recordViewSchema = recordSummarySchema.extend({
  notes: z.string().nullable(),
  attachments: z.array(attachmentViewSchema),
});
export type RecordView = z.infer<typeof recordViewSchema>;

export const shareViewSchema = z.object({
  recordId: z.string(),
  consultId: z.string(),
  kind: recordKindSchema,
  date: z.string(),
  sharedAt: z.string(),
});

export const accessEntrySchema = z.object({
  id: z.string(),
  recordId: z.string(),
  consultId: z.string(),
  doctor: z.object({ id: z.string(), name: z.string() }),
  /** record: the doctor opened it; attachment: one of its files. */
  what: z.enum(['record', 'attachment']),
  attachmentId: z.string().nullable(),
  at: z.string(),
});

const page = (max: number) => z.number().int().min(1).max(max).optional();
const byRecord = z.object({ recordId: recordIdSchema }).strict();
const byConsult = z.object({ consultId: idSchema }).strict();
const sharesOut = z.object({
  shares: z.array(shareViewSchema),
  /** Until when the doctor can see them: null while the consult is open. */
  visibleUntil: z.string().nullable(),
});

export const recordsActions = {
  /** One 就诊人's records, newest date first; continue with cursor = nextCursor. */
  list: {
    input: z
      .object({
        patientId: patientIdSchema,
        cursor: cursorSchema.optional(),
        limit: page(RECORDS_PAGE.max),
      })
      .strict(),
    output: z.object({ items: z.array(recordSummarySchema), nextCursor: z.string().nullable() }),
  },
  get: { input: byRecord, output: recordViewSchema },
  /** A new record; the date may not be after today. */
  create: {
    input: z
      .object({
        patientId: patientIdSchema,
        kind: recordKindSchema,
        date: calendarDateSchema,
        hospital: hospitalInputSchema,
        department: departmentSchema.optional(),
        diagnosis: diagnosisSchema.optional(),
        notes: notesSchema.optional(),
      })
      .strict(),
    output: recordViewSchema,
  },
  /** Changes what is given (null clears an optional text); removeAttachments drops files. */
  update: {
    input: z
      .object({
        recordId: recordIdSchema,
        kind: recordKindSchema.optional(),
        date: calendarDateSchema.optional(),
        hospital: hospitalInputSchema.optional(),
        department: departmentSchema.nullable().optional(),
        diagnosis: diagnosisSchema.nullable().optional(),
        notes: notesSchema.nullable().optional(),
        removeAttachments: z
          .array(attachmentIdSchema)
          .min(1)
          .max(MAX_RECORD_ATTACHMENTS)
          .optional(),
      })
      .strict()
      .refine((v) => Object.keys(v).length > 1, '没有要修改的内容'),
    output: recordViewSchema,
  },
  /** Removes the record, its files and its shares. */
  remove: { input: byRecord, output: z.object({ recordId: z.string() }) },
  /** CAM/ALB: one photo or PDF onto a record (up to MAX_RECORD_ATTACHMENTS), encrypted at rest. */
  uploadAttachment: {
    input: z.object({ recordId: recordIdSchema, file: attachmentUploadSchema }).strict(),
    output: attachmentViewSchema,
  },
  /** The decrypted file, to its owner (the way to show it on CloudBase, whose links cannot decrypt). */
  getAttachment: {
    input: z.object({ recordId: recordIdSchema, attachmentId: attachmentIdSchema }).strict(),
    output: z.object({ contentType: z.enum(ATTACHMENT_TYPES), contentBase64: z.string() }),
  },
  /** Patient: shares chosen records of the consult's 就诊人 with its doctor while it is open. */
  share: {
    input: z
      .object({
        consultId: idSchema,
        recordIds: z
          .array(recordIdSchema)
          .min(1)
          .max(MAX_SHARE_RECORDS)
          .refine((ids) => new Set(ids).size === ids.length, '病历重复'),
      })
      .strict(),
    output: sharesOut,
  },
  /** Patient: revokes one share; the doctor loses it at once. */
  unshare: {
    input: z.object({ consultId: idSchema, recordId: recordIdSchema }).strict(),
    output: sharesOut,
  },
  /** Patient: what this consult's doctor can see, and until when. */
  listShares: { input: byConsult, output: sharesOut },
  /** Patient: every read of a shared record by a doctor, newest first (optionally one record's). */
  accessLog: {
    input: z
      .object({
        recordId: recordIdSchema.optional(),
        cursor: cursorSchema.optional(),
        limit: page(ACCESS_LOG_PAGE.max),
      })
      .strict(),
    output: z.object({ items: z.array(accessEntrySchema), nextCursor: z.string().nullable() }),
  },
  /** Doctor of the consult: which records were shared with it (no content; not logged). */
  sharedList: { input: byConsult, output: sharesOut },
  /** Doctor of the consult: one shared record (logged for the patient). */
  sharedGet: {
    input: z.object({ consultId: idSchema, recordId: recordIdSchema }).strict(),
    output: recordViewSchema,
  },
  /** Doctor of the consult: one file of a shared record, decrypted (logged for the patient). */
  sharedAttachment: {
    input: z
      .object({
        consultId: idSchema,
        recordId: recordIdSchema,
        attachmentId: attachmentIdSchema,
      })
      .strict(),
    output: z.object({ contentType: z.enum(ATTACHMENT_TYPES), contentBase64: z.string() }),
  },
} as const;
