/**
 * 我的 → 我的病历 (PI, CAM, ALB): per 就诊人 a timeline, newest first; 添加病历 checks what
 * the server checks and uploads the photos onto the saved record; the record shows its
 * files and who of the doctors it was shared with read it.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import RecordFormPage from '../../src/subpackages/family/record-form';
import RecordPage from '../../src/subpackages/family/record';
import RecordsPage from '../../src/subpackages/family/records';
import { pickImages } from '../../src/platform/media';
import { TINY_PNG } from './account-fixtures';
import { consultBackend, givenLoggedIn } from './consult-fixtures';
import { button, type } from './forms';
import { FATHER, patientView, recordView } from './patient-fixtures';
import { setRouterParams, taro } from './taro-fake';

jest.mock('../../src/platform/media', () => ({ pickImages: jest.fn(), saveImage: jest.fn() }));
jest.mock('../../src/platform/image-upload', () => jest.requireActual('./image-upload-fake'));
const pick = pickImages as jest.MockedFunction<typeof pickImages>;

beforeEach(() => givenLoggedIn());

const SELF = patientView();

test('the timeline is per 就诊人: the first is chosen, another tap shows theirs', async () => {
  const b = consultBackend({
    'patients.list': () => ({ items: [SELF, FATHER], max: 8 }),
    'records.list': (data) =>
      data.patientId === FATHER.id
        ? {
            items: [
              recordView({
                id: 'r00000002',
                date: '2026-11-30',
                kind: '其他',
                source: { kind: 'consult', consultId: 'c1', doctorName: '李淑芬' },
              }),
              recordView(),
            ],
            nextCursor: null,
          }
        : { items: [], nextCursor: null },
  });
  render(<RecordsPage />);
  expect(await screen.findByText(/还没有病历/)).toBeTruthy();
  fireEvent.click(screen.getByText('王*'));
  expect(await screen.findByText('来自咨询 · 李淑芬')).toBeTruthy();
  const items = screen.getAllByTestId('record-item');
  expect(items.map((i) => i.textContent?.slice(0, 10))).toEqual(['2026-11-30', '2026-11-20']);
  expect(
    b.calls.filter((c) => c.action === 'list' && c.fn === 'records').map((c) => c.data),
  ).toEqual([{ patientId: SELF.id }, { patientId: FATHER.id }]);
  fireEvent.click(items[1]);
  expect(taro.navigateTo).toHaveBeenCalledWith({
    url: '/subpackages/family/record/index?id=r00000001',
  });
});

test('添加病历: a date after today never leaves the phone', async () => {
  setRouterParams({ patientId: FATHER.id });
  const b = consultBackend({});
  render(<RecordFormPage />);
  fireEvent.click(await screen.findByText('检查报告'));
  await type('YYYY-MM-DD', '2999-01-01');
  await type('医院名称', '瑞金医院');
  fireEvent.click(button('保存病历'));
  expect(await screen.findByText('就诊日期不能晚于今天')).toBeTruthy();
  expect(b.calls.filter((c) => c.fn === 'records')).toEqual([]);
});

test('添加病历 with a photo: the record is saved, then the photo onto it, then it opens', async () => {
  setRouterParams({ patientId: FATHER.id });
  pick.mockResolvedValue({ status: 'picked', images: [{ path: 'blob:report', size: 1000 }] });
  const b = consultBackend({
    'records.create': () => recordView(),
    'records.uploadAttachment': () => ({
      id: 'a00000001',
      contentType: 'image/png',
      size: 68,
      url: null,
    }),
  });
  render(<RecordFormPage />);
  fireEvent.click(await screen.findByText('检查报告'));
  await type('YYYY-MM-DD', '2026-11-20');
  await type('医院名称', '瑞金医院');
  fireEvent.click(screen.getByText('＋ 添加照片'));
  await waitFor(() => expect(screen.getAllByTestId('picked-photo')).toHaveLength(1));
  fireEvent.click(button('保存病历'));
  await waitFor(() =>
    expect(taro.redirectTo).toHaveBeenCalledWith({
      url: '/subpackages/family/record/index?id=r00000001',
    }),
  );
  const records = b.calls.filter((c) => c.fn === 'records');
  expect(records.map((c) => c.action)).toEqual(['create', 'uploadAttachment']);
  expect(records[0].data).toEqual({
    patientId: FATHER.id,
    kind: '检查报告',
    date: '2026-11-20',
    hospital: { name: '瑞金医院' },
  });
  expect(records[1].data).toEqual({
    recordId: 'r00000001',
    file: { contentBase64: TINY_PNG, contentType: 'image/png' },
  });
});

test('a record shows its photo full-screen on a tap and every doctor’s read of it', async () => {
  setRouterParams({ id: 'r00000001' });
  consultBackend({
    'records.get': () =>
      recordView({
        attachmentCount: 1,
        attachments: [{ id: 'a00000001', contentType: 'image/png', size: 68, url: null }],
      }),
    'records.getAttachment': () => ({ contentType: 'image/png', contentBase64: TINY_PNG }),
    'records.accessLog': () => ({
      items: [
        {
          id: 'l1',
          recordId: 'r00000001',
          consultId: 'c1',
          doctor: { id: 'd1', name: '李淑芬' },
          what: 'record',
          attachmentId: null,
          at: '2026-12-01T02:00:00.000Z',
        },
      ],
      nextCursor: null,
    }),
  });
  render(<RecordPage />);
  expect(await screen.findByText('附件（1/9）')).toBeTruthy();
  expect(await screen.findByText(/李淑芬医生查看了病历/)).toBeTruthy();
  const img = await waitFor(() => {
    const el = document.querySelector(
      '[data-testid="attachment"] img, [data-testid="attachment"] taro-image-core',
    );
    if (!el) throw new Error('no image yet');
    return el as HTMLElement;
  });
  fireEvent.click(img);
  await waitFor(() =>
    expect(taro.previewImage).toHaveBeenCalledWith({
      current: `data:image/png;base64,${TINY_PNG}`,
      urls: [`data:image/png;base64,${TINY_PNG}`],
    }),
  );
});

test('删除病历 after the confirm that says the files and shares go too', async () => {
  setRouterParams({ id: 'r00000001' });
  const b = consultBackend({
    'records.get': () => recordView(),
    'records.accessLog': () => ({ items: [], nextCursor: null }),
    'records.remove': () => ({ recordId: 'r00000001' }),
  });
  render(<RecordPage />);
  expect(await screen.findByText('还没有医生通过分享查看过这份病历')).toBeTruthy();
  fireEvent.click(button('删除病历'));
  await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
  expect(taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ content: expect.stringContaining('附件和对医生的分享') }),
  );
  expect(b.calls.filter((c) => c.action === 'remove').map((c) => c.data)).toEqual([
    { recordId: 'r00000001' },
  ]);
});
