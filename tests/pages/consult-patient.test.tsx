/**
 * 图文咨询 for a 就诊人 (IDV, PI, SEC): an account with 就诊人 consults for one of them by
 * default, chooses another with a tap, and may show the doctor chosen records — only
 * those; the chat lists them with 撤回, and the doctor opens them one by one.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ConsultChatPage from '../../src/subpackages/consult/chat';
import ConsultCreatePage from '../../src/subpackages/consult/create';
import { consultBackend, consultView, givenLoggedIn } from './consult-fixtures';
import { button } from './forms';
import { FATHER, patientView, recordView } from './patient-fixtures';
import { setRouterParams, taro } from './taro-fake';

const DESCRIPTION = '父亲胸闷气短两周，活动后加重，夜间偶有憋醒';
const SELF = patientView();
const REPORT = recordView();

beforeEach(() => givenLoggedIn());

async function describe_(text: string) {
  const area = await waitFor(() => {
    const el = document.querySelector('textarea');
    if (!el) throw new Error('no textarea yet');
    return el;
  });
  fireEvent.input(area, { target: { value: text } });
  await waitFor(() => expect(area.value).toBe(text));
}

const shares = {
  shares: [
    {
      recordId: REPORT.id,
      consultId: 'c1',
      kind: REPORT.kind,
      date: REPORT.date,
      sharedAt: '2026-12-01T00:00:00.000Z',
    },
  ],
  visibleUntil: null,
};

test('for 父亲 with his 检查报告 shared: create names him, then the ticked record is shared', async () => {
  setRouterParams({ doctorId: 'd1' });
  const b = consultBackend({
    'patients.list': () => ({ items: [SELF, FATHER], max: 8 }),
    'records.list': (data) => ({
      items: data.patientId === FATHER.id ? [REPORT] : [],
      nextCursor: null,
    }),
    'consult.create': () => consultView({ status: 'waiting', price: 0 }),
    'records.share': () => shares,
  });
  render(<ConsultCreatePage />);
  await screen.findByText('图文咨询 ¥30');
  // 本人 (the first 就诊人) is chosen by default; a tap chooses 父亲.
  await waitFor(() =>
    expect(screen.getByRole('radio', { name: '张* 本人' }).getAttribute('aria-checked')).toBe(
      'true',
    ),
  );
  fireEvent.click(screen.getByText('王*'));
  const row = await screen.findByText(/2026-11-20 检查报告 · 瑞金医院/);
  fireEvent.click(row);
  await describe_(DESCRIPTION);
  fireEvent.click(button('提交并支付 ¥30'));
  await waitFor(() =>
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/consult/chat/index?id=c1' }),
  );
  expect(b.of('create')).toEqual([
    {
      doctorId: 'd1',
      patient: { kind: 'patient', patientId: FATHER.id },
      description: DESCRIPTION,
      photoKeys: [],
    },
  ]);
  expect(b.calls.filter((c) => c.action === 'share').map((c) => c.data)).toEqual([
    { consultId: 'c1', recordIds: [REPORT.id] },
  ]);
});

test('nothing ticked: nothing is shared', async () => {
  setRouterParams({ doctorId: 'd1' });
  const b = consultBackend({
    'patients.list': () => ({ items: [FATHER], max: 8 }),
    'records.list': () => ({ items: [REPORT], nextCursor: null }),
    'consult.create': () => consultView({ status: 'waiting', price: 0 }),
  });
  render(<ConsultCreatePage />);
  await screen.findByText(/2026-11-20 检查报告/);
  await describe_(DESCRIPTION);
  fireEvent.click(button('提交并支付 ¥30'));
  await waitFor(() => expect(taro.redirectTo).toHaveBeenCalled());
  expect(b.of('create')[0].patient).toEqual({ kind: 'patient', patientId: FATHER.id });
  expect(b.calls.filter((c) => c.fn === 'records' && c.action === 'share')).toEqual([]);
});

const forFather = {
  kind: 'patient' as const,
  patientId: FATHER.id,
  name: '王建国',
  sex: 'male' as const,
  age: 66,
  allergies: '青霉素',
};

test('the patient sees what is shared and 撤回 takes it back', async () => {
  setRouterParams({ id: 'c1' });
  let current = shares;
  const b = consultBackend({
    'consult.get': () => consultView({ patient: forFather }),
    'consult.listMessages': () => ({ items: [], nextCursor: null }),
    'records.listShares': () => current,
    'records.unshare': () => {
      current = { shares: [], visibleUntil: null };
      return current;
    },
  });
  render(<ConsultChatPage />);
  expect(await screen.findByText('已分享给医生的病历')).toBeTruthy();
  fireEvent.click(screen.getByText('撤回'));
  await waitFor(() => expect(screen.queryByText('已分享给医生的病历')).toBeNull());
  expect(b.calls.filter((c) => c.action === 'unshare').map((c) => c.data)).toEqual([
    { consultId: 'c1', recordId: REPORT.id },
  ]);
});

test('the doctor sees 王*, allergies, and opens the shared record', async () => {
  setRouterParams({ id: 'c1' });
  const b = consultBackend({
    'consult.get': () =>
      consultView({ role: 'doctor', patient: { ...forFather, patientId: null, name: '王*' } }),
    'consult.listMessages': () => ({ items: [], nextCursor: null }),
    'records.sharedList': () => shares,
    'records.sharedGet': () => REPORT,
  });
  render(<ConsultChatPage />);
  expect(await screen.findByText(/就诊人：王\* · 男 · 66 岁 · 过敏史：青霉素/)).toBeTruthy();
  expect(await screen.findByText('患者分享的病历')).toBeTruthy();
  fireEvent.click(screen.getByText('查看'));
  expect(await screen.findByText('诊断：窦性心律')).toBeTruthy();
  expect(b.calls.filter((c) => c.action === 'sharedGet').map((c) => c.data)).toEqual([
    { consultId: 'c1', recordId: REPORT.id },
  ]);
});
