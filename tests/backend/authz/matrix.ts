/**
 * SEC (issue 15 item 3): the authorization matrix. One row per action of every function
 * (backend/functions.ts): what `ACTION_REQUIREMENTS` says it needs (contract/privacy/
 * requirements.ts), then the outcome class for each caller when the input names the owner's
 * (alice's) objects — see world.ts for what she owns, inputs.ts for each input.
 *
 * Roles: anonymous (no account) · owner (alice) · another patient (eve) · the consult's
 * doctor (王医生, who also holds the booking) · another doctor (李医生). There is no operator
 * role in the contract: operator work runs through npm scripts (doctor:invite, imports).
 *
 * Reading a row: a stranger gets NOT_FOUND for someone else's object (the same answer as for
 * an object that does not exist), PERMISSION_DENIED for a side they are not (a patient on a
 * doctor's action, a doctor on the patient's), FAILED_PRECONDITION for the state of the
 * world or a missing consent. `ok` for a non-owner is on their own data (a list, their own
 * roster) — matrix.test.ts checks that none of alice's data is in any non-owner answer.
 */
import type { Requirement } from '../../../contract/privacy/requirements';
import type { Role } from './world';

export type Outcome =
  | 'ok'
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'FAILED_PRECONDITION'
  | 'INVALID_ARGUMENT'
  | 'CONFLICT';

export type Row = Record<Role, Outcome> & { needs: Requirement[]; note?: string };

const ok = 'ok';
const U = 'UNAUTHENTICATED';
const D = 'PERMISSION_DENIED';
const N = 'NOT_FOUND';
const P = 'FAILED_PRECONDITION';
const I = 'INVALID_ARGUMENT';
const C = 'CONFLICT';

/** needs, then anonymous, owner, another patient, the consult's doctor, another doctor. */
function row(
  needs: Requirement[],
  anonymous: Outcome,
  owner: Outcome,
  otherPatient: Outcome,
  doctor: Outcome,
  otherDoctor: Outcome,
  note?: string,
): Row {
  return { needs, anonymous, owner, otherPatient, doctor, otherDoctor, ...(note ? { note } : {}) };
}

// prettier-ignore
export const MATRIX: Record<string, Row> = {
  'account.deletionPreview': row([], U, ok, ok, ok, ok),
  'account.delete': row([], U, ok, ok, ok, ok, 'self only: each account deletes itself with its own SMS code'),
  'account.deletionStatus': row([], U, ok, ok, ok, ok),
  'account.export': row([], U, ok, ok, ok, ok),
  'booking.schedule': row([], ok, ok, ok, ok, ok),
  'booking.book': row(['policy'], U, P, N, N, N, 'owner: the 就诊人 already holds this day with 王医生'),
  'booking.pay': row(['policy'], U, ok, N, N, N),
  'booking.sandboxConfirm': row(['policy'], U, ok, N, N, N),
  'booking.cancel': row([], U, ok, N, N, N),
  'booking.list': row(['policy'], U, ok, ok, ok, ok),
  'booking.get': row(['policy'], U, ok, N, N, N),
  'booking.setSlots': row(['policy'], U, D, D, ok, ok, 'the doctors act on their own schedules'),
  'booking.stopSlot': row(['policy'], U, D, D, ok, N),
  'booking.roster': row(['policy'], U, D, D, ok, ok, 'each doctor sees their own roster'),
  'booking.checkIn': row(['policy'], U, D, D, P, N, 'doctor: the appointment is not paid yet'),
  'call.start': row(['policy'], U, C, N, C, N, 'a call is already ringing'),
  'call.accept': row(['policy'], U, D, N, ok, N, 'only the callee (the doctor) answers'),
  'call.decline': row(['policy'], U, D, N, ok, N, 'only the callee (the doctor) declines'),
  'call.signal': row(['policy'], U, ok, N, ok, N),
  'call.hangup': row([], U, ok, N, ok, N),
  'call.get': row(['policy'], U, ok, N, ok, N),
  'call.credentials': row(['policy', 'thirdParty.trtc'], U, P, N, P, N, 'WebRTC here: no credentials needed; strangers are refused first'),
  'catalog.listHospitals': row([], ok, ok, ok, ok, ok),
  'catalog.getHospital': row([], N, N, N, N, N, 'no hospital in this world: NOT_FOUND for everyone alike'),
  'catalog.listDoctors': row([], ok, ok, ok, ok, ok),
  'catalog.getDoctor': row([], ok, ok, ok, ok, ok),
  'catalog.listDepartments': row([], ok, ok, ok, ok, ok),
  'catalog.search': row([], ok, ok, ok, ok, ok),
  'catalog.suggest': row([], ok, ok, ok, ok, ok),
  'catalog.nearby': row([], ok, ok, ok, ok, ok),
  'catalog.recommend': row([], ok, ok, ok, ok, ok),
  'consult.config': row([], ok, ok, ok, ok, ok),
  'consult.uploadAttachment': row(['policy'], U, ok, ok, ok, ok),
  'consult.getAttachment': row(['policy'], U, ok, N, ok, N),
  'consult.create': row(['policy', 'health', 'guardian'], U, ok, N, P, N, 'others name alice’s 就诊人; the doctor cannot consult themselves'),
  'consult.pay': row(['policy'], U, ok, N, D, N),
  'consult.sandboxConfirm': row(['policy'], U, ok, N, N, N),
  'consult.cancel': row([], U, P, N, D, N, 'owner: an accepted consult is no longer cancellable'),
  'consult.get': row(['policy'], U, ok, N, ok, N),
  'consult.list': row(['policy'], U, ok, ok, ok, ok),
  'consult.sendMessage': row(['policy'], U, ok, N, ok, N),
  'consult.listMessages': row(['policy'], U, ok, N, ok, N),
  'consult.notices': row(['policy'], U, ok, ok, ok, ok),
  'consult.markRead': row(['policy'], U, ok, ok, ok, ok),
  'consult.bindDoctor': row(['policy'], U, I, I, I, I, 'an unknown invite code, for everyone alike'),
  'consult.workbench': row(['policy'], U, ok, ok, ok, ok),
  'consult.queue': row(['policy'], U, D, D, ok, ok, 'each doctor sees their own queue'),
  'consult.setVideoOffer': row(['policy'], U, D, D, ok, ok, 'each doctor sets their own offer'),
  'consult.accept': row(['policy'], U, D, D, C, N, 'already accepted'),
  'consult.close': row(['policy'], U, D, D, ok, N),
  'patients.list': row(['policy'], U, ok, ok, ok, ok),
  'patients.get': row(['policy'], U, ok, N, N, N),
  'patients.add': row(['policy', 'health'], U, ok, ok, ok, ok),
  'patients.update': row(['policy', 'health'], U, ok, N, N, N),
  'patients.remove': row([], U, P, N, N, N, 'owner: the 就诊人 has an active consult and booking'),
  'privacy.getPolicy': row([], ok, ok, ok, ok, ok),
  'privacy.getSupplement': row([], ok, ok, ok, ok, ok),
  'privacy.recordConsent': row([], U, ok, ok, ok, ok),
  'privacy.listConsents': row([], U, ok, ok, ok, ok),
  'privacy.withdrawConsent': row([], U, ok, ok, ok, ok),
  'privacy.personalInfoLists': row([], ok, ok, ok, ok, ok),
  'privacy.recordSensitiveConsent': row(['policy'], U, ok, ok, ok, ok, 'each records their own, again'),
  'records.list': row([], U, ok, N, N, N),
  'records.get': row([], U, ok, N, N, N),
  'records.create': row(['policy', 'health'], U, ok, N, N, N),
  'records.update': row(['policy', 'health'], U, ok, N, N, N),
  'records.remove': row([], U, ok, N, N, N),
  'records.uploadAttachment': row(['policy', 'health'], U, ok, N, N, N),
  'records.getAttachment': row([], U, ok, N, N, N),
  'records.share': row(['policy', 'health'], U, ok, N, D, N),
  'records.unshare': row([], U, ok, N, D, N),
  'records.listShares': row([], U, ok, N, D, N),
  'records.accessLog': row([], U, ok, N, N, N),
  'records.sharedList': row(['policy'], U, D, N, ok, N, 'the doctor’s side of a share'),
  'records.sharedGet': row(['policy'], U, D, N, ok, N),
  'records.sharedAttachment': row(['policy'], U, D, N, ok, N),
  'support.createTicket': row([], U, ok, N, N, N, 'the input names alice’s consult: a stranger’s ticket cannot'),
  'support.listTickets': row([], U, ok, ok, ok, ok, 'each lists their own tickets'),
  'support.getTicket': row([], U, ok, N, N, N),
  'support.reply': row([], U, ok, N, N, N),
  'support.close': row([], U, ok, N, N, N),
  'support.rate': row([], U, P, N, N, N, 'owner: the ticket is still open'),
  'survey.listOpen': row(['policy'], U, ok, ok, ok, ok),
  'survey.get': row(['policy'], U, ok, ok, ok, ok, 'a questionnaire is for everyone'),
  'survey.submit': row(['policy'], U, ok, ok, ok, ok, 'each answers for themselves, once'),
  'telemetry.track': row(['policy'], U, ok, D, D, D, 'only alice turned 统计分析 on'),
  'user.sendCode': row(['policy'], U, ok, ok, ok, ok),
  'user.register': row(['policy'], U, I, P, P, P, 'owner: a stale code; the others are bound to other phones'),
  'user.loginWithWeChatPhone': row(['policy'], U, ok, ok, ok, ok),
  'user.me': row([], U, ok, ok, ok, ok),
  'user.verifyDevice': row(['policy'], U, ok, ok, ok, ok, 'each account verifies its own device'),
  'user.updateProfile': row(['policy'], U, ok, ok, ok, ok),
  'user.listDevices': row([], U, ok, ok, ok, ok),
  'user.removeDevice': row([], U, ok, N, N, N, 'the device is alice’s'),
  'user.logout': row([], U, ok, ok, ok, ok),
  'user.submitIdentity': row(['policy'], U, ok, ok, ok, ok),
  'user.getIdentity': row([], U, ok, ok, ok, ok),
};
