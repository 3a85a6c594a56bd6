/**
 * The built 实名认证 page (subpackages/account/identity, IDV) on the real `user` handlers over
 * the CloudBase emulator, with the built-in verifier: the separate consent comes first and
 * starts unticked; then name, ID number and two photos (WeChat's album picker, compressed
 * and read as base64); the result shows only masked values, and the store keeps no plaintext.
 */
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { idNumber, imageBytes } from '../backend/user/support';
import { loadPage, waitFor, wxAsync, wxStorage, type PageHandle } from './harness';
import { registerOnBackend } from './support/account';
import { weappBackend } from './support/backend';

jest.setTimeout(15_000);
const backend = weappBackend();
const NAME = '张三丰';
const ID = idNumber('310101', '19900307');
const PHOTO = imageBytes('jpeg', 4000, 0x11, 640).toString('base64');

const fs = {
  readFile: jest.fn((o: { filePath: string; success?: (r: { data: string }) => void }) => {
    setTimeout(() => o.success?.({ data: PHOTO }), 0);
  }),
};
let page: PageHandle;

beforeAll(async () => {
  await registerOnBackend(backend);
  page = await loadPage('subpackages/account/identity/index', {
    ...wxStorage({ decision: 'agreed', policyVersion: POLICY_VERSION }).apis,
    cloud: { init: jest.fn(), callFunction: backend.callFunction },
    // 从相册选择: WeChat's own picker, no scope needed (src/platform/media).
    showActionSheet: wxAsync(() => ({ ok: { tapIndex: 1 } })),
    chooseMedia: wxAsync(() => ({
      ok: { tempFiles: [{ tempFilePath: 'wxfile://tmp/photo.jpg', size: 4000 }] },
    })),
    getImageInfo: wxAsync(() => ({ ok: { width: 640, height: 640, type: 'jpeg' } })),
    getFileSystemManager: () => fs,
  });
});

afterAll(() => backend.env.close());

test('the separate consent comes first, unticked; 同意并继续 does nothing until ticked', async () => {
  await page.waitForText('敏感个人信息处理规则', '同意并继续');
  expect(page.text()).not.toContain('✓');
  page.tap('.identity-consent__agree');
  page.tap('.check-row');
  await waitFor(() => expect(page.text()).toContain('✓'));
  expect(page.text()).not.toContain('提交认证');
  page.tap('.identity-consent__agree');
  await page.waitForText('提交认证', '身份证照片', '人脸照片');
});

test('name, ID number and two photos go to submitIdentity; the result is masked', async () => {
  page.dispatch('.field__input', 'input', { value: NAME }, 0);
  page.dispatch('.field__input', 'input', { value: ID }, 1);
  page.tap('.photo-field__pick', 0);
  await waitFor(() => expect(page.text().split('重新选择').length - 1).toBe(1));
  page.tap('.photo-field__pick', 1);
  await waitFor(() => expect(page.text().split('重新选择').length - 1).toBe(2));
  page.tap('.identity-form__submit');
  await page.waitForText('已认证');
  const submit = backend.callFunction.mock.calls.find(([c]) => c.data.action === 'submitIdentity');
  expect(submit?.[0].data.data).toEqual({
    name: NAME,
    idNumber: ID,
    idPhoto: { contentBase64: PHOTO, contentType: 'image/jpeg' },
    facePhoto: { contentBase64: PHOTO, contentType: 'image/jpeg' },
    consent: true,
  });
  // Issue 11 point 9: what it was for, and that the photos are gone.
  expect(page.text()).toContain('您已作为本人添加到就诊人');
  expect(page.text()).toContain('身份证照片和人脸照片已在核验后删除');
  // Only masked values on the page.
  expect(page.text()).not.toContain(NAME);
  expect(page.text()).not.toContain(ID);
});

test('the store holds the verification, with neither the name nor the ID number in plaintext', async () => {
  const view = (await backend.call('user', 'getIdentity')) as { status: string };
  expect(view.status).toBe('verified');
  const saved = backend.env.emulator?.store.save() ?? '';
  expect(saved).toContain('identities');
  expect(saved).not.toContain(NAME);
  expect(saved).not.toContain(ID);
  expect(saved).not.toMatch(/PhotoKey/);
});
