/**
 * 实名认证 (IDV): the separate consent for sensitive information first (unticked until the
 * user ticks it), then a form whose mistakes — a wrong check digit, a birth date after
 * today — are caught on the phone and never sent; afterwards only masked values and the
 * result are shown — no photo, as none is kept. The page says what verification is for.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { idCheckChar } from '../../contract/user/id-number';
import IdentityPage from '../../src/subpackages/account/identity';
import { todayInChina } from '../../contract/user/rules';
import { forgetAccount, identity, loggedIn, TINY_PNG } from './account-fixtures';
import { givenConsent } from './consent-fixtures';
import { fail, installBackend } from './fake-backend';
import { button, isDisabled, type, typeAndLeave } from './forms';
import { taro } from './taro-fake';

// Photos come through the weapp permission and media adapters, as in WeChat.
jest.mock('../../src/platform/permissions', () =>
  jest.requireActual('../../src/platform/permissions/permissions.weapp'),
);
jest.mock('../../src/platform/media', () =>
  jest.requireActual('../../src/platform/media/media.weapp'),
);
jest.mock('../../src/platform/image-upload', () => jest.requireActual('./image-upload-fake'));

/** A number with a correct check digit for `first17`. */
const withCheck = (first17: string) => first17 + idCheckChar(first17);
const ADULT_ID = withCheck('31010119900307123');

function tomorrowInChina(): string {
  const d = new Date(`${todayInChina()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10).replace(/-/g, '');
}

const VERIFIED = identity({
  status: 'verified',
  nameMasked: '张*',
  idMasked: '3101**********1234',
  submittedAt: '2024-05-01T08:00:00.000Z',
  consentAt: '2024-05-01T08:00:00.000Z',
});

function identityBackend(over: Parameters<typeof installBackend>[1] = {}) {
  return installBackend(
    {},
    {
      'user.me': () => loggedIn(),
      'user.getIdentity': () => identity(),
      'user.submitIdentity': () => VERIFIED,
      ...over,
    },
  );
}
const submits = (b: ReturnType<typeof identityBackend>) =>
  b
    .callsTo('user')
    .filter((c) => c.action === 'submitIdentity')
    .map((c) => c.data);

beforeEach(() => {
  forgetAccount();
  givenConsent('agreed');
  taro.chooseMedia.answer = {
    ok: { tempFiles: [{ tempFilePath: 'wxfile://tmp/photo.jpg', size: 4_000_000 }] },
  };
});

/** Through the consent to the form. */
async function openForm() {
  render(<IdentityPage />);
  const agree = await screen.findByText('同意并继续');
  const tick = screen.getByRole('checkbox');
  expect(tick.getAttribute('aria-checked')).toBe('false');
  expect(isDisabled(button('同意并继续'))).toBe(true);
  fireEvent.click(tick);
  await waitFor(() => expect(isDisabled(button('同意并继续'))).toBe(false));
  fireEvent.click(agree);
  await screen.findByText('提交认证');
}

async function addPhotos() {
  for (const label of ['身份证照片', '人脸照片']) {
    const field = screen.getByText(label).closest('.photo-field') as HTMLElement;
    fireEvent.click(field.querySelector('taro-button-core') as HTMLElement);
    await waitFor(() => expect(field.querySelector('img')).toBeTruthy());
  }
}

test('the separate consent comes first: what, why, how long; unticked until the user ticks', async () => {
  const backend = identityBackend();
  render(<IdentityPage />);
  expect(await screen.findByText('敏感个人信息处理规则')).toBeTruthy();
  for (const text of ['处理的信息', '处理目的', '保存期限', '注销账号时一并删除']) {
    expect(screen.getByText(new RegExp(text))).toBeTruthy();
  }
  expect(screen.queryByText('提交认证')).toBeNull();
  fireEvent.click(button('同意并继续'));
  // Positive signal that the unticked click had its chance: once ticked, the same button
  // opens the form. Only then is the form's earlier absence meaningful.
  const stillHidden = screen.queryByText('提交认证');
  fireEvent.click(screen.getByRole('checkbox'));
  await waitFor(() => expect(isDisabled(button('同意并继续'))).toBe(false));
  fireEvent.click(button('同意并继续'));
  expect(await screen.findByText('提交认证')).toBeTruthy();
  expect(stillHidden).toBeNull();
  expect(submits(backend)).toEqual([]);
});

test('a wrong check digit is caught on the phone and never sent', async () => {
  const backend = identityBackend();
  await openForm();
  await type('与身份证一致', '张三');
  const last = ADULT_ID.at(-1) === '0' ? '1' : '0';
  await typeAndLeave('18 位身份证号码', ADULT_ID.slice(0, 17) + last);
  expect(await screen.findByText('身份证号码校验位不正确')).toBeTruthy();
  await addPhotos();
  fireEvent.click(button('提交认证'));
  expect(screen.getByText('身份证号码校验位不正确')).toBeTruthy();
  // Positive signal that the refused click had its chance: corrected, the next click is
  // sent. Had the wrong number gone out, it would be recorded before this one.
  await typeAndLeave('18 位身份证号码', ADULT_ID);
  fireEvent.click(button('提交认证'));
  await waitFor(() => expect(submits(backend)).toHaveLength(1));
  expect(submits(backend)[0]).toMatchObject({ idNumber: ADULT_ID });
});

test('a birth date after today is refused, even with a correct check digit', async () => {
  const backend = identityBackend();
  await openForm();
  await type('与身份证一致', '张三');
  await type('18 位身份证号码', withCheck(`310101${tomorrowInChina()}123`));
  await addPhotos();
  fireEvent.click(button('提交认证'));
  expect(await screen.findByText('出生日期不能晚于今天')).toBeTruthy();
  expect(submits(backend)).toEqual([]);
});

test('name and photos are required; a name must be Chinese characters', async () => {
  const backend = identityBackend();
  await openForm();
  await type('与身份证一致', 'Zhang San');
  await type('18 位身份证号码', ADULT_ID);
  fireEvent.click(button('提交认证'));
  expect(await screen.findByText('姓名须为 2–20 个汉字，少数民族姓名可用 · 分隔')).toBeTruthy();
  expect(screen.getByText('请上传身份证人像面照片')).toBeTruthy();
  expect(screen.getByText('请上传本人人脸照片')).toBeTruthy();
  expect(submits(backend)).toEqual([]);
});

test('submitted: the consent and both photos go with it; afterwards only masked values', async () => {
  const backend = identityBackend();
  await openForm();
  const container = document.body;
  await type('与身份证一致', '买买提·艾力');
  await type('18 位身份证号码', ADULT_ID.toLowerCase());
  await addPhotos();
  fireEvent.click(button('提交认证'));

  expect(await screen.findByText('已认证')).toBeTruthy();
  const photo = { contentBase64: TINY_PNG, contentType: 'image/png' };
  expect(submits(backend)).toEqual([
    { name: '买买提·艾力', idNumber: ADULT_ID, idPhoto: photo, facePhoto: photo, consent: true },
  ]);
  expect(screen.getByText('张*')).toBeTruthy();
  expect(screen.getByText('3101**********1234')).toBeTruthy();
  expect(container.textContent).not.toContain(ADULT_ID);
  expect(container.textContent).not.toContain('买买提·艾力');
});

test('already verified: masked name and number, status, who checked, and no photo', async () => {
  identityBackend({
    'user.getIdentity': () => ({ ...VERIFIED, verifier: 'tencent-faceid-v1(sim>=70)' }),
  });
  const { container } = render(<IdentityPage />);
  expect(await screen.findByText('已认证')).toBeTruthy();
  expect(screen.getByText('张*')).toBeTruthy();
  expect(screen.getByText('3101**********1234')).toBeTruthy();
  expect(screen.getByText('腾讯云人脸核身（与权威库比对）')).toBeTruthy();
  expect(screen.queryByText('提交认证')).toBeNull();
  expect(screen.queryByText('重新认证')).toBeNull();
  // Nothing to show: the photos were deleted once the verifier answered, and the page says so.
  expect(container.querySelector('img')).toBeNull();
  expect(screen.queryByText(/查看.*照片/)).toBeNull();
  expect(container.textContent).toContain('身份证照片和人脸照片已在核验后删除');
  expect(container.textContent).toContain('您已作为本人添加到就诊人');
});

test('before verifying, the page states the purpose: real-name booking, not consultations', async () => {
  identityBackend();
  const { container } = render(<IdentityPage />);
  await screen.findByText('同意并继续');
  const text = container.textContent ?? '';
  expect(text).toContain('实名认证用于实名预约挂号');
  expect(text).toContain('通过后您本人即成为您的就诊人，预约时无需再次填写');
  expect(text).toContain('问诊不需要实名认证');
  expect(text).toContain('证件照和人脸照在核验后立即删除');
  expect(text).toContain('核验有结果后（无论是否通过）立即删除');
});

test('failed: the reason, and 重新认证 asks the consent again before the form', async () => {
  identityBackend({
    'user.getIdentity': () => identity({ ...VERIFIED, status: 'failed', reason: 'underage' }),
  });
  render(<IdentityPage />);
  expect(await screen.findByText('未通过')).toBeTruthy();
  expect(screen.getByText('原因：未满 18 周岁，请由监护人添加为就诊人')).toBeTruthy();
  fireEvent.click(button('重新认证'));
  expect(await screen.findByText('敏感个人信息处理规则')).toBeTruthy();
  expect(screen.getByRole('checkbox').getAttribute('aria-checked')).toBe('false');
});

test('a refusal from the server is shown in its words', async () => {
  identityBackend({
    'user.submitIdentity': () =>
      fail('RATE_LIMITED', '今日实名认证提交次数已用完', {
        limit: 'identity_daily',
        retryAfterSeconds: 3 * 3600,
      }),
  });
  await openForm();
  await type('与身份证一致', '张三');
  await type('18 位身份证号码', ADULT_ID);
  await addPhotos();
  fireEvent.click(button('提交认证'));
  expect(await screen.findByText(/^今日实名认证提交次数已用完（/)).toBeTruthy();
  expect(taro.redirectTo).not.toHaveBeenCalled();
});
