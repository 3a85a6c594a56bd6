/**
 * A large account made directly in the store (handlers would take minutes): one consult
 * with `messages` messages and `files` pictures, each a real file under the owner's prefix.
 * Shared by bench/deletion.ts and the batch-size test (bench never imports tests/).
 */
import { CONSULT_MESSAGES, CONSULT_UPLOADS, CONSULTS } from '../../backend/collections';
import type { ConsultDoc, MessageDoc, UploadDoc } from '../../backend/consult/model';
import type { Crypto } from '../../backend/ports/crypto';
import type { DocumentStore } from '../../backend/ports/document-store';
import type { FileStore } from '../../backend/ports/files';
import { ownerFilePrefix } from '../../backend/user/files';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.alloc(200, 0x41)]);

export async function addBigConsult(
  deps: {
    store: DocumentStore;
    files: FileStore;
    crypto: Crypto;
    /** Loads rows without the store's per-call cost (a test's emulated database); else insertMany. */
    bulkLoad?: (collection: string, docs: MessageDoc[]) => void;
  },
  patient: string,
  doctor: string,
  size: { messages: number; files: number },
): Promise<string> {
  const at = '2026-11-30T08:00:00.000Z';
  const consultId = 'cbig000000000000000000001';
  const consult: ConsultDoc = {
    _id: consultId,
    patientOpenid: patient,
    doctorId: 'd-wang',
    doctorOpenid: doctor,
    doctor: {
      id: 'd-wang',
      name: '王医生',
      title: '主治医师',
      department: '皮肤科',
      hospitalName: '示例医院',
    },
    status: 'active',
    price: 0,
    patient: { kind: 'self' },
    descriptionEnc: deps.crypto.encrypt('手背起红疹三天', `consults.description:${consultId}`),
    photos: [],
    createdAt: at,
    updatedAt: at,
    sortKey: `${at}#${consultId}`,
    paidAt: null,
    queueKey: null,
    deadlineAt: null,
    acceptedAt: at,
    endedAt: null,
    summaryEnc: null,
    cancelReason: null,
    payment: null,
    refund: null,
    refundStatus: 'none',
    refundClaimedAt: null,
    seq: size.messages,
    last: null,
    counts: { patient: size.messages, doctor: 0 },
    seen: { patient: 0, doctor: 0 },
  };
  await deps.store.insert(CONSULTS.name, consult);
  const prefix = ownerFilePrefix(deps.crypto, patient);
  const uploads: UploadDoc[] = [];
  for (let i = 0; i < size.files; i++) {
    const key = `${prefix}consult/${i.toString(16).padStart(24, '0')}.jpg`;
    await deps.files.put(key, JPEG, 'image/jpeg');
    uploads.push({
      _id: `u${i.toString(16).padStart(23, '0')}`,
      owner: patient,
      key,
      contentType: 'image/jpeg',
      size: JPEG.length,
      at,
      attached: true,
      consultId,
      patientOpenid: patient,
    });
  }
  if (uploads.length > 0) await deps.store.insertMany(CONSULT_UPLOADS.name, uploads);
  for (let from = 0; from < size.messages; from += 1000) {
    const batch: MessageDoc[] = [];
    for (let seq = from + 1; seq <= Math.min(size.messages, from + 1000); seq++) {
      const id = `m${seq.toString(16).padStart(31, '0')}`;
      batch.push({
        _id: id,
        consultId,
        seq,
        sender: 'patient',
        patientOpenid: patient,
        doctorOpenid: doctor,
        clientMsgId: `big-${seq}`,
        bodyHash: deps.crypto.hmac('msg', String(seq)),
        kind: 'text',
        textEnc: deps.crypto.encrypt(`第 ${seq} 条消息`, `consultMessages.text:${id}`),
        image: null,
        links: [],
        risky: false,
        at,
      });
    }
    // Setup, not the thing tested: on CloudBase the rows go straight into the emulated
    // database (10,000 adds through the SDK would take the test's whole time budget).
    if (deps.bulkLoad) deps.bulkLoad(CONSULT_MESSAGES.name, batch);
    else await deps.store.insertMany(CONSULT_MESSAGES.name, batch);
  }
  return consultId;
}
