/**
 * The built 注销账号 page (subpackages/account/delete-account, DEL) on the real `account` and
 * `user` handlers over the CloudBase emulator: the four consequences as the policy words
 * them, an unticked confirmation, re-verification by a code sent to the bound phone, the
 * progress to the receipt, and the user's data really gone from the store.
 */
import { DELETION_CONSEQUENCES } from '../../contract/account/items';
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { loadPage, waitFor, wxStorage, type PageHandle } from './harness';
import { PHONE, registerOnBackend } from './support/account';
import { weappBackend } from './support/backend';

jest.setTimeout(15_000);
const backend = weappBackend();
const storage = wxStorage({ decision: 'agreed', policyVersion: POLICY_VERSION });
const switchTab = jest.fn((options: { success?: () => void }) => options.success?.());
let page: PageHandle;

/** The tick the CheckRow draws when (and only when) the user ticked it. */
const checked = () => page.text().includes('✓');

beforeAll(async () => {
  await registerOnBackend(backend);
  expect(await backend.env.store.get('users', backend.caller.openid)).not.toBeNull();
  page = await loadPage('subpackages/account/delete-account/index', {
    ...storage.apis,
    cloud: { init: jest.fn(), callFunction: backend.callFunction },
    switchTab,
  });
});

afterAll(() => backend.env.close());

test('shows the four consequences verbatim, what will be lost, and an unticked confirmation', async () => {
  await page.waitForText(...DELETION_CONSEQUENCES, '将被删除的数据', '我已阅读并知晓以上后果');
  expect(checked()).toBe(false);
  expect(backend.callFunction).toHaveBeenCalledWith({
    name: 'account',
    data: { action: 'deletionPreview', data: {} },
  });
});

test('re-verification: the code goes to the bound phone; unticked, nothing is deleted', async () => {
  page.tap('.sms-code-field__send');
  await page.waitForText('验证码已发送至 138****5678');
  const code = backend.lastCode(PHONE);
  expect(code).toMatch(/^\d{6}$/);
  page.dispatch('.field__input', 'input', { value: code });
  // Unticked, the button is disabled: a tap on it does not reach the server.
  page.tap('.delete-account__submit');
  page.tap('.check-row');
  await waitFor(() => expect(checked()).toBe(true));
  expect(backend.callFunction.mock.calls.map(([c]) => c.data.action)).not.toContain('delete');
});

test('confirming runs the deletion to its receipt, and the data is gone from the store', async () => {
  page.tap('.delete-account__submit');
  await page.waitForText('账号已注销', '注销凭证编号');
  const actions = backend.callFunction.mock.calls.map(([c]) => `${c.name}.${c.data.action}`);
  expect(actions).toContain('account.delete');
  const del = backend.callFunction.mock.calls.find(([c]) => c.data.action === 'delete');
  expect(del?.[0].data.data).toEqual({ confirm: true, code: backend.lastCode(PHONE) });

  const openid = backend.caller.openid;
  expect(await backend.env.store.get('users', openid)).toBeNull();
  // Nothing of the user's is left anywhere on the platform: no document names them.
  const saved = backend.env.emulator?.store.save() ?? '';
  expect(saved.length).toBeGreaterThan(0);
  expect(saved).not.toContain(PHONE);
  expect(saved).not.toContain(openid);
  // The device forgot the login and the consent too.
  expect(storage.store.has('zhuyi.privacy.consent')).toBe(false);
});
