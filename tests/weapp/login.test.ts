/**
 * The built 登录 page (subpackage packages/account) in WeChat's renderer (REG): with the
 * policy agreed it offers the SMS form and WeChat's one-tap phone button — a real
 * open-type="getPhoneNumber" button whose one-time code goes to loginWithWeChatPhone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { DIST, loadPage, waitFor, wxStorage, type PageHandle } from './harness';
import { weappBackend } from './support/backend';

jest.setTimeout(15_000);
// The real user handlers over the CloudBase emulator; WeChat's phone service answers the
// one-time code with this number (the WeChatPhone port, as the real one would).
const backend = weappBackend();
const callFunction = backend.callFunction;
const switchTab = jest.fn((options: { success?: () => void }) => options.success?.());
const showToast = jest.fn((options: { success?: () => void }) => options.success?.());

/** Taro's template binds a button's open-type to one short attribute key; find which. */
function openTypeKey(): string {
  const wxml = fs.readFileSync(path.join(DIST, 'base.wxml'), 'utf8');
  const match = /open-type="\{\{i\.(\w+)\}\}"/.exec(wxml);
  if (!match) throw new Error('base.wxml has no open-type binding');
  return match[1];
}

type Node = { v?: string; cn?: Node[]; [key: string]: unknown };
const textOf = (n: Node): string => (n.v ?? '') + (n.cn ?? []).map(textOf).join('');
function findNode(root: Node, test: (n: Node) => boolean): Node | null {
  if (test(root)) return root;
  for (const child of root.cn ?? []) {
    const hit = findNode(child, test);
    if (hit) return hit;
  }
  return null;
}

let page: PageHandle;

beforeAll(async () => {
  // This phone agreed and told the server (the record in storage says synced).
  await backend.call('privacy', 'recordConsent', { policyVersion: POLICY_VERSION });
  backend.env.wechat.answers.push({ phone: '13812348000', countryCode: '86' });
  page = await loadPage(
    'subpackages/account/login/index',
    {
      ...wxStorage({ decision: 'agreed', policyVersion: POLICY_VERSION }).apis,
      cloud: { init: jest.fn(), callFunction },
      switchTab,
      showToast,
    },
    { redirect: encodeURIComponent('/pages/mine/index') },
  );
});

test('the SMS form and a getPhoneNumber button are rendered', async () => {
  await page.waitForText('手机号登录 / 注册', '获取验证码', '微信手机号一键登录');
  const key = openTypeKey();
  const root = page.instance.data.root as Node;
  const button = findNode(root, (n) => n[key] !== undefined && textOf(n) === '微信手机号一键登录');
  expect(button?.[key]).toBe('getPhoneNumber');
});

test('WeChat’s code goes to loginWithWeChatPhone; then back to 我的', async () => {
  page.dispatch('.login__wechat', 'getphonenumber', {
    errMsg: 'getPhoneNumber:ok',
    code: 'wx-one-time-code',
  });
  await waitFor(() =>
    expect(switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/mine/index' })),
  );
  const login = callFunction.mock.calls.find(([c]) => c.data.action === 'loginWithWeChatPhone');
  expect(login?.[0]).toEqual({
    name: 'user',
    data: { action: 'loginWithWeChatPhone', data: { code: 'wx-one-time-code' } },
  });
  // The code reached WeChat's phone service, and the account now exists in the store.
  expect(backend.env.wechat.codes).toEqual(['wx-one-time-code']);
  expect(await backend.env.store.get('users', backend.caller.openid)).not.toBeNull();
  const me = (await backend.call('user', 'me')) as { loggedIn: boolean; profile: unknown };
  expect(me).toMatchObject({ loggedIn: true, profile: { phoneMasked: '138****8000' } });
});

afterAll(() => backend.env.close());
