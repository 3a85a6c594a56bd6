import { ATTACHMENT_LINK_TTL_SECONDS, FINAL_STATUSES } from '../../contract/consult/items';
import type {
  ConsultRole,
  ConsultSummary,
  ConsultView,
  MessageView,
  Picture,
} from '../../contract/consult/views';
import { maskName, maskPhone } from '../../contract/user/id-number';
import type { Ctx } from '../core/context';
import { boundPhone, loadUser } from '../user/account';
import { portOf } from '../user/ports';
import { callRecordsOf } from '../call/records';
import { contexts, otherRole, type ConsultDoc, type MessageDoc } from './model';

/** How the server's documents become what each side may see (SEC decides `contact` and names). */

const PREVIEW_CHARS = 60;
const preview = (text: string) => [...text].slice(0, PREVIEW_CHARS).join('');

/**
 * A link to a consult picture, bound to the participant who will open it; it decrypts the
 * encrypted file (SEC). Where the store cannot decrypt (CloudBase) the url is null and the
 * client asks getAttachment.
 */
export async function pictureFor(
  ctx: Ctx,
  key: string,
  fileKey: string,
  viewer: string,
): Promise<Picture> {
  const url = await portOf(ctx, 'files')
    .signedUrl(fileKey, { ttlSeconds: ATTACHMENT_LINK_TTL_SECONDS, owner: viewer, decrypt: true })
    .catch((err: unknown) => {
      ctx.log.warn({ err: String(err) }, 'consult picture link failed');
      return null;
    });
  return { key, url };
}

function decrypt(ctx: Ctx, ciphertext: string, context: string): string {
  return portOf(ctx, 'crypto').decrypt(ciphertext, context);
}

/** Who the consult is for, as `role` sees them (SEC). */
function patientView(ctx: Ctx, consult: ConsultDoc, role: ConsultRole): ConsultSummary['patient'] {
  const { patient } = consult;
  if (patient.kind === 'self') return { kind: 'self' };
  const name = decrypt(ctx, patient.nameEnc, contexts.patientName(consult._id));
  if (patient.kind === 'patient') {
    // The doctor sees 张*, sex, age and allergies of a 就诊人 — never the ID number.
    return {
      kind: 'patient',
      patientId: role === 'patient' ? patient.patientId : null,
      name: role === 'patient' ? name : maskName(name),
      sex: patient.sex,
      age: patient.age,
      allergies: patient.allergiesEnc
        ? decrypt(ctx, patient.allergiesEnc, contexts.patientAllergies(consult._id))
        : null,
    };
  }
  // SEC: a typed name reaches the doctor only while the consult is active.
  const showName = role === 'patient' || consult.status === 'active';
  return { kind: 'other', name: showName ? name : null, sex: patient.sex, age: patient.age };
}

export function toSummary(ctx: Ctx, consult: ConsultDoc, role: ConsultRole): ConsultSummary {
  const last = consult.last;
  return {
    id: consult._id,
    role,
    status: consult.status,
    type: consult.type ?? 'text',
    scheduledAt: consult.scheduledAt ?? null,
    doctor: consult.doctor,
    patient: patientView(ctx, consult, role),
    price: consult.price,
    descriptionPreview: preview(
      decrypt(ctx, consult.descriptionEnc, contexts.description(consult._id)),
    ),
    createdAt: consult.createdAt,
    updatedAt: consult.updatedAt,
    acceptDeadline: consult.status === 'waiting' ? consult.deadlineAt : null,
    lastMessage: last
      ? {
          sender: last.sender,
          kind: last.kind,
          preview:
            last.kind === 'image' || !last.textEnc
              ? '[图片]'
              : preview(decrypt(ctx, last.textEnc, contexts.last(consult._id))),
          at: last.at,
        }
      : null,
    unread: Math.max(0, consult.counts[otherRole(role)] - consult.seen[role]),
  };
}

/** SEC: the patient's name and masked phone, for the doctor while the consult is active. */
async function contactFor(ctx: Ctx, consult: ConsultDoc, role: ConsultRole) {
  if (role !== 'doctor' || consult.status !== 'active') return null;
  const user = await loadUser(ctx, consult.patientOpenid);
  if (!user) return null;
  const { patient } = consult;
  const name =
    patient.kind === 'self'
      ? user.nickname
      : patient.kind === 'other'
        ? decrypt(ctx, patient.nameEnc, contexts.patientName(consult._id))
        : maskName(decrypt(ctx, patient.nameEnc, contexts.patientName(consult._id)));
  return { name, phoneMasked: maskPhone(boundPhone(ctx, user)) };
}

export async function toView(
  ctx: Ctx,
  consult: ConsultDoc,
  role: ConsultRole,
  viewer: string,
): Promise<ConsultView> {
  const ended = (FINAL_STATUSES as readonly string[]).includes(consult.status);
  return {
    ...toSummary(ctx, consult, role),
    description: decrypt(ctx, consult.descriptionEnc, contexts.description(consult._id)),
    photos: await Promise.all(consult.photos.map((p) => pictureFor(ctx, p.key, p.fileKey, viewer))),
    paidAt: consult.paidAt,
    acceptedAt: consult.acceptedAt,
    endedAt: ended ? consult.endedAt : null,
    summary: consult.summaryEnc
      ? decrypt(ctx, consult.summaryEnc, contexts.summary(consult._id))
      : null,
    cancelReason: consult.cancelReason,
    refund:
      consult.refund && consult.refundStatus !== 'none'
        ? {
            status:
              consult.refundStatus === 'done'
                ? 'done'
                : consult.refundStatus === 'failed'
                  ? 'failed'
                  : 'pending',
            reason: consult.refund.reason,
            amount: consult.refund.amount,
          }
        : null,
    contact: await contactFor(ctx, consult, role),
    lastSeq: consult.seq,
    calls: consult.type === 'video' ? await callRecordsOf(ctx, consult._id) : [],
  };
}

/** A message as `viewer` (in `role`) sees it; `text` is the plaintext when the caller has it already. */
export async function toMessageView(
  ctx: Ctx,
  message: MessageDoc,
  role: ConsultRole,
  viewer: string,
  text?: string,
): Promise<MessageView> {
  const mine = message.sender === role;
  return {
    id: message._id,
    consultId: message.consultId,
    seq: message.seq,
    sender: message.sender,
    mine,
    clientMsgId: mine ? message.clientMsgId : null,
    kind: message.kind,
    text:
      message.kind === 'text' && message.textEnc
        ? (text ?? decrypt(ctx, message.textEnc, contexts.message(message._id)))
        : null,
    image: message.image
      ? await pictureFor(ctx, message.image.key, message.image.fileKey, viewer)
      : null,
    links: message.links,
    risky: message.risky,
    at: message.at,
  };
}
