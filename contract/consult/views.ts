import * as z from '../zod';
import { DOCTOR_TITLES } from '../catalog';
import { callRecordSchema } from '../call/views';
import { consultStatusSchema } from './schemas';
import { consultTypeSchema, videoOfferSchema } from './video';

/** What a consult is about, as shown to either side. */
export const roleSchema = z.enum(['patient', 'doctor']);
export type ConsultRole = z.infer<typeof roleSchema>;

/** The doctor as they were when the consult was created (a later catalog change does not rewrite history). */
export const consultDoctorSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.enum(DOCTOR_TITLES),
  department: z.string(),
  hospitalName: z.string(),
});
export type ConsultDoctor = z.infer<typeof consultDoctorSchema>;

/** A picture: `url` is a short-lived link bound to the caller (about 10 minutes); null if it could not be made. */
export const pictureSchema = z.object({ key: z.string(), url: z.string().nullable() });
export type Picture = z.infer<typeof pictureSchema>;

/**
 * Who the consult is for. `name` (of a 就诊人) is contact information (SEC): the patient
 * always sees it, the doctor only while the consult is active, else null.
 */
export const patientViewSchema = z.discriminatedUnion('kind', [
  /**
   * A 就诊人 of the patients function: the patient sees the name, the doctor only `张*`;
   * never the ID number. `patientId` is the patient's own handle (null for the doctor).
   */
  z.object({
    kind: z.literal('patient'),
    patientId: z.string().nullable(),
    name: z.string(),
    sex: z.enum(['male', 'female']),
    age: z.number().int(),
    allergies: z.string().nullable(),
  }),
  z.object({ kind: z.literal('self') }),
  z.object({
    kind: z.literal('other'),
    name: z.string().nullable(),
    sex: z.enum(['male', 'female']),
    age: z.number().int(),
  }),
]);

/**
 * SEC: the patient's contact details, to the doctor only and only while the consult is
 * active: the name (the 就诊人's, or the account's nickname) and the masked phone.
 */
export const contactSchema = z.object({ name: z.string(), phoneMasked: z.string() });

export const lastMessageSchema = z.object({
  sender: roleSchema,
  kind: z.enum(['text', 'image']),
  /** The first 60 characters of a text; '[图片]' for a picture. */
  preview: z.string(),
  at: z.string(),
});

export const refundViewSchema = z.object({
  /** pending: asked for; done: the provider accepted it; failed: will be retried by the sweep. */
  status: z.enum(['pending', 'done', 'failed']),
  /** cancelled by the patient; timeout: not accepted in 48 h; late_payment: paid after the order was cancelled. */
  reason: z.enum(['cancelled', 'timeout', 'late_payment']),
  amount: z.number().int(),
});

/** Why a consult was cancelled without a payment: by the patient, never paid, or free and never accepted. */
export const cancelReasonSchema = z.enum(['patient', 'unpaid', 'timeout']);

/** One consult in a list (咨询 tab, workbench): no description or pictures. */
export const consultSummarySchema = z.object({
  id: z.string(),
  /** The caller's side in this consult. */
  role: roleSchema,
  status: consultStatusSchema,
  /** text = 图文咨询; video = 视频咨询 (calls with the `call` function while active). */
  type: consultTypeSchema,
  /** video: the booked slot's start (the agreed time); null for text. */
  scheduledAt: z.string().nullable(),
  doctor: consultDoctorSchema,
  patient: patientViewSchema,
  /** Fen; 0 = free. */
  price: z.number().int(),
  /** First 60 characters of the description. */
  descriptionPreview: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** While waiting: when the sweep refunds it unless accepted. */
  acceptDeadline: z.string().nullable(),
  lastMessage: lastMessageSchema.nullable(),
  /** Messages from the other side the caller has not fetched with listMessages yet. */
  unread: z.number().int(),
});
export type ConsultSummary = z.infer<typeof consultSummarySchema>;

/** One consult in full (get, create, accept, close, cancel). */
export const consultViewSchema = consultSummarySchema.extend({
  description: z.string(),
  photos: z.array(pictureSchema),
  paidAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  /** When it reached closed, cancelled or refunded. */
  endedAt: z.string().nullable(),
  /** The doctor's closing summary, once closed. */
  summary: z.string().nullable(),
  cancelReason: cancelReasonSchema.nullable(),
  refund: refundViewSchema.nullable(),
  contact: contactSchema.nullable(),
  /** Sequence number of the newest message (0 = none); listMessages {after} continues from any seq. */
  lastSeq: z.number().int(),
  /**
   * 视频咨询: the consult's call timeline, oldest first — metadata only (start, answer, end,
   * duration, who ended it), never audio or video. The chat merges it with messages by time.
   */
  calls: z.array(callRecordSchema),
});
export type ConsultView = z.infer<typeof consultViewSchema>;

/** A link inside a text message: `safe` ones may be shown as links; others as plain text with RISKY_LINK_WARNING (CS). */
export const messageLinkSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  safe: z.boolean(),
});

export const messageViewSchema = z.object({
  id: z.string(),
  consultId: z.string(),
  /** 1, 2, 3… in the order the server accepted them: sort by it, page by it. */
  seq: z.number().int(),
  sender: roleSchema,
  /** Sent by the caller (the client matches it to its pending bubble by clientMsgId). */
  mine: z.boolean(),
  /** The id the sender's client chose; null on the other side's messages. */
  clientMsgId: z.string().nullable(),
  kind: z.enum(['text', 'image']),
  text: z.string().nullable(),
  image: pictureSchema.nullable(),
  links: z.array(messageLinkSchema),
  /** CS: at least one link is not on the allow list (recorded in riskyUrls). */
  risky: z.boolean(),
  at: z.string(),
});
export type MessageView = z.infer<typeof messageViewSchema>;

export const noticeKinds = [
  'new_consult',
  'accepted',
  'reply',
  'closed',
  'refunded',
  'cancelled',
  /** Booking (the notice's consultId is the appointment id): 停诊 and the day-before reminder. */
  'appointment_stopped',
  'appointment_reminder',
] as const;
export const noticeViewSchema = z.object({
  id: z.string(),
  kind: z.enum(noticeKinds),
  consultId: z.string(),
  title: z.string(),
  body: z.string(),
  /** Mini-program page to open (no leading slash), e.g. subpackages/consult/chat/index?id=…. */
  page: z.string(),
  at: z.string(),
  read: z.boolean(),
});
export type NoticeView = z.infer<typeof noticeViewSchema>;

/** What wx.requestPayment takes, exactly as WeChat Pay answered unifiedOrder. */
export const wechatPayParamsSchema = z.object({
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string(),
  signType: z.string(),
  paySign: z.string(),
});

export const paymentLaunchSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('wechat'), orderId: z.string(), params: wechatPayParamsSchema }),
  /** Local sandbox: navigate to sandboxUrl (the 模拟支付 page), which calls sandboxConfirm. */
  z.object({ kind: z.literal('sandbox'), orderId: z.string(), sandboxUrl: z.string() }),
]);
export type PaymentLaunch = z.infer<typeof paymentLaunchSchema>;

export const doctorCardSchema = consultDoctorSchema.extend({
  consultPrice: z.number().int(),
  /** 视频咨询 price and hours; null when not offered or when the operator has video off. */
  video: videoOfferSchema.nullable(),
});
