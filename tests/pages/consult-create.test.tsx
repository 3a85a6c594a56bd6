/**
 * 图文咨询 form (CAM, ALB, PI): validation before anything is sent, at most nine photos each
 * with its upload state and retry, and the path create → pay (模拟支付) → chat.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SENSITIVE_INFO_NOTICE } from '../../contract/consult/items';
import ConsultCreatePage from '../../src/subpackages/consult/create';
import ConsultPayPage from '../../src/subpackages/consult/pay';
import { pickImages } from '../../src/platform/media';
import { prepareImage } from '../../src/platform/image-upload';
import { TINY_PNG } from './account-fixtures';
import { consultBackend, consultView, Failure, givenLoggedIn } from './consult-fixtures';
import { button } from './forms';
import { setRouterParams, taro } from './taro-fake';

jest.mock('../../src/platform/media', () => ({ pickImages: jest.fn(), saveImage: jest.fn() }));
jest.mock('../../src/platform/image-upload', () => ({ prepareImage: jest.fn() }));
const pick = pickImages as jest.MockedFunction<typeof pickImages>;
const prepare = prepareImage as jest.MockedFunction<typeof prepareImage>;

const DESCRIPTION = '胸闷气短两周，活动后加重，夜间偶有憋醒';
const PLACEHOLDER = /请描述症状/;

function picked(n: number) {
  return {
    status: 'picked' as const,
    images: Array.from({ length: n }, (_, i) => ({ path: `blob:photo-${i}`, size: 1000 })),
  };
}

beforeEach(() => {
  givenLoggedIn();
  setRouterParams({ doctorId: 'd1' });
  prepare.mockResolvedValue({
    status: 'ready',
    image: { contentBase64: TINY_PNG, contentType: 'image/png' },
  });
});

async function renderForm() {
  render(<ConsultCreatePage />);
  await screen.findByText('图文咨询 ¥30');
}

async function describe_(text: string) {
  const area = await waitFor(() => {
    const el = document.querySelector('textarea');
    if (!el) throw new Error('no textarea yet');
    return el;
  });
  fireEvent.input(area, { target: { value: text } });
  await waitFor(() => expect(area.value).toBe(text));
}

test('the PI notice stands above the description; too short a description is refused', async () => {
  const b = consultBackend({});
  await renderForm();
  expect(screen.getByText(SENSITIVE_INFO_NOTICE)).toBeTruthy();
  await waitFor(() => expect(document.querySelector('textarea')).toBeTruthy());
  expect(document.querySelector('textarea')?.getAttribute('placeholder')).toMatch(PLACEHOLDER);

  await describe_('胸闷');
  fireEvent.click(button('提交并支付 ¥30'));
  expect(await screen.findByText('请至少填写 10 个字的病情描述')).toBeTruthy();
  expect(b.of('create')).toEqual([]);
});

test('someone else needs a name, sex and age before anything is sent', async () => {
  const b = consultBackend({});
  await renderForm();
  fireEvent.click(screen.getByText('其他人'));
  await describe_(DESCRIPTION);
  fireEvent.click(button('提交并支付 ¥30'));
  expect(await screen.findByText('请填写就诊人姓名')).toBeTruthy();
  expect(b.of('create')).toEqual([]);
});

test('ten photos picked: nine are kept and uploaded, the tenth refused', async () => {
  let n = 0;
  const b = consultBackend({
    'consult.uploadAttachment': () => ({ key: `k${++n}`, url: null }),
  });
  pick.mockResolvedValue(picked(10));
  await renderForm();
  fireEvent.click(screen.getByText('＋ 添加图片'));

  await waitFor(() => expect(b.of('uploadAttachment')).toHaveLength(9));
  expect(pick).toHaveBeenCalledWith({ count: 9, source: 'camera' });
  expect(taro.showToast).toHaveBeenCalledWith({ title: '最多上传 9 张图片', icon: 'none' });
  expect(screen.getAllByTestId('photo')).toHaveLength(9);
  expect(screen.queryByText('＋ 添加图片')).toBeNull();
  expect(screen.getByText('病情照片（选填，9/9）')).toBeTruthy();
});

test('a failed upload says so and 重试 uploads it again', async () => {
  let attempts = 0;
  const b = consultBackend({
    'consult.uploadAttachment': () => {
      attempts += 1;
      if (attempts === 1) throw new Failure('INTERNAL', '服务暂时不可用');
      return { key: 'k1', url: null };
    },
  });
  pick.mockResolvedValue(picked(1));
  await renderForm();
  fireEvent.click(screen.getByText('＋ 添加图片'));
  expect(await screen.findByText('上传失败')).toBeTruthy();

  // Submitting with a failed photo is refused until it is retried or removed.
  await describe_(DESCRIPTION);
  fireEvent.click(button('提交并支付 ¥30'));
  expect(await screen.findByText('有图片上传失败，请重试或删除后再提交')).toBeTruthy();
  expect(b.of('create')).toEqual([]);

  fireEvent.click(screen.getByText('重试'));
  await waitFor(() => expect(screen.queryByText('上传失败')).toBeNull());
  expect(b.of('uploadAttachment')).toHaveLength(2);
});

test('submit → create with the photo keys → pay → 模拟支付 → 确认支付 → the chat', async () => {
  const b = consultBackend({
    'consult.uploadAttachment': () => ({ key: 'key-1', url: null }),
    'consult.create': () => consultView({ status: 'pending_payment', acceptedAt: null }),
    'consult.pay': () => ({
      status: 'pending_payment',
      payment: {
        kind: 'sandbox',
        orderId: 'c1',
        sandboxUrl: '/subpackages/consult/pay/index?orderId=c1',
      },
    }),
  });
  pick.mockResolvedValue(picked(1));
  await renderForm();
  fireEvent.click(screen.getByText('＋ 添加图片'));
  await waitFor(() => expect(b.of('uploadAttachment')).toHaveLength(1));
  await describe_(DESCRIPTION);
  fireEvent.click(button('提交并支付 ¥30'));

  await waitFor(() =>
    expect(taro.redirectTo).toHaveBeenCalledWith({
      url: '/subpackages/consult/pay/index?orderId=c1',
    }),
  );
  expect(b.of('create')).toEqual([
    { doctorId: 'd1', patient: { kind: 'self' }, description: DESCRIPTION, photoKeys: ['key-1'] },
  ]);
  expect(b.of('pay')).toEqual([{ consultId: 'c1' }]);
});

test('the 模拟支付 page shows the amount and confirms the payment, then opens the chat', async () => {
  setRouterParams({ orderId: 'c1' });
  const b = consultBackend({
    'consult.get': () => consultView({ status: 'pending_payment' }),
    'consult.sandboxConfirm': () => ({ consultId: 'c1', status: 'waiting' }),
  });
  render(<ConsultPayPage />);
  expect(await screen.findByText('¥30')).toBeTruthy();
  fireEvent.click(button('确认支付'));
  await waitFor(() =>
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/consult/chat/index?id=c1' }),
  );
  expect(b.of('sandboxConfirm')).toEqual([{ orderId: 'c1', outcome: 'paid' }]);
});

test('a free consult skips payment and goes straight to the chat', async () => {
  const b = consultBackend({
    'consult.create': () => consultView({ status: 'waiting', price: 0 }),
  });
  await renderForm();
  await describe_(DESCRIPTION);
  fireEvent.click(button('提交并支付 ¥30'));
  await waitFor(() =>
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/consult/chat/index?id=c1' }),
  );
  expect(b.of('pay')).toEqual([]);
});
