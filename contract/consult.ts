import * as z from './zod';
import { imageUploadSchema } from './user/schemas';
import { IMAGE_TYPES } from './user/items';
import { idSchema } from './common';
import { LIST_PAGE, MESSAGES_PAGE } from './consult/items';
import {
  clientMsgIdSchema,
  consultIdSchema,
  cursorSchema,
  descriptionSchema,
  inviteCodeSchema,
  messageTextSchema,
  patientSchema,
  photoKeysSchema,
  summarySchema,
  uploadKeySchema,
} from './consult/schemas';
import {
  consultSummarySchema,
  consultViewSchema,
  doctorCardSchema,
  messageViewSchema,
  noticeViewSchema,
  paymentLaunchSchema,
  pictureSchema,
} from './consult/views';
import { consultStatusSchema } from './consult/schemas';
import { consultTypeSchema, videoOfferSchema } from './consult/video';

export * from './consult/items';
export * from './consult/schemas';
export * from './consult/views';
export * from './consult/events';
export * from './consult/links';
export * from './consult/video';

/**
 * The `consult` function: image-text consultation (CAM, ALB, PI, CS, SEC). Every action
 * but `config` needs a registered, logged-in, trusted account (UNAUTHENTICATED login_required /
 * PERMISSION_DENIED device_unverified, as the user function). A consult that is not the
 * caller's — as its patient, or as the doctor it was addressed to — is NOT_FOUND, the same
 * as one that does not exist. Reasons in `error.details.reason`: contract/consult/items.ts.
 */

const page = (max: number) => z.number().int().min(1).max(max).optional();
const byId = z.object({ consultId: consultIdSchema }).strict();

export const consultActions = {
  /**
   * What the client needs up front: the payment kind and the subscribe templates to request
   * on submit. The one action that needs no account (it says nothing about anyone).
   */
  config: {
    input: z.object({}).strict(),
    output: z.object({
      payment: z.enum(['wechat', 'sandbox', 'none']),
      /** Weapp: pass to wx.requestSubscribeMessage in the submit tap; [] locally. */
      subscribeTemplateIds: z.array(z.string()),
      /** 视频咨询: webrtc locally, trtc on WeChat, null when the operator has video off (never mention video then). */
      video: z.enum(['webrtc', 'trtc']).nullable(),
    }),
  },
  /**
   * CAM/ALB: one picture (≤ 2 MB, JPEG/PNG/WebP by its bytes) before create (photoKeys) or
   * sendMessage (imageKey). The key works once, for its uploader only; unused uploads are
   * removed after a day.
   */
  uploadAttachment: {
    input: z.object({ image: imageUploadSchema }).strict(),
    output: pictureSchema,
  },
  /**
   * SEC: one picture of a consult, decrypted, to either participant — the way to show it
   * where a link cannot decrypt (CloudBase: Picture.url is null). NOT_FOUND for anyone else.
   */
  getAttachment: {
    input: z.object({ consultId: consultIdSchema, key: uploadKeySchema }).strict(),
    output: z.object({ contentType: z.enum(IMAGE_TYPES), contentBase64: z.string() }),
  },
  /**
   * A new consult with the doctor's catalog price (never the client's). Price 0 starts in
   * 'waiting'; otherwise 'pending_payment' → pay. PI: see SENSITIVE_INFO_NOTICE.
   * type 'video' (视频咨询) takes the doctor's video price and needs `slot`: the start of one
   * of the doctor's free video slots (ISO time; INVALID_ARGUMENT slot_invalid otherwise).
   */
  create: {
    input: z
      .object({
        doctorId: idSchema,
        patient: patientSchema,
        description: descriptionSchema,
        photoKeys: photoKeysSchema.default([]),
        type: consultTypeSchema.default('text'),
        slot: z.iso.datetime({ offset: true }).optional(),
      })
      .strict()
      .superRefine((v, ctx) => {
        if ((v.type === 'video') !== (v.slot !== undefined))
          ctx.addIssue({
            code: 'custom',
            path: ['slot'],
            message: v.type === 'video' ? '视频咨询请选择时间' : '图文咨询无需选择时间',
          });
      }),
    output: consultViewSchema,
  },
  /**
   * Starts paying a pending_payment consult: wechat → wx.requestPayment(params), then poll get;
   * sandbox → open sandboxUrl. `payment` is null when nothing is left to pay (already paid).
   */
  pay: {
    input: byId,
    output: z.object({
      consultId: z.string(),
      status: consultStatusSchema,
      payment: paymentLaunchSchema.nullable(),
    }),
  },
  /** Local sandbox only (FAILED_PRECONDITION sandbox_unavailable elsewhere): the 模拟支付 page's answer. */
  sandboxConfirm: {
    input: z.object({ orderId: idSchema, outcome: z.enum(['paid', 'cancelled']) }).strict(),
    output: z.object({ consultId: z.string(), status: consultStatusSchema }),
  },
  /** Patient, before the doctor accepts: pending_payment → cancelled; waiting → refunded (full refund) or cancelled (free). */
  cancel: { input: byId, output: consultViewSchema },
  /** Either participant. */
  get: { input: byId, output: consultViewSchema },
  /** 咨询 tab (as 'patient', default) or the doctor's own consults (as 'doctor'), newest activity first. */
  list: {
    input: z
      .object({
        as: z.enum(['patient', 'doctor']).optional(),
        status: consultStatusSchema.optional(),
        cursor: cursorSchema.optional(),
        limit: page(LIST_PAGE.max),
      })
      .strict(),
    output: z.object({ items: z.array(consultSummarySchema), nextCursor: z.string().nullable() }),
  },
  /**
   * Either participant, while active. Text (1–2,000 characters) or one uploaded picture.
   * Resending the same clientMsgId answers the same message (no duplicate); CONFLICT
   * client_msg_id_reused when that id carried something else. CS: links outside the allow
   * list come back with safe:false and risky:true.
   */
  sendMessage: {
    input: z
      .object({
        consultId: consultIdSchema,
        clientMsgId: clientMsgIdSchema,
        text: messageTextSchema.optional(),
        imageKey: uploadKeySchema.optional(),
      })
      .strict()
      .superRefine((v, ctx) => {
        if ((v.text === undefined) === (v.imageKey === undefined))
          ctx.addIssue({
            code: 'custom',
            path: ['text'],
            message: '请发送文字或一张图片（二选一）',
          });
      }),
    output: messageViewSchema,
  },
  /**
   * Messages with seq > after (default 0), oldest first; continue with after = nextAfter while
   * hasMore. Fetching the newest page marks the other side's messages read.
   */
  listMessages: {
    input: z
      .object({
        consultId: consultIdSchema,
        after: z.number().int().min(0).optional(),
        limit: page(MESSAGES_PAGE.max),
      })
      .strict(),
    output: z.object({
      items: z.array(messageViewSchema),
      nextAfter: z.number().int(),
      hasMore: z.boolean(),
    }),
  },
  /** In-app notices (replies, state changes), newest first. */
  notices: {
    input: z.object({ cursor: cursorSchema.optional(), limit: page(LIST_PAGE.max) }).strict(),
    output: z.object({
      items: z.array(noticeViewSchema),
      unread: z.number().int(),
      nextCursor: z.string().nullable(),
    }),
  },
  /** Marks the given notices (or all) read; answers how many stay unread. */
  markRead: {
    input: z
      .object({ ids: z.array(idSchema).min(1).max(50).optional(), all: z.literal(true).optional() })
      .strict()
      .superRefine((v, ctx) => {
        if ((v.ids === undefined) === (v.all === undefined))
          ctx.addIssue({
            code: 'custom',
            path: ['ids'],
            message: '请指定通知 ids 或 all: true（二选一）',
          });
      }),
    output: z.object({ unread: z.number().int() }),
  },
  /** Doctor: binds the caller's account with a one-time code from `npm run doctor:invite`. */
  bindDoctor: {
    input: z.object({ code: inviteCodeSchema }).strict(),
    output: z.object({ doctor: doctorCardSchema }),
  },
  /** Doctor workbench header: the caller's doctor (null when not bound) and counts. */
  workbench: {
    input: z.object({}).strict(),
    output: z.object({
      doctor: doctorCardSchema.nullable(),
      waiting: z.number().int(),
      active: z.number().int(),
    }),
  },
  /** Doctor: waiting consults addressed to the caller's doctor, oldest first. */
  queue: {
    input: z.object({ cursor: cursorSchema.optional(), limit: page(LIST_PAGE.max) }).strict(),
    output: z.object({ items: z.array(consultSummarySchema), nextCursor: z.string().nullable() }),
  },
  /**
   * Doctor: offer 视频咨询 (price in fen, weekly hours in Shanghai time) or stop (offer: null).
   * Existing bookings stay. FAILED_PRECONDITION video_disabled when the operator has video off.
   */
  setVideoOffer: {
    input: z.object({ offer: videoOfferSchema.nullable() }).strict(),
    output: z.object({ doctor: doctorCardSchema }),
  },
  /** Doctor: waiting → active. Two accepts (or an accept and a cancel) at once: one wins, the other CONFLICT. */
  accept: { input: byId, output: consultViewSchema },
  /** Doctor: active → closed with a short summary (1–500 characters). */
  close: {
    input: z.object({ consultId: consultIdSchema, summary: summarySchema }).strict(),
    output: consultViewSchema,
  },
} as const;
