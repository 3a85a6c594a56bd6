/**
 * The built 视频咨询 call screen in WeChat's renderer (issue 14): TRTC through trtc-wx-sdk
 * with live-pusher/live-player. With a connected call it asks the call function for this
 * call's room credentials, hands them to the SDK's enterRoom (the SDK builds the
 * live-pusher's room:// url: sdkappid, the string room, userid, usersig, privatemapkey),
 * renders live-pusher in RTC mode and starts the pusher once the url is on the page. No
 * network: wx.request (the SDK's log upload) is a stub that never answers.
 *
 * Canned answers (not weappBackend): the credentials a real TRTC application signs need its
 * secret; what the server issues and signs is proven in tests/backend/call/trtc.test.ts.
 */
import type { CallView } from '../../contract/call/views';
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { callView } from '../pages/call-views';
import { serverState } from '../pages/consent-state';
import { loadPage, waitFor, wxAsync, wxStorage, type PageHandle } from './harness';
import { cloudFunctions, unexpected } from './support/cloud';

const connected: CallView = callView({
  state: 'connected',
  transport: 'trtc',
  answeredAt: new Date().toISOString(),
  ringDeadline: null,
  limitAt: new Date(Date.now() + 15 * 60_000).toISOString(),
});
const CREDENTIALS = {
  sdkAppId: 1400000001,
  userId: 'u_3f9a2c',
  userSig: 'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBgqVFqUXFAEpcB-4',
  privateMapKey: 'eJw1jtEKgjAUhl8lfK7',
  roomId: 'zhuyi_v1',
  expiresAt: new Date(Date.now() + 16 * 60_000).toISOString(),
};

const callFunction = cloudFunctions(({ name, action, data }) => {
  const reply = (value: unknown) => ({ ok: true, data: value });
  if (name === 'call' && action === 'get') return reply(connected);
  if (name === 'call' && action === 'credentials' && data.callId === 'v1')
    return reply(CREDENTIALS);
  if (name === 'privacy') return reply(serverState());
  return unexpected(`${name}.${action}`);
});
const pusher = { start: jest.fn(), stop: jest.fn(), switchCamera: jest.fn() };
const createLivePusherContext = jest.fn(() => pusher);
const request = jest.fn();
const watch = jest.fn(() => ({ close: jest.fn() }));
const where = jest.fn(() => ({ watch }));
const collection = jest.fn(() => ({ where }));

let page: PageHandle;

beforeAll(async () => {
  // The SDK narrates every step on the console; the assertions below say what matters.
  for (const level of ['log', 'info', 'warn'] as const)
    jest.spyOn(console, level).mockImplementation(() => undefined);
  const storage = wxStorage({ decision: 'agreed', policyVersion: POLICY_VERSION });
  page = await loadPage(
    'subpackages/call/room/index',
    {
      ...storage.apis,
      cloud: {
        init: jest.fn(),
        callFunction,
        database: () => ({ collection }),
      },
      createLivePusherContext,
      createLivePlayerContext: jest.fn(() => ({})),
      getSystemInfo: wxAsync(() => ({ ok: { SDKVersion: '3.3.0', platform: 'ios' } })),
      request,
      showToast: wxAsync(() => ({ ok: { errMsg: 'showToast:ok' } })),
    },
    { consultId: 'c1', callId: 'v1' },
  );
});

test('enters the call’s TRTC room with the issued credentials and pushes in RTC mode', async () => {
  await page.waitForText('视频咨询为健康咨询服务，不能替代线下就诊');
  expect(callFunction).toHaveBeenCalledWith({
    name: 'call',
    data: { action: 'credentials', data: { callId: 'v1' } },
  });
  expect(createLivePusherContext).toHaveBeenCalled();
  // The SDK's room:// url, built by enterRoom from exactly what the server issued.
  const url =
    `room://cloud.tencent.com/rtc?sdkappid=${CREDENTIALS.sdkAppId}` +
    `&strroomid=${CREDENTIALS.roomId}&userid=${CREDENTIALS.userId}&usersig=${CREDENTIALS.userSig}`;
  await waitFor(() => expect(JSON.stringify(page.instance.data)).toContain(url));
  const data = JSON.stringify(page.instance.data);
  expect(data).toContain(`privatemapkey=${encodeURIComponent(CREDENTIALS.privateMapKey)}`);
  expect(data).toContain('"RTC"');
  // The pusher starts once the url is on the page (not before).
  await waitFor(() => expect(pusher.start).toHaveBeenCalledTimes(1));
  expect(page.dom().querySelector('live-pusher, wx-live-pusher')).not.toBeNull();
});

test('watches this consult’s calls naming the viewer, so database-rules.json lets it read', () => {
  expect(collection).toHaveBeenCalledWith('calls');
  expect(where).toHaveBeenCalledWith({ consultId: 'c1', patientOpenid: '{openid}' });
  expect(watch).toHaveBeenCalled();
});
