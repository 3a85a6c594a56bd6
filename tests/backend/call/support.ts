/**
 * A 视频咨询 test world: the consult world (real SQLite, sandbox payment, realtime hub) with
 * a VideoRooms port the test can swap (WebRTC by default, TRTC with a recording SigApi, or
 * none = video off). 王医生 and 李医生 offer video all week; alice has an active video
 * consult with 王医生 and eve one with 李医生.
 */
import { createTrtcRooms, type SigApi } from '../../../backend/adapters/cloudbase/trtc-rooms';
import { createWebRtcRooms } from '../../../backend/adapters/local/webrtc-rooms';
import type { Caller } from '../../../backend/core/context';
import type { VideoRooms } from '../../../backend/ports/video-rooms';
import type { CallView } from '../../../contract/call/views';
import type { ConsultView } from '../../../contract/consult/views';
import type { Envelope } from '../../../contract/envelope';
import { POLICY_VERSION } from '../../../contract/privacy/policy';
import { freshEnvEachTest } from '../user/support';
import {
  alice,
  drLi,
  drWang,
  eve,
  expectOk,
  makeConsultEnv,
  OTHER_DOCTOR,
  PAID_DOCTOR,
  payInSandbox,
  setupWorld,
  type ConsultEnv,
} from '../consult/support';

export { alice, drLi, drWang, eve, expectOk };
export { expectError } from '../consult/support';

export const ICE = [{ urls: 'stun:stun.example.org:3478' }];
export const VIDEO_PRICE = 5000;
export const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  start: '00:00',
  end: '24:00',
}));

export interface CallEnv extends ConsultEnv {
  rooms: { current: VideoRooms | undefined };
  callApi(action: string, data: unknown, who?: Caller | null): Promise<Envelope<unknown>>;
  /** alice ↔ 王医生 and eve ↔ 李医生, both video and active. */
  aliceConsult: string;
  eveConsult: string;
}

/** A SigApi that records every call exactly and answers fixed strings. */
export function recordingSigApi(): SigApi & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    genUserSig: (...args) => (calls.push(['genUserSig', ...args]), `sig:${args[0]}`),
    genPrivateMapKeyWithStringRoomID: (...args) => (
      calls.push(['genPrivateMapKeyWithStringRoomID', ...args]),
      `pmk:${args[0]}:${args[2]}`
    ),
  };
}

export const trtcRooms = (api: SigApi) =>
  createTrtcRooms({ sdkAppId: 1400000001, secretKey: 'test-only-key' }, api);

/** The first 30-minute slot at least `hours` ahead of the env's clock. */
export function slotAfter(env: ConsultEnv, hours = 2): string {
  const step = 30 * 60_000;
  const t = env.clock.now().getTime() + hours * 3_600_000;
  return new Date(Math.ceil(t / step) * step).toISOString();
}

export async function videoConsult(
  env: ConsultEnv,
  who: Caller,
  doctorId: string,
  doctor: Caller,
  hours = 2,
): Promise<ConsultView> {
  const c = expectOk<ConsultView>(
    await env.consult(
      'create',
      {
        doctorId,
        patient: { kind: 'self' },
        description: '孩子呼吸有点急促，想让医生看看。',
        type: 'video',
        slot: slotAfter(env, hours),
      },
      who,
    ),
  );
  await payInSandbox(env, c.id, who);
  expectOk(await env.consult('accept', { consultId: c.id }, doctor));
  return c;
}

export function makeCallEnv(): CallEnv {
  const rooms: CallEnv['rooms'] = { current: createWebRtcRooms(ICE) };
  const env = makeConsultEnv(() => (rooms.current ? { videoRooms: rooms.current } : {}));
  return {
    ...env,
    rooms,
    callApi: (action, data, who = alice) => env.call('call', { action, data }, who),
    aliceConsult: '',
    eveConsult: '',
  };
}

export async function setupCallWorld(env: CallEnv): Promise<void> {
  await setupWorld(env);
  const offer = { price: VIDEO_PRICE, hours: ALL_WEEK };
  expectOk(await env.consult('setVideoOffer', { offer }, drWang));
  expectOk(await env.consult('setVideoOffer', { offer }, drLi));
  env.aliceConsult = (await videoConsult(env, alice, PAID_DOCTOR, drWang)).id;
  env.eveConsult = (await videoConsult(env, eve, OTHER_DOCTOR, drLi, 3)).id;
}

export function callWorldEachTest(use: (env: CallEnv) => void): void {
  freshEnvEachTest(makeCallEnv, use, setupCallWorld);
}

export async function startCall(env: CallEnv, who = alice, consultId = env.aliceConsult) {
  return expectOk<CallView>(await env.callApi('start', { consultId }, who));
}

/** The TPS consent for TRTC (policy plus 腾讯云实时音视频). */
export async function consentTrtc(env: CallEnv, who: Caller): Promise<void> {
  expectOk(
    await env.call(
      'privacy',
      {
        action: 'recordConsent',
        data: { policyVersion: POLICY_VERSION, items: { thirdParty: { trtc: true } } },
      },
      who,
    ),
  );
}

export const SDP =
  'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n' +
  'a=group:BUNDLE 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\n' +
  'a=mid:0\r\na=sendrecv\r\na=rtpmap:96 VP8/90000\r\n';

export const CANDIDATE = {
  candidate:
    'candidate:842163049 1 udp 1677729535 192.0.2.10 46154 typ srflx raddr 0.0.0.0 rport 0',
  sdpMid: '0',
  sdpMLineIndex: 0,
  usernameFragment: 'abcd',
};
