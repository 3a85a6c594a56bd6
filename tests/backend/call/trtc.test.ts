/**
 * The TRTC adapter (WeChat; TPS): the exact tls-sig-api-v2 calls — a UserSig and a
 * string-room privateMapKey for one participant — checked against a recorder and against
 * the real library (what it signs decodes to our SDKAppID, user and room). Credentials need
 * the 腾讯云实时音视频 consent and are per-call pseudonyms, never the openid.
 */
import { inflateSync } from 'node:zlib';
import {
  createTrtcRooms,
  TRTC_ALL_PRIVILEGES,
  trtcConfigFromEnv,
} from '../../../backend/adapters/cloudbase/trtc-rooms';
import type { RoomCredentials } from '../../../contract/call/views';
import {
  alice,
  callWorldEachTest,
  consentTrtc,
  drWang,
  expectError,
  expectOk,
  recordingSigApi,
  startCall,
  trtcRooms,
  type CallEnv,
} from './support';

/** tls-sig-api-v2's encoding: base64 with *→+, -→/, _→=, of a zlib-deflated JSON. */
const decodeSig = (sig: string) =>
  JSON.parse(
    inflateSync(
      Buffer.from(sig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64'),
    ).toString(),
  ) as Record<string, unknown>;

describe('the adapter', () => {
  it('makes exactly these SDK calls: genUserSig, then the string-room privateMapKey with every right', () => {
    const api = recordingSigApi();
    const creds = trtcRooms(api).credentials!({
      userId: 'p_abc',
      roomId: 'zhuyi_v1',
      expiresInSeconds: 960,
    });
    expect(api.calls).toEqual([
      ['genUserSig', 'p_abc', 960],
      ['genPrivateMapKeyWithStringRoomID', 'p_abc', 960, 'zhuyi_v1', TRTC_ALL_PRIVILEGES],
    ]);
    expect(creds).toEqual({
      sdkAppId: 1400000001,
      userId: 'p_abc',
      userSig: 'sig:p_abc',
      privateMapKey: 'pmk:p_abc:zhuyi_v1',
      roomId: 'zhuyi_v1',
    });
  });

  it('with the real tls-sig-api-v2, what it signs names our app, user, expiry and room', () => {
    const rooms = createTrtcRooms({ sdkAppId: 1400000001, secretKey: 'k'.repeat(64) });
    const creds = rooms.credentials!({
      userId: 'd_xyz',
      roomId: 'zhuyi_v2',
      expiresInSeconds: 600,
    });
    expect(decodeSig(creds.userSig)).toMatchObject({
      'TLS.ver': '2.0',
      'TLS.identifier': 'd_xyz',
      'TLS.sdkappid': 1400000001,
      'TLS.expire': 600,
    });
    const key = decodeSig(creds.privateMapKey);
    expect(key).toMatchObject({ 'TLS.identifier': 'd_xyz', 'TLS.expire': 600 });
    // The user buffer carries the string room id: the key opens this room only.
    expect(Buffer.from(String(key['TLS.userbuf']), 'base64').includes('zhuyi_v2')).toBe(true);
  });

  it('configuration comes from the environment only, never half set', () => {
    expect(trtcConfigFromEnv({})).toBeNull();
    expect(trtcConfigFromEnv({ VIDEO_ENABLED: '0', TRTC_SDK_APP_ID: '1' })).toBeNull();
    expect(() => trtcConfigFromEnv({ VIDEO_ENABLED: '1' })).toThrow(
      /TRTC_SDK_APP_ID, TRTC_SECRET_KEY/,
    );
    expect(() =>
      trtcConfigFromEnv({ VIDEO_ENABLED: '1', TRTC_SDK_APP_ID: 'abc', TRTC_SECRET_KEY: 'k' }),
    ).toThrow(/numeric/);
    expect(
      trtcConfigFromEnv({
        VIDEO_ENABLED: '1',
        TRTC_SDK_APP_ID: '1400000001',
        TRTC_SECRET_KEY: 'k',
      }),
    ).toEqual({ sdkAppId: 1400000001, secretKey: 'k' });
  });
});

describe('call.credentials', () => {
  let env: CallEnv;
  callWorldEachTest((e) => (env = e));
  let api: ReturnType<typeof recordingSigApi>;
  beforeEach(() => {
    api = recordingSigApi();
    env.rooms.current = trtcRooms(api);
  });

  it('refuses without the 腾讯云实时音视频 consent (TPS), issuing nothing', async () => {
    const call = await startCall(env);
    // Dispatch refuses it from the requirements table, before the handler runs.
    expectError(
      await env.callApi('credentials', { callId: call.id }, alice),
      'FAILED_PRECONDITION',
      { reason: 'third_party_consent_required', requirement: 'thirdParty.trtc' },
    );
    expect(api.calls).toEqual([]);
  });

  it('each participant gets its own pseudonym for this call’s room, valid until the limit', async () => {
    await consentTrtc(env, alice);
    await consentTrtc(env, drWang);
    const call = await startCall(env);
    expect(call).toMatchObject({ transport: 'trtc', iceServers: [] });
    const mine = expectOk<RoomCredentials>(
      await env.callApi('credentials', { callId: call.id }, alice),
    );
    expectOk(await env.callApi('accept', { callId: call.id }, drWang));
    const theirs = expectOk<RoomCredentials>(
      await env.callApi('credentials', { callId: call.id }, drWang),
    );
    expect(mine.roomId).toBe(`zhuyi_${call.id}`);
    expect(theirs.roomId).toBe(mine.roomId);
    expect(mine.userId).toMatch(/^p_[A-Za-z0-9]{24}$/);
    expect(theirs.userId).toMatch(/^d_[A-Za-z0-9]{24}$/);
    expect(JSON.stringify([mine, theirs, api.calls])).not.toContain(alice.openid);
    // Ringing: the ring plus a full call, plus a minute; connected: to the limit plus a minute.
    expect(api.calls[0]).toEqual(['genUserSig', mine.userId, 60 + 15 * 60 + 60]);
    expect(api.calls[2]).toEqual(['genUserSig', theirs.userId, 15 * 60 + 60]);
    expectOk(await env.callApi('hangup', { callId: call.id }, alice));
    expectError(
      await env.callApi('credentials', { callId: call.id }, alice),
      'FAILED_PRECONDITION',
      {
        reason: 'wrong_call_state',
      },
    );
  });
});
