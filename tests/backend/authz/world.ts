/**
 * The authorization matrix's world (issue 15 item 3): two patients (alice = the owner, eve =
 * another patient) and two doctors (王医生 = the consult's doctor, 李医生 = another doctor),
 * all registered and consented. alice owns a 就诊人 with a record and its attachment, an
 * active video consult with 王医生 (a message, a photo, the record shared), a booking and a
 * call. Everything the matrix calls names alice's objects.
 */
import { createWebRtcRooms } from '../../../backend/adapters/local/webrtc-rooms';
import type { Caller } from '../../../backend/core/context';
import { seedDemoSurvey } from '../../../backend/survey/seed';
import type { AppointmentView } from '../../../contract/booking';
import type { CallView } from '../../../contract/call/views';
import type { PatientView } from '../../../contract/patients';
import type { RecordView } from '../../../contract/records';
import { patientBook } from '../booking/support';
import { ALL_WEEK, consentTrtc, ICE, slotAfter, VIDEO_PRICE, type CallEnv } from '../call/support';
import { POLICY_VERSION } from '../../../contract/privacy/policy';
import { device } from '../user/support';
import type { ConsultView } from '../../../contract/consult/views';
import {
  addFather,
  addReport,
  alice,
  drLi,
  drWang,
  eve,
  expectOk,
  FATHER,
  makeConsultEnv,
  PAID_DOCTOR,
  pdfUpload,
  records,
  REPORT,
  setupWorld,
  upload,
  type ConsultEnv,
} from '../patients/support';

export const ROLES = ['anonymous', 'owner', 'otherPatient', 'doctor', 'otherDoctor'] as const;
export type Role = (typeof ROLES)[number];
export const CALLERS: Record<Role, Caller | null> = {
  anonymous: null,
  owner: alice,
  otherPatient: eve,
  doctor: drWang,
  otherDoctor: drLi,
};

export const MESSAGE = '这是只给王医生看的病情描述：夜里胸闷';
/** alice's 客服 ticket: only she may read it (issue 16). */
export const TICKET_TEXT = '我的手机号可能被泄露了，接到很多推销电话';

export interface World {
  env: ConsultEnv;
  patientId: string;
  recordId: string;
  attachmentId: string;
  consultId: string;
  photoKey: string;
  orderId: string;
  appointmentId: string;
  slotId: string;
  callId: string;
  deviceId: string;
  ticketId: string;
  /** alice's data no one else may see; the consult's doctor may see only `forDoctor`. */
  secrets: string[];
  forDoctor: string[];
}

export async function makeWorld(): Promise<World> {
  const patientsPort = patientBook();
  const rooms = createWebRtcRooms(ICE);
  const env = makeConsultEnv(() => ({ videoRooms: rooms, patients: patientsPort }));
  await setupWorld(env);
  const offer = { price: VIDEO_PRICE, hours: ALL_WEEK };
  expectOk(await env.consult('setVideoOffer', { offer }, drWang));
  expectOk(await env.consult('setVideoOffer', { offer }, drLi));

  const father: PatientView = await addFather(env);
  const record: RecordView = await addReport(env, father.id);
  const withFile = expectOk<{ id: string }>(
    await records(env, 'uploadAttachment', { recordId: record.id, file: pdfUpload() }),
  );
  const consult = expectOk<ConsultView>(
    await env.consult('create', {
      doctorId: PAID_DOCTOR,
      patient: { kind: 'patient', patientId: father.id },
      description: '父亲夜里胸闷，想请医生视频看看。',
      type: 'video',
      slot: slotAfter(env, 2),
    }),
  );
  const paid = expectOk<{ payment: { orderId: string } }>(
    await env.consult('pay', { consultId: consult.id }),
  );
  expectOk(await env.consult('sandboxConfirm', { orderId: paid.payment.orderId, outcome: 'paid' }));
  expectOk(await env.consult('accept', { consultId: consult.id }, drWang));
  const photo = expectOk<{ key: string }>(
    await env.consult('uploadAttachment', { image: upload('jpeg', 300, 9) }),
  );
  expectOk(
    await env.consult('sendMessage', {
      consultId: consult.id,
      clientMsgId: 'cmsg-world-0001',
      text: MESSAGE,
    }),
  );
  expectOk(
    await env.consult('sendMessage', {
      consultId: consult.id,
      clientMsgId: 'cmsg-world-0002',
      imageKey: photo.key,
    }),
  );
  expectOk(await records(env, 'share', { consultId: consult.id, recordIds: [record.id] }));
  const call = expectOk<CallView>(
    await env.call('call', { action: 'start', data: { consultId: consult.id } }, alice),
  );

  // A booking with 王医生 (a synthetic doctor: the demo schedule) for the 就诊人.
  patientsPort.add(alice, father.id);
  const schedule = expectOk<{ days: Array<{ slots: Array<{ slotId: string; state?: string }> }> }>(
    await env.call('booking', { action: 'schedule', data: { doctorId: PAID_DOCTOR } }, alice),
  );
  const slotId = schedule.days.flatMap((d) => d.slots).map((s) => s.slotId)[0];
  const appointment = expectOk<AppointmentView>(
    await env.call(
      'booking',
      { action: 'book', data: { slotId, patientId: father.id, clientRequestId: 'req-world-1' } },
      alice,
    ),
  );
  // alice on a phone she uses (the 设备信息 consent), and 统计分析 on: listDevices, removeDevice
  // and track have something of hers to act on.
  expectOk(
    await env.call(
      'privacy',
      {
        action: 'recordConsent',
        data: { policyVersion: POLICY_VERSION, items: { device: true, analytics: true } },
      },
      alice,
    ),
  );
  expectOk(
    await env.call('user', { action: 'me', data: { device: device('alice-phone') } }, alice),
  );
  for (const who of [alice, eve, drWang, drLi]) await consentTrtc(env as CallEnv, who);
  const devices = expectOk<{ items: Array<{ deviceId: string }> }>(
    await env.call('user', { action: 'listDevices', data: {} }, alice),
  );
  const deviceId = devices.items[0]?.deviceId ?? 'f'.repeat(32);

  // 客服: alice's leak report, and the demo questionnaire everyone may answer.
  const ticket = expectOk<{ ticket: { id: string } }>(
    await env.call(
      'support',
      { action: 'createTicket', data: { category: '个人信息泄露举报', text: TICKET_TEXT } },
      alice,
    ),
  );
  await seedDemoSurvey(env.store);

  const attachmentId = withFile.id;
  return {
    env,
    patientId: father.id,
    recordId: record.id,
    attachmentId,
    consultId: consult.id,
    photoKey: photo.key,
    orderId: paid.payment.orderId,
    appointmentId: appointment.id,
    slotId,
    callId: call.id,
    deviceId,
    ticketId: ticket.ticket.id,
    secrets: [
      TICKET_TEXT,
      ticket.ticket.id,
      '13800000001',
      FATHER.document.idNumber,
      FATHER.phone,
      FATHER.name,
      FATHER.allergies,
      REPORT.diagnosis,
      REPORT.notes,
      MESSAGE,
      father.id,
      record.id,
      appointment.id,
    ],
    // The doctor sees the consult (its 就诊人, the shared record) and their own roster.
    forDoctor: [
      FATHER.name,
      FATHER.allergies,
      REPORT.diagnosis,
      REPORT.notes,
      MESSAGE,
      father.id,
      record.id,
      appointment.id,
    ],
  };
}
