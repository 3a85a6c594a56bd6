/**
 * Only the consult's patient and its doctor touch a call (issue 14; SEC): for every `call`
 * action, across two patients and two doctors, a stranger gets NOT_FOUND (as for a call that
 * does not exist) and changes nothing; no caller is UNAUTHENTICATED.
 */
import { callActions } from '../../../contract/call';
import { CALLS } from '../../../backend/collections';
import type { Caller } from '../../../backend/core/context';
import {
  alice,
  callWorldEachTest,
  consentTrtc,
  drLi,
  drWang,
  eve,
  expectError,
  expectOk,
  recordingSigApi,
  SDP,
  startCall,
  trtcRooms,
  type CallEnv,
} from './support';

let env: CallEnv;
callWorldEachTest((e) => (env = e));

/** Every action with valid data for `callId` (start names the consult instead). */
const requests = (callId: string, consultId: string): Record<string, unknown> => ({
  start: { consultId },
  accept: { callId },
  decline: { callId },
  signal: { callId, kind: 'offer', payload: { sdp: SDP } },
  hangup: { callId },
  get: { callId },
  credentials: { callId },
});

it('the table covers every action', () => {
  expect(Object.keys(requests('x', 'y')).sort()).toEqual(Object.keys(callActions).sort());
});

const strangers: Array<[string, Caller]> = [
  ['another patient', eve],
  ['another doctor', drLi],
];

describe.each(['webrtc', 'trtc'] as const)('%s', (transport) => {
  it.each(strangers)(
    '%s cannot touch alice’s call with 王医生 in any way',
    async (_who, stranger) => {
      if (transport === 'trtc') env.rooms.current = trtcRooms(recordingSigApi());
      await consentTrtc(env, stranger);
      const call = await startCall(env);
      const before = await env.store.get(CALLS.name, call.id);
      for (const [action, data] of Object.entries(requests(call.id, env.aliceConsult))) {
        const r = await env.callApi(action, data, stranger);
        if (action === 'start') expectError(r, 'NOT_FOUND');
        else expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '通话不存在' } });
      }
      expect(await env.store.get(CALLS.name, call.id)).toEqual(before);
      // Nothing reached the stranger either.
      expect(
        (env.events.get(stranger.openid) ?? []).filter((e) => e.consultId === env.aliceConsult),
      ).toEqual([]);
    },
  );
});

it('a call id that does not exist answers exactly like a stranger’s', async () => {
  // As the strangers above: with the TRTC consent, so credentials reaches the handler.
  await consentTrtc(env, alice);
  for (const [action, data] of Object.entries(requests('v000000000000000000000000', 'c0'))) {
    if (action === 'start') continue;
    expect(await env.callApi(action, data, alice)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '通话不存在' },
    });
  }
});

it('no caller: UNAUTHENTICATED for every action', async () => {
  const call = await startCall(env);
  for (const [action, data] of Object.entries(requests(call.id, env.aliceConsult)))
    expectError(await env.callApi(action, data, null), 'UNAUTHENTICATED');
});

it('each side may do what its role allows, in its own consult only', async () => {
  const mine = await startCall(env);
  const eves = await startCall(env, drLi, env.eveConsult);
  // 王医生 is a participant of alice's call only, 李医生 of eve's only.
  expectError(await env.callApi('accept', { callId: eves.id }, drWang), 'NOT_FOUND');
  expectError(await env.callApi('accept', { callId: mine.id }, drLi), 'NOT_FOUND');
  expectError(await env.callApi('start', { consultId: env.eveConsult }, alice), 'NOT_FOUND');
  expectOk(await env.callApi('accept', { callId: mine.id }, drWang));
  expectOk(await env.callApi('accept', { callId: eves.id }, eve));
  expectOk(await env.callApi('signal', requests(mine.id, '').signal, alice));
  expectOk(await env.callApi('signal', requests(eves.id, '').signal, drLi));
  // WebRTC here: credentials belong to TRTC.
  await consentTrtc(env, alice);
  expectError(await env.callApi('credentials', { callId: mine.id }, alice), 'FAILED_PRECONDITION', {
    reason: 'credentials_unavailable',
  });
  expectOk(await env.callApi('hangup', { callId: mine.id }, drWang));
  expectOk(await env.callApi('hangup', { callId: eves.id }, eve));
});
